package org.backstrat.core.scoring;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;
import org.backstrat.core.io.JsonInput;

/**
 * Which input column holds each questionnaire {@link Construct}. Translations and some printed
 * versions order the items differently; an input declares its order with a mapping file and
 * scoring keys items by construct. Immutable.
 *
 * <p>Instruments a mapping does not mention use the published order ({@code sbt_1} …
 * {@code sbt_9}, {@code ompsq_1} … {@code ompsq_10}). An instrument it mentions must map every
 * one of its constructs, each to a different column. File format (JSON, UTF-8):
 *
 * <pre>{@code
 * {
 *   "schema": "backstrat.instrument-mapping/1",
 *   "items": {
 *     "sbt.leg_pain": "q1", "sbt.shoulder_neck_pain": "q2", ..., "sbt.bothersomeness": "q9"
 *   }
 * }
 * }</pre>
 *
 * <p>Keys are {@link Construct#key()}s; values are column names, matched case-insensitively (the
 * cohort's canonical names are lower case). Whether the columns exist is checked against the
 * cohort when scoring ({@link CohortScorer}).
 */
public final class InstrumentMapping {

  /** Value of the {@code schema} field of a mapping file. */
  public static final String SCHEMA = "backstrat.instrument-mapping/1";

  /** Immutable JSON reader that refuses duplicate keys (a construct mapped twice). */
  private static final ObjectReader JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build().reader();

  private static final InstrumentMapping STANDARD =
      new InstrumentMapping("published item order", standardColumns(), EnumSet.noneOf(
          Instrument.class));

  private final String source;
  private final Map<Construct, String> columns;
  private final Set<Instrument> declared;

  private InstrumentMapping(String source, Map<Construct, String> columns,
                            Set<Instrument> declared) {
    this.source = source;
    this.columns = Collections.unmodifiableMap(new EnumMap<>(columns));
    this.declared = declared.isEmpty() ? EnumSet.noneOf(Instrument.class)
        : EnumSet.copyOf(declared);
  }

  /** The published order: construct at position k of instrument x in column {@code x_k}. */
  public static InstrumentMapping standard() {
    return STANDARD;
  }

  /**
   * A mapping given in code, e.g. from a configuration object.
   *
   * @param source a name for messages (a file, "config")
   * @param declaredColumns column per construct; every instrument it touches must be complete
   * @throws BadInputException when a construct is missing for a mentioned instrument or a column
   *     is used twice
   */
  public static InstrumentMapping of(String source, Map<Construct, String> declaredColumns) {
    List<InputProblem> problems = new ArrayList<>();
    Map<Construct, String> canonical = new EnumMap<>(Construct.class);
    for (Map.Entry<Construct, String> e : declaredColumns.entrySet()) {
      String column = e.getValue() == null ? "" : canonicalColumn(e.getValue());
      if (column.isEmpty()) {
        problems.add(InputProblem.error(source, 0, "", "", e.getKey().key()
            + ": a non-empty column name"));
      }
      canonical.put(e.getKey(), column);
    }
    return build(source, canonical, problems);
  }

  /**
   * Reads a mapping file.
   *
   * @throws BadInputException when the file cannot be read, is not valid JSON, or breaks the
   *     rules above; every problem found is reported at once
   */
  public static InstrumentMapping read(Path file) {
    return parse(JsonInput.readText(file, "instrument mapping"), file.toString());
  }

