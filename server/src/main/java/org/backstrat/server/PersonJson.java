package org.backstrat.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;
import org.backstrat.core.cohort.ValueKind;
import org.backstrat.core.cohort.Variable;
import org.backstrat.model.person.PersonRecord;

/**
 * The JSON form of one person (the API's request body): a flat object whose fields are the
 * cohort table's columns ({@code sex}, {@code age}, {@code bmi}, {@code smoking},
 * {@code sbt_1}..{@code sbt_9}, {@code ompsq_1}..{@code ompsq_10}, {@code pfirrmann_<level>},
 * {@code facet_angle_<level>_<side>}) plus {@code person_id}. Strict: numbers must be JSON
 * numbers, categories strings, an unknown or repeated field is an error, {@code null} means
 * absent; nesting, string and number lengths are bounded before anything is built. Every problem
 * is reported, each naming its field.
 */
public final class PersonJson {
  /** A pseudonymous id: letters, digits and {@code . _ : -}, 1 to 64 characters. */
  public static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  /** The field holding the pseudonymous id. */
  public static final String PERSON_ID_FIELD = "person_id";

  static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8)
          .maxStringLength(4096).maxNumberLength(64).build())
      .build());

  private PersonJson() {
  }

  /**
   * Reads a request body.
   *
   * @throws BadInputException with one problem per offending field (or one for the body when it
   *     is not a JSON object)
   */
  public static PersonRecord read(byte[] body) {
    JsonNode root;
    try {
      JsonParser p = JSON.createParser(body);
      root = JSON.readTree(p);
      if (p.nextToken() != null) {
        throw body("more than one JSON value", "one JSON object");
      }
    } catch (JsonProcessingException e) {
      throw body(e.getOriginalMessage(), "a JSON object (line "
          + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
    } catch (IOException e) {
      throw body("unreadable", "a JSON object");
    }
    if (root == null || !root.isObject()) {
      throw body(root == null ? "nothing" : kind(root), "a JSON object");
    }
    return read((ObjectNode) root);
  }

  /** Reads a parsed JSON object (see the class comment). */
  public static PersonRecord read(ObjectNode o) {
    JsonNode idNode = o.get(PERSON_ID_FIELD);
    String id = idNode != null && idNode.isTextual() ? idNode.asText() : "";
    PersonRecord.Builder b = PersonRecord.builder(id.isEmpty() ? "?" : id);
    if (idNode == null || idNode.isNull()) {
      b.reject(PERSON_ID_FIELD, "nothing", "a pseudonymous id (" + PERSON_ID_WORDS + ")");
    } else if (!idNode.isTextual()) {
      b.reject(PERSON_ID_FIELD, kind(idNode), "a string (" + PERSON_ID_WORDS + ")");
    } else if (!PERSON_ID.matcher(id).matches()) {
      b.reject(PERSON_ID_FIELD, quoted(id), PERSON_ID_WORDS);
    }
    Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String field = e.getKey();
      JsonNode v = e.getValue();
      if (field.equals(PERSON_ID_FIELD) || v.isNull()) {
        continue;
      }
      Variable var = PersonRecord.field(field).orElse(null);
      if (var == null) {
        b.reject(shorten(field), "an unknown field", "only the fields " + PERSON_ID_FIELD
            + ", sex, age, bmi, smoking, sbt_1..sbt_9, ompsq_1..ompsq_10, pfirrmann_<level>, "
            + "facet_angle_<level>_<side>");
      } else if (var.kind() == ValueKind.CATEGORY) {
        if (v.isTextual()) {
          b.category(field, v.asText());
        } else {
          b.reject(field, kind(v), "a string: " + PersonRecord.expected(var));
        }
      } else if (v.isNumber()) {
        b.number(field, v.asDouble());
      } else {
        b.reject(field, kind(v) + (v.isTextual() ? " " + quoted(v.asText()) : ""),
            "a JSON number: " + PersonRecord.expected(var));
      }
    }
    return b.build();
  }

  /** What {@link #PERSON_ID} accepts, in words. */
  public static final String PERSON_ID_WORDS =
      "1 to 64 letters, digits, '.', '_', ':' or '-' (a pseudonym, never a name)";

  /** The fields of a person as a JSON object (for the registry's inputs column). */
  public static ObjectNode toJson(PersonRecord person) {
    ObjectNode o = JSON.createObjectNode();
    o.put(PERSON_ID_FIELD, person.id());
    for (Variable v : PersonRecord.fields()) {
      if (person.categories().containsKey(v.name())) {
        o.put(v.name(), person.categories().get(v.name()));
      } else if (person.values().containsKey(v.name())) {
        double x = person.values().get(v.name());
        if (x == Math.rint(x)) {
          o.put(v.name(), (long) x);
        } else {
          o.put(v.name(), x);
        }
      }
    }
    return o;
  }

  static BadInputException body(String found, String expected) {
    return new BadInputException(List.of(InputProblem.error(PersonRecord.SOURCE, 0, "(body)",
        shorten(found), expected)));
  }

  static String kind(JsonNode v) {
    return switch (v.getNodeType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }

  static String quoted(String s) {
    return "\"" + shorten(s) + "\"";
  }

  /** Long user text cut to 80 characters for messages. */
  static String shorten(String s) {
    return s == null ? "" : s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
