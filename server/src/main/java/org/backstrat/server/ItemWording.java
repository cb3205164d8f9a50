package org.backstrat.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.backstrat.core.BadInputException;
import org.backstrat.core.scoring.Construct;

/**
 * The words shown for each questionnaire item. By default the construct labels of the scoring
 * code (e.g. "not really safe to be physically active (fear)"): the published wordings of the
 * STarT Back Tool and the ÖMPSQ are under their owners' licences, so backstrat does not ship
 * them. A clinic that holds a licence supplies its wording in a file (schema
 * {@value #SCHEMA}): {@code {"schema": "backstrat.item-wording/1", "items": {"sbt_1": "...",
 * ...}}}; items it leaves out keep their construct label.
 *
 * @param texts the text per item column ({@code sbt_1}..{@code sbt_9},
 *     {@code ompsq_1}..{@code ompsq_10})
 * @param source where the wording came from ({@code construct labels} or the file)
 */
public record ItemWording(Map<String, String> texts, String source) {
  /** Schema of the wording file. */
  public static final String SCHEMA = "backstrat.item-wording/1";
  /** Longest item text accepted. */
  public static final int MAX_TEXT_LENGTH = 500;

  public ItemWording {
    texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
  }

  /** The construct labels. */
  public static ItemWording constructLabels() {
    Map<String, String> m = new LinkedHashMap<>();
    for (Construct c : Construct.values()) {
      m.put(c.standardColumn(), capitalised(c.meaning()));
    }
    return new ItemWording(m, "construct labels");
  }

  /**
   * Reads a clinic's wording file.
   *
   * @throws BadInputException naming the file and the offending field
   */
  public static ItemWording read(Path file) {
    JsonNode root;
    try {
      root = PersonJson.JSON.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such item wording file");
    } catch (IOException e) {
      throw new BadInputException(file + ": not a valid item wording file: " + e.getMessage());
    }
    if (root == null || !root.isObject() || !SCHEMA.equals(root.path("schema").asText())) {
      throw new BadInputException(file + ": schema: expected \"" + SCHEMA + "\"");
    }
    JsonNode items = root.get("items");
    if (items == null || !items.isObject()) {
      throw new BadInputException(file + ": items: expected an object {\"sbt_1\": \"text\", ...}");
    }
    Map<String, String> m = new LinkedHashMap<>(constructLabels().texts());
    Iterator<Map.Entry<String, JsonNode>> it = items.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!m.containsKey(e.getKey())) {
        throw new BadInputException(file + ": items." + e.getKey() + ": not a questionnaire item;"
            + " expected sbt_1..sbt_9 or ompsq_1..ompsq_10");
      }
      if (!e.getValue().isTextual() || e.getValue().asText().isBlank()
          || e.getValue().asText().length() > MAX_TEXT_LENGTH) {
        throw new BadInputException(file + ": items." + e.getKey() + ": expected a text of 1 to "
            + MAX_TEXT_LENGTH + " characters");
      }
      m.put(e.getKey(), e.getValue().asText().strip());
    }
    Path name = file.getFileName();
    return new ItemWording(m, name == null ? file.toString() : name.toString());
  }

  /** The text of an item column. */
  public String text(String column) {
    return texts.getOrDefault(column, column);
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