  /**
   * Parses mapping JSON.
   *
   * @param json the file content
   * @param source file name for messages
   * @throws BadInputException as {@link #read}
   */
  public static InstrumentMapping parse(String json, String source) {
    JsonNode root = JsonInput.readObject(JSON, json, source, "instrument mapping",
        "\"schema\": \"" + SCHEMA + "\" and \"items\"");
    List<InputProblem> problems = new ArrayList<>();
    JsonNode schema = root.get("schema");
    if (schema == null || !schema.isTextual() || !SCHEMA.equals(schema.asText())) {
      problems.add(InputProblem.error(source, 0, "", schema == null ? "" : schema.toString(),
          "\"schema\": \"" + SCHEMA + "\""));
    }
    for (Map.Entry<String, JsonNode> property : root.properties()) {
      String field = property.getKey();
      if (!field.equals("schema") && !field.equals("items") && !field.equals("description")) {
        problems.add(InputProblem.error(source, 0, "", field,
            "schema, items and optionally description; not this unknown field"));
      }
    }
    JsonNode items = root.get("items");
    Map<Construct, String> columns = new EnumMap<>(Construct.class);
    if (items == null || !items.isObject() || items.isEmpty()) {
      problems.add(InputProblem.error(source, 0, "", "", "\"items\": an object "
          + "mapping constructs (e.g. \"sbt.fear\") to column names"));
    } else {
      for (Map.Entry<String, JsonNode> e : items.properties()) {
        var construct = Construct.byKey(e.getKey());
        if (construct.isEmpty()) {
          problems.add(InputProblem.error(source, 0, "", e.getKey(),
              "one of " + allKeys() + "; not this unknown construct"));
          continue;
        }
        JsonNode v = e.getValue();
        String column = v.isTextual() ? canonicalColumn(v.asText()) : "";
        if (columns.containsKey(construct.get())) {
          problems.add(InputProblem.error(source, 0, "", e.getKey(),
              "construct mapped twice (keys differ only in case)"));
          continue;
        }
        if (column.isEmpty()) {
          problems.add(InputProblem.error(source, 0, "", v.isTextual() ? v.asText()
              : v.toString(), construct.get().key() + ": a non-empty column name"));
        }
        columns.put(construct.get(), column); // an empty name is reported, not also unmapped
      }
    }
    return build(source, columns, problems);
  }

  private static InstrumentMapping build(String source, Map<Construct, String> declaredColumns,
                                         List<InputProblem> problems) {
    Set<Instrument> declared = EnumSet.noneOf(Instrument.class);
    for (Construct c : declaredColumns.keySet()) {
      declared.add(c.instrument());
    }
    for (Instrument instrument : declared) {
      for (Construct c : instrument.constructs()) {
        if (!declaredColumns.containsKey(c)) {
          problems.add(InputProblem.error(source, 0, "", c.key(), "construct not mapped: a "
              + "mapping that declares " + instrument.displayName()
              + " items must map all " + instrument.itemCount() + " of them"));
        }
      }
    }
    Map<String, Construct> owner = new HashMap<>();
    for (Map.Entry<Construct, String> e : declaredColumns.entrySet()) {
      Construct previous = owner.putIfAbsent(e.getValue(), e.getKey());
      if (previous != null && !e.getValue().isEmpty()) {
        problems.add(InputProblem.error(source, 0, e.getValue(), "", "column mapped to both "
            + previous.key() + " and " + e.getKey().key() + "; each column holds one item"));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    Map<Construct, String> effective = standardColumns();
    effective.putAll(declaredColumns);
    return new InstrumentMapping(source, effective, declared);
  }

  /** Where the mapping came from (file name, or "published item order"). */
  public String source() {
    return source;
  }

  /** The column holding a construct (lower case). */
  public String column(Construct construct) {
    return columns.get(construct);
  }

  /** The columns of an instrument's items, in the published order of its constructs. */
  public List<String> columns(Instrument instrument) {
    List<String> out = new ArrayList<>();
    for (Construct c : instrument.constructs()) {
      out.add(columns.get(c));
    }
    return List.copyOf(out);
  }

  /**
   * True when the mapping declared this instrument's order explicitly (then its columns must
   * exist in a cohort being scored); false when it falls back to the published order.
   */
  public boolean declares(Instrument instrument) {
    return declared.contains(instrument);
  }

  private static Map<Construct, String> standardColumns() {
    Map<Construct, String> m = new EnumMap<>(Construct.class);
    for (Construct c : Construct.values()) {
      m.put(c, c.standardColumn());
    }
    return m;
  }

  private static String canonicalColumn(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  private static String allKeys() {
    List<String> keys = new ArrayList<>();
    for (Construct c : Construct.values()) {
      keys.add(c.key());
    }
    return String.join(", ", keys);
  }

  @Override
  public String toString() {
    return "InstrumentMapping[" + source + ", " + columns + "]";
  }
}
