package org.backstrat.core.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way backstrat writes a JSON document (summary.json, model.json): two-space
 * indentation, {@code \n} line ends on every platform, fields in the tree's order and a final
 * newline, so the same tree always gives the same bytes.
 */
public final class PrettyJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private PrettyJson() {
  }

  /** Writes {@code node} to {@code file} (the caller makes the write atomic). */
  public static void write(JsonNode node, Path file) throws IOException {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try (OutputStream os = Files.newOutputStream(file)) {
      JSON.writer(pp).writeValue(os, node);
      os.write('\n');
    }
  }
}
