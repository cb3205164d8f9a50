package org.backstrat.core.mapping;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortCheck;
import org.backstrat.core.cohort.CohortReadResult;
import org.backstrat.core.cohort.CohortReader;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.core.cohort.ValueKind;
import org.backstrat.core.cohort.Variable;
import org.backstrat.core.io.JsonInput;
import org.backstrat.core.io.RowSink;
import org.backstrat.core.io.TableFormat;
import org.backstrat.core.io.TableReadOptions;
import org.backstrat.core.io.TableTransform;
import org.backstrat.core.scoring.Construct;
import org.backstrat.core.scoring.InstrumentMapping;

/**
 * How a researcher's own table becomes a cohort table: which of its columns is which cohort
 * column, which questionnaire item sits in which column, which cell values mean "missing", and
 * which codes stand for which values. Applied to the rows as they are read, before the cohort is
 * checked ({@link TableTransform}), so every verb that reads a cohort (validate, score, analyze,
 * assign) sees the same table; the file itself is never changed. Immutable.
 *
 * <pre>{@code
 * {
 *   "schema": "backstrat.import-mapping/1",
 *   "columns": {"Patient": "id", "Gender": "sex", "BMI (kg/m2)": "bmi"},
 *   "items": {"sbt.fear": "q5", ...},
 *   "missing": ["NA", ".", "-99"],
 *   "recode": {"sex": {"F": "female", "M": "male", "1": "male", "2": "female"}},
 *   "sheet": "cohort"
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code columns}: table column (as written in its header, any case) to cohort column.</li>
 *   <li>{@code items}: questionnaire construct ({@link Construct#key()}) to table column; the
 *       column is read as the construct's standard column ({@code sbt.fear} → {@code sbt_5}), so
 *       item checks and scores apply whatever the item order. An instrument named must be mapped
 *       whole. The older {@code backstrat.instrument-mapping/1} files (items only) are read too.
 *   </li>
 *   <li>{@code missing}: cell values read as empty (missing) in every column; a number token
 *       also matches the same number written otherwise ({@code -99} matches {@code -99.0}).</li>
 *   <li>{@code recode}: per cohort column (after renaming), cell value to value; codes are
 *       matched exactly, then ignoring case; a value of a category column must be one of its
 *       levels. Cells without a code pass unchanged and are checked as usual.</li>
 *   <li>{@code sheet}: the workbook sheet to read, by name or 1-based number (Excel only).</li>
 * </ul>
 *
 * <p>Reading a table through the mapping reports, as warnings, how many cells were read as
 * missing and how many were recoded in each column, so nothing changes silently.
 */
public final class ImportMapping implements TableTransform {

  /** Value of the {@code schema} field of an import mapping file. */
  public static final String SCHEMA = "backstrat.import-mapping/1";

  private static final ObjectReader JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build().reader();
  private static final CohortSchema COHORT = CohortSchema.standard();

  private final String source;
  /** lower-case table column → cohort column (from columns and items). */
  private final Map<String, String> renames;
  /** lower-case table column → where the rename came from, for messages. */
  private final Map<String, String> renameOrigin;
  private final List<String> missingTokens;
  /** lower-case cohort column → code → value. */
  private final Map<String, Map<String, String>> recodes;
  private final Optional<String> sheet;

