package org.backstrat.core.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;

/**
 * Reading the small JSON files a user writes (mappings): the file's text, then its top-level
 * object, each failure a {@link BadInputException} in the user's terms (the file, the line of a
 * syntax error, what kind of file was expected).
 */
public final class JsonInput {
  private JsonInput() {
  }

  /**
   * The file's text.
   *
   * @param what the kind of file, for messages ("instrument mapping")
   */
  public static String readText(Path file, String what) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": " + what + " file not found");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read the " + what + " file: "
          + e.getMessage());
    }
  }

  /**
   * The top-level JSON object of {@code json}.
   *
   * @param reader the JSON reader (e.g. one refusing duplicate keys)
   * @param source the file, for messages
   * @param what the kind of file ("instrument mapping")
   * @param object what the object must hold, for the message when it is not an object
   */
  public static JsonNode readObject(ObjectReader reader, String json, String source, String what,
                                    String object) {
    JsonNode root;
    try {
      root = reader.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      long line = at == null ? 0 : Math.max(0, at.getLineNr());
      throw new BadInputException(InputProblem.error(source, line, "", "",
          "an " + what + " in JSON (" + JsonProblems.describe(e) + ")"));
    }
    if (root == null || !root.isObject()) {
      throw new BadInputException(InputProblem.error(source, 0, "", "",
          "a JSON object with " + object));
    }
    return root;
  }
}