  private ImportMapping(String source, Map<String, String> renames,
                        Map<String, String> renameOrigin, List<String> missingTokens,
                        Map<String, Map<String, String>> recodes, Optional<String> sheet) {
    this.source = source;
    this.renames = Collections.unmodifiableMap(new LinkedHashMap<>(renames));
    this.renameOrigin = Collections.unmodifiableMap(new LinkedHashMap<>(renameOrigin));
    this.missingTokens = List.copyOf(missingTokens);
    Map<String, Map<String, String>> r = new LinkedHashMap<>();
    recodes.forEach((k, v) -> r.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    this.recodes = Collections.unmodifiableMap(r);
    this.sheet = sheet;
  }

  /** A mapping that changes nothing. */
  public static ImportMapping none() {
    return new ImportMapping("no mapping", Map.of(), Map.of(), List.of(), Map.of(),
        Optional.empty());
  }

  /** Reads a mapping file; every mistake in it is reported at once (exit 2 in the verbs). */
  public static ImportMapping read(Path file) {
    return parse(JsonInput.readText(file, "mapping"), file.toString());
  }

  /** Parses mapping JSON; {@code source} names it in messages. */
  public static ImportMapping parse(String json, String source) {
    JsonNode root = JsonInput.readObject(JSON, json, source, "import mapping",
        "\"schema\": \"" + SCHEMA + "\"");
    List<InputProblem> problems = new ArrayList<>();
    JsonNode schema = root.get("schema");
    String schemaName = schema != null && schema.isTextual() ? schema.asText() : "";
    if (schemaName.equals(InstrumentMapping.SCHEMA)) {
      // the older items-only file: read as such, applied as renames
      return fromInstrumentMapping(InstrumentMapping.parse(json, source), source);
    }
    if (!schemaName.equals(SCHEMA)) {
      problems.add(problem(source, "schema", schema == null ? "" : schema.toString(),
          "\"" + SCHEMA + "\" (or \"" + InstrumentMapping.SCHEMA + "\" for items only)"));
    }
    Set<String> known = Set.of("schema", "description", "columns", "items", "missing", "recode",
        "sheet");
    for (Map.Entry<String, JsonNode> p : root.properties()) {
      if (!known.contains(p.getKey())) {
        problems.add(problem(source, p.getKey(), "", "no field " + p.getKey()
            + "; the fields are " + String.join(", ", new java.util.TreeSet<>(known))));
      }
    }
    Map<String, String> renames = new LinkedHashMap<>();
    Map<String, String> origin = new LinkedHashMap<>();
    Map<String, String> targetOwner = new LinkedHashMap<>();
    JsonNode columns = root.get("columns");
    if (columns != null) {
      if (!columns.isObject()) {
        problems.add(problem(source, "columns", columns.toString(),
            "an object from table column names to cohort column names"));
      } else {
        for (Map.Entry<String, JsonNode> e : columns.properties()) {
          String from = e.getKey().strip();
          JsonNode to = e.getValue();
          if (from.isEmpty() || !to.isTextual() || to.asText().isBlank()) {
            problems.add(problem(source, "columns." + e.getKey(), to.toString(),
                "a non-empty cohort column name"));
            continue;
          }
          String target = canonical(to.asText());
          addRename(source, "columns." + from, from, target, renames, origin, targetOwner,
              problems);
        }
      }
    }
    JsonNode items = root.get("items");
    if (items != null) {
      if (!items.isObject()) {
        problems.add(problem(source, "items", items.toString(),
            "an object from constructs (e.g. \"sbt.fear\") to table column names"));
      } else {
        Map<Construct, String> declared = new EnumMap<>(Construct.class);
        for (Map.Entry<String, JsonNode> e : items.properties()) {
          Optional<Construct> c = Construct.byKey(e.getKey());
          if (c.isEmpty()) {
            problems.add(problem(source, "items." + e.getKey(), "", "a construct such as "
                + "sbt.fear or ompsq.duration"));
            continue;
          }
          if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
            problems.add(problem(source, "items." + e.getKey(), e.getValue().toString(),
                "a non-empty table column name"));
            continue;
          }
          declared.put(c.get(), e.getValue().asText());
        }
        try {
          InstrumentMapping im = InstrumentMapping.of(source, declared);
          for (Map.Entry<Construct, String> e : declared.entrySet()) {
            addRename(source, "items." + e.getKey().key(), im.column(e.getKey()),
                e.getKey().standardColumn(), renames, origin, targetOwner, problems);
          }
        } catch (BadInputException bad) {
          problems.addAll(bad.problems().isEmpty()
              ? List.of(problem(source, "items", "", bad.getMessage())) : bad.problems());
        }
      }
    }
    List<String> tokens = new ArrayList<>();
    JsonNode missing = root.get("missing");
    if (missing != null) {
      if (!missing.isArray()) {
        problems.add(problem(source, "missing", missing.toString(),
            "a list of cell values that mean missing, e.g. [\"NA\", \".\", \"-99\"]"));
      } else {
        for (JsonNode t : missing) {
          if (!(t.isTextual() || t.isNumber()) || t.asText().isBlank()) {
            problems.add(problem(source, "missing", t.toString(), "non-empty text or a number"));
          } else {
            tokens.add(t.asText().strip());
          }
        }
      }
    }
    Map<String, Map<String, String>> recodes = new LinkedHashMap<>();
    JsonNode recode = root.get("recode");
    if (recode != null) {
      if (!recode.isObject()) {
        problems.add(problem(source, "recode", recode.toString(),
            "an object from cohort column names to {code: value} objects"));
      } else {
        for (Map.Entry<String, JsonNode> e : recode.properties()) {
          String column = canonical(e.getKey());
          Optional<Variable> v = COHORT.find(column);
          if (!e.getValue().isObject() || e.getValue().isEmpty()) {
            problems.add(problem(source, "recode." + e.getKey(), e.getValue().toString(),
                "an object of codes, e.g. {\"F\": \"female\", \"M\": \"male\"}"));
            continue;
          }
          Map<String, String> codes = new LinkedHashMap<>();
          for (Map.Entry<String, JsonNode> c : e.getValue().properties()) {
            JsonNode value = c.getValue();
            String text = value.isTextual() || value.isNumber() ? value.asText().strip() : null;
            String where = "recode." + e.getKey() + "." + c.getKey();
            if (text == null) {
              problems.add(problem(source, where, value.toString(), "text or a number"));
              continue;
            }
            if (v.isPresent() && v.get().kind() == ValueKind.CATEGORY && !text.isEmpty()
                && !v.get().levels().contains(text.toLowerCase(Locale.ROOT))) {
              problems.add(problem(source, where, text, "one of " + String.join(", ",
                  v.get().levels()) + " (the levels of " + v.get().name() + "), or \"\" for "
                  + "missing"));
              continue;
            }
            codes.put(c.getKey().strip(), text);
          }
          recodes.put(column, codes);
        }
      }
    }
    Optional<String> sheet = Optional.empty();
    JsonNode sheetNode = root.get("sheet");
    if (sheetNode != null) {
      if (sheetNode.isTextual() && !sheetNode.asText().isBlank()
          || sheetNode.isIntegralNumber() && sheetNode.asInt() >= 1) {
        sheet = Optional.of(sheetNode.asText().strip());
      } else {
        problems.add(problem(source, "sheet", sheetNode.toString(),
            "a sheet name or its number counting from 1"));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    return new ImportMapping(source, renames, origin, tokens, recodes, sheet);
  }

  private static ImportMapping fromInstrumentMapping(InstrumentMapping im, String source) {
    Map<String, String> renames = new LinkedHashMap<>();
    Map<String, String> origin = new LinkedHashMap<>();
    Map<String, String> owner = new LinkedHashMap<>();
    List<InputProblem> problems = new ArrayList<>();
    for (Construct c : Construct.values()) {
      if (im.declares(c.instrument())) {
        addRename(source, "items." + c.key(), im.column(c), c.standardColumn(), renames, origin,
            owner, problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    return new ImportMapping(source, renames, origin, List.of(), Map.of(), Optional.empty());
  }

  private static void addRename(String source, String where, String from, String target,
                                Map<String, String> renames, Map<String, String> origin,
                                Map<String, String> targetOwner, List<InputProblem> problems) {
    String key = from.strip().toLowerCase(Locale.ROOT);
    if (renames.containsKey(key)) {
      problems.add(problem(source, where, from, "each table column mapped once; "
          + origin.get(key) + " maps it already"));
      return;
    }
    String previous = targetOwner.putIfAbsent(target, where);
    if (previous != null) {
      problems.add(problem(source, where, target, "each cohort column filled from one table "
          + "column; " + previous + " fills " + target + " already"));
      return;
    }
    renames.put(key, target);
    origin.put(key, where);
  }

  private static InputProblem problem(String source, String where, String value,
                                      String expected) {
    return InputProblem.error(source, 0, where, value, expected);
  }

  private static String canonical(String name) {
    String s = name.strip();
    return COHORT.find(s).map(Variable::name).orElse(s);
  }

  /** Where the mapping came from (its file name), for messages. */
  public String source() {
    return source;
  }

  /** The sheet to read from a workbook (a name, or a 1-based number as text), if named. */
  public Optional<String> sheet() {
    return sheet;
  }

  /**
   * A copy reading another workbook sheet ({@code --sheet} overrides the file's {@code sheet});
   * blank keeps this mapping's.
   */
  public ImportMapping withSheet(String name) {
    if (name == null || name.isBlank()) {
      return this;
    }
    return new ImportMapping(source, renames, renameOrigin, missingTokens, recodes,
        Optional.of(name.strip()));
  }

  /** How to read the table: the mapping's sheet, or the first. */
  public TableReadOptions readOptions() {
    return sheet.map(TableReadOptions.DEFAULTS::withSheet).orElse(TableReadOptions.DEFAULTS);
  }

  /** Reads and checks a cohort table through this mapping (see the class documentation). */
  public CohortReadResult readCohort(Path table) {
    return CohortReader.withDefaults().read(table, this, readOptions());
  }

  /** Checks a cohort table through this mapping without keeping its values ({@code validate}). */
  public CohortCheck checkCohort(Path table) {
    return CohortReader.withDefaults().check(table, this, readOptions());
  }

  /** Reads a cohort table through this mapping in blocks (see {@link CohortReader}). */
  public CohortReadResult readCohortInBlocks(Path table, int blockRows,
                                             java.util.function.Consumer<Cohort> block) {
    return CohortReader.withDefaults().readInBlocks(table, this, readOptions(), blockRows,
        block);
  }

  /** The tokens read as missing. */
  public List<String> missingTokens() {
    return missingTokens;
  }

  /** True when the mapping changes nothing. */
  public boolean isEmpty() {
    return renames.isEmpty() && missingTokens.isEmpty() && recodes.isEmpty();
  }

  @Override
  public Session open(String file, RowSink downstream) {
    return new MappingSession(file, downstream);
  }

  /** One pass of a table through the mapping. */
  private final class MappingSession implements Session {
    private final RowSink downstream;
    private final List<InputProblem> problems = new ArrayList<>();
    private final String file;
    private String[] targetOf = new String[0];
    private List<Map<String, String>> recodeOf = List.of();
    private long[] missingCount = new long[0];
    private long[] recodedCount = new long[0];
    private final Set<Double> numericTokens = new LinkedHashSet<>();
    private final Set<String> textTokens = new LinkedHashSet<>();

    MappingSession(String file, RowSink downstream) {
      this.file = file;
      this.downstream = downstream;
      for (String t : missingTokens) {
        double x = CohortReader.parseDecimal(t, false);
        if (!Double.isNaN(x)) {
          numericTokens.add(x);
        }
        textTokens.add(t.toLowerCase(Locale.ROOT));
      }
    }

    @Override
    public void header(List<String> cells, TableFormat format) {
      int width = cells.size();
      targetOf = new String[width];
      recodeOf = new ArrayList<>(width);
      missingCount = new long[width];
      recodedCount = new long[width];
      Set<String> present = new LinkedHashSet<>();
      for (String c : cells) {
        present.add(c.strip().toLowerCase(Locale.ROOT));
      }
      Set<String> renamedAway = renames.keySet();
      List<String> out = new ArrayList<>(width);
      Map<String, Integer> targetColumn = new LinkedHashMap<>();
      for (int c = 0; c < width; c++) {
        String raw = cells.get(c);
        String key = raw.strip().toLowerCase(Locale.ROOT);
        String target = renames.getOrDefault(key, raw.strip());
        String targetKey = target.toLowerCase(Locale.ROOT);
        if (!renames.containsKey(key) && renamedTargets().contains(targetKey)
            && !renamedAway.contains(key)) {
          problems.add(InputProblem.error(file(), 1, raw.strip(), "", "no column named "
              + target + " besides the one the mapping " + source + " fills from "
              + sourceOf(targetKey) + "; rename or map this one too"));
        }
        targetOf[c] = target;
        targetColumn.put(targetKey, c);
        recodeOf.add(recodes.get(canonical(target)));
        out.add(target);
      }
      for (Map.Entry<String, String> e : renames.entrySet()) {
        if (!present.contains(e.getKey())) {
          problems.add(InputProblem.error(file(), 1, e.getKey(), "", "a column "
              + e.getKey() + ", which the mapping " + source + " names ("
              + renameOrigin.get(e.getKey()) + "); the table has " + String.join(", ",
              cells)));
        }
      }
      for (String column : recodes.keySet()) {
        if (!targetColumn.containsKey(column.toLowerCase(Locale.ROOT))) {
          problems.add(InputProblem.error(file(), 1, column, "", "a column " + column
              + " to recode, as the mapping " + source + " says (recode." + column
              + "); the table, once renamed, has " + String.join(", ", out)));
        }
      }
      downstream.header(out, format);
    }

    private String file() {
      return file;
    }

    @Override
    public void row(long rowNumber, String[] cells) {
      int n = Math.min(cells.length, targetOf.length);
      String[] out = null;
      for (int c = 0; c < n; c++) {
        String cell = cells[c];
        String stripped = cell.strip();
        if (stripped.isEmpty()) {
          continue;
        }
        String replaced = null;
        if (isMissingToken(stripped)) {
          replaced = "";
          missingCount[c]++;
        } else if (recodeOf.get(c) != null) {
          String value = code(recodeOf.get(c), stripped);
          if (value != null) {
            replaced = value;
            recodedCount[c]++;
          }
        }
        if (replaced != null) {
          if (out == null) {
            out = cells.clone();
          }
          out[c] = replaced;
        }
      }
      downstream.row(rowNumber, out == null ? cells : out);
    }

    private boolean isMissingToken(String cell) {
      if (textTokens.isEmpty()) {
        return false;
      }
      if (textTokens.contains(cell.toLowerCase(Locale.ROOT))) {
        return true;
      }
      if (numericTokens.isEmpty()) {
        return false;
      }
      double x = CohortReader.parseDecimal(cell, false);
      return !Double.isNaN(x) && numericTokens.contains(x);
    }

    @Override
    public List<InputProblem> problems() {
      List<InputProblem> all = new ArrayList<>(problems);
      for (int c = 0; c < targetOf.length; c++) {
        if (missingCount[c] > 0) {
          all.add(InputProblem.warning(file(), 0, targetOf[c], "", missingCount[c]
              + " cells read as missing (" + String.join(", ", missingTokens) + ", as the "
              + "mapping " + source + " declares)"));
        }
        if (recodedCount[c] > 0) {
          all.add(InputProblem.warning(file(), 0, targetOf[c], "", recodedCount[c]
              + " cells recoded by the mapping " + source + " (" + codesText(recodeOf.get(c))
              + ")"));
        }
      }
      return all;
    }
  }

  /** The cohort columns the mapping fills by renaming, lower case. */
  private Set<String> renamedTargets() {
    Set<String> t = new LinkedHashSet<>();
    for (String v : renames.values()) {
      t.add(v.toLowerCase(Locale.ROOT));
    }
    return t;
  }

  private String sourceOf(String targetKey) {
    for (Map.Entry<String, String> e : renames.entrySet()) {
      if (e.getValue().equalsIgnoreCase(targetKey)) {
        return e.getKey();
      }
    }
    return "";
  }

  private static String code(Map<String, String> codes, String cell) {
    String exact = codes.get(cell);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, String> e : codes.entrySet()) {
      if (e.getKey().equalsIgnoreCase(cell)) {
        return e.getValue();
      }
    }
    double x = CohortReader.parseDecimal(cell, false);
    if (!Double.isNaN(x)) {
      for (Map.Entry<String, String> e : codes.entrySet()) {
        double k = CohortReader.parseDecimal(e.getKey(), false);
        if (!Double.isNaN(k) && k == x) {
          return e.getValue(); // "1" matches 1.0 as a spreadsheet may write it
        }
      }
    }
    return null;
  }

  private static String codesText(Map<String, String> codes) {
    List<String> parts = new ArrayList<>();
    codes.forEach((k, v) -> parts.add(k + " → " + (v.isEmpty() ? "missing" : v)));
    return String.join(", ", parts);
  }

  @Override
  public String toString() {
    return "ImportMapping[" + source + "]";
  }
}
