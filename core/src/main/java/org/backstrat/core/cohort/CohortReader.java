package org.backstrat.core.cohort;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.backstrat.core.InputProblem;
import org.backstrat.core.io.RawTable;
import org.backstrat.core.io.RowSink;
import org.backstrat.core.io.TableFormat;
import org.backstrat.core.io.TableReader;

/**
 * Reads and checks a cohort table against the {@link CohortSchema}: every cell is typed and
 * range-checked, ids must be unique and non-empty, column groups must be whole, and every
 * problem is reported at once with its file, row (as a spreadsheet shows it), column, value
 * and expectation. Missing values (empty cells) are allowed and summarised as warnings per
 * column; analyses decide how to treat them.
 */
public final class CohortReader {
  private static final int ROWS_LISTED_PER_WARNING = 5;

  private final CohortSchema schema;

  private CohortReader(CohortSchema schema) {
    this.schema = schema;
  }

  /** A reader for the standard schema. */
  public static CohortReader withDefaults() {
    return new CohortReader(CohortSchema.standard());
  }

  /** Reads and checks a CSV, TSV or .xlsx cohort file, streaming the rows. */
  public CohortReadResult read(Path path) {
    Checker checker = new Checker(path.toString(), true);
    TableReader.scan(path, checker);
    return checker.result();
  }

  /**
   * Checks a CSV, TSV or .xlsx cohort file without keeping its values: the rows are streamed
   * and only what the checks need is held (the ids seen, for uniqueness, and per column a
   * count of missing values), so memory does not grow with the number of columns times rows.
   * What {@code validate} runs.
   */
  public CohortCheck check(Path path) {
    Checker checker = new Checker(path.toString(), false);
    TableReader.scan(path, checker);
    CohortReadResult r = checker.result();
    return new CohortCheck(r.problems(), r.format(), r.rows(), checker.columns());
  }

  /**
   * Reads and checks a cohort file in blocks of {@code blockRows} rows, handing each block to
   * {@code block} as a cohort of its own (the same columns in every block) while no error has
   * been found, so a caller can score and write a table of any length in constant memory. The
   * result lists every problem of the whole file (its cohort is always empty); when it holds
   * errors, the caller must discard what it made of the blocks.
   */
  public CohortReadResult readInBlocks(Path path, int blockRows,
                                       java.util.function.Consumer<Cohort> block) {
    if (blockRows < 1) {
      throw new IllegalArgumentException("blockRows must be positive");
    }
    Checker checker = new Checker(path.toString(), true);
    checker.blockRows = blockRows;
    checker.blockSink = block;
    TableReader.scan(path, checker);
    return checker.result();
  }

  /** Checks an already split table. */
  public CohortReadResult check(RawTable table) {
    Checker checker = new Checker(table.file(), true);
    TableReader.replay(table, checker);
    return checker.result();
  }

  /**
   * Types and checks rows as they arrive, keeping only the typed columns (primitive arrays that
   * grow as needed), never the text of earlier rows.
   */
  private final class Checker implements RowSink {
    private final String file;
    private final List<InputProblem> problems = new ArrayList<>();
    private TableFormat format;
    private int width;
    private Variable[] columnVar;
    private final Map<String, Integer> seen = new HashMap<>();
    private double[][] coded;
    private String[][] texts;
    private String[] ids = new String[1024];
    private int n;
    private final Map<String, Long> firstRowOfId = new HashMap<>();
    private int[] missingCount;
    private List<List<Long>> missingRows;
    private boolean decimalComma;

    private final boolean keep;
    private int rowsSeen;
    private int blockRows = Integer.MAX_VALUE;
    private java.util.function.Consumer<Cohort> blockSink;

    Checker(String file, boolean keep) {
      this.file = file;
      this.keep = keep;
    }

    @Override
    public void header(List<String> cells, TableFormat tableFormat) {
      this.format = tableFormat;
      this.width = cells.size();
      this.decimalComma = tableFormat.decimalComma();
      // start small for wide tables (up to 16,384 columns): the arrays double as rows arrive
      ids = new String[Math.max(16, Math.min(1024, (1 << 18) / Math.max(1, width)))];
      columnVar = new Variable[width];
      for (int c = 0; c < width; c++) {
        String raw = cells.get(c).strip();
        if (raw.isEmpty()) {
          problems.add(InputProblem.error(file, 1, "", "", "a name for every column in the "
              + "header row; column " + (c + 1) + " has none"));
          continue;
        }
        Optional<Variable> sv = schema.find(raw);
        Variable v = sv.orElseGet(() -> Variable.text(raw, "extra column carried through"));
        String key = v.name().toLowerCase(Locale.ROOT);
        Integer prev = seen.putIfAbsent(key, c);
        if (prev != null) {
          problems.add(TableReader.duplicateColumn(file, raw, cells.get(c), prev));
          continue;
        }
        columnVar[c] = v;
      }
      checkGroups(file, seen, problems);
      coded = new double[width][];
      texts = new String[width][];
      for (int c = 0; c < width; c++) {
        Variable v = columnVar[c];
        if (v == null || v.kind() == ValueKind.IDENTIFIER || !keep) {
          continue;
        }
        if (v.kind() == ValueKind.TEXT) {
          texts[c] = new String[ids.length];
        } else {
          coded[c] = new double[ids.length];
        }
      }
      missingCount = new int[width];
      missingRows = new ArrayList<>();
      for (int c = 0; c < width; c++) {
        missingRows.add(new ArrayList<>());
      }
    }

    private void grow() {
      int cap = ids.length * 2;
      ids = Arrays.copyOf(ids, cap);
      for (int c = 0; c < width; c++) {
        if (coded[c] != null) {
          coded[c] = Arrays.copyOf(coded[c], cap);
        }
        if (texts[c] != null) {
          texts[c] = Arrays.copyOf(texts[c], cap);
        }
      }
    }

    @Override
    public void row(long row, String[] cells) {
      if (cells.length != width) {
        problems.add(TableReader.raggedRow(file, row, width, cells.length, format));
        return;
      }
      if (keep && n == ids.length) {
        grow();
      }
      int r = n++;
      rowsSeen++;
      for (int c = 0; c < width; c++) {
        Variable v = columnVar[c];
        if (v == null) {
          continue;
        }
        String cell = cells[c].strip();
        switch (v.kind()) {
          case IDENTIFIER -> {
            if (cell.isEmpty()) {
              problems.add(InputProblem.error(file, row, v.name(), "",
                  "a non-empty id for every person"));
            } else {
              Long first = firstRowOfId.putIfAbsent(cell, row);
              if (first != null) {
                problems.add(InputProblem.error(file, row, v.name(), cell,
                    "a unique id; it already appears in row " + first));
              }
            }
            if (keep) {
              ids[r] = cell;
            }
          }
          case TEXT -> {
            if (keep) {
              texts[c][r] = cells[c].isEmpty() ? null : cells[c];
            }
          }
          default -> {
            if (cell.isEmpty()) {
              if (keep) {
                coded[c][r] = Double.NaN;
              }
              missingCount[c]++;
              if (missingRows.get(c).size() < ROWS_LISTED_PER_WARNING) {
                missingRows.get(c).add(row);
              }
              continue;
            }
            double x = parse(v, cell, decimalComma);
            if (Double.isNaN(x)) {
              problems.add(InputProblem.error(file, row, v.name(), cells[c], v.expectation()
                  + (v.kind() == ValueKind.CATEGORY ? "" : " (empty cell = missing)")));
            }
            if (keep) {
              coded[c][r] = x;
            }
          }
        }
      }
      if (n == blockRows) {
        emitBlock();
      }
    }

    /** Columns with a usable name (what a valid cohort would hold). */
    int columns() {
      int k = 0;
      for (Variable v : columnVar) {
        k += v == null || v.kind() == ValueKind.IDENTIFIER ? 0 : 1;
      }
      return k;
    }

    CohortReadResult result() {
      for (int c = 0; c < width; c++) {
        if (missingCount[c] > 0) {
          List<Long> rows = missingRows.get(c);
          StringBuilder sb = new StringBuilder();
          sb.append(missingCount[c]).append(" of ").append(rowsSeen).append(" values missing (row");
          sb.append(rows.size() > 1 ? "s " : " ");
          for (int i = 0; i < rows.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(rows.get(i));
          }
          sb.append(missingCount[c] > rows.size() ? ", ...)" : ")");
          sb.append("; scores needing them will be missing");
          problems.add(InputProblem.warning(file, 0, columnVar[c].name(), "", sb.toString()));
        }
      }
      if (rowsSeen == 0) {
        problems.add(InputProblem.error(file, 0, "", "",
            "at least one person; the file has a header but no data rows"));
      }
      boolean hasErrors = problems.stream().anyMatch(InputProblem::isError);
      if (!hasErrors && blockSink != null && n > 0) {
        blockSink.accept(cohort());
      }
      if (hasErrors || !keep || blockSink != null) {
        return new CohortReadResult(Optional.empty(), sortByPosition(problems), format,
            rowsSeen);
      }
      return new CohortReadResult(Optional.of(cohort()), sortByPosition(problems), format,
          rowsSeen);
    }

    /** Hands the rows held so far to the block sink and starts a new block. */
    private void emitBlock() {
      if (problems.stream().noneMatch(InputProblem::isError)) {
        blockSink.accept(cohort());
      }
      n = 0;
    }

    /** The rows held so far as a cohort. */
    private Cohort cohort() {
      Cohort cohort = Cohort.of(file, Arrays.asList(Arrays.copyOf(ids, n)));
      // schema columns in canonical order first, then extras in file order
      Map<String, Integer> columnOf = new LinkedHashMap<>();
      for (Variable v : schema.variables()) {
        Integer c = seen.get(v.name());
        if (c != null && columnVar[c] != null) {
          columnOf.put(v.name(), c);
        }
      }
      for (int c = 0; c < width; c++) {
        if (columnVar[c] != null && schema.find(columnVar[c].name()).isEmpty()) {
          columnOf.put(columnVar[c].name(), c);
        }
      }
      List<Variable> vars = new ArrayList<>();
      List<Object> arrays = new ArrayList<>();
      for (int c : columnOf.values()) {
        Variable v = columnVar[c];
        if (v.kind() == ValueKind.IDENTIFIER) {
          continue;
        }
        vars.add(v);
        arrays.add(v.kind() == ValueKind.TEXT ? Arrays.copyOf(texts[c], n)
            : Arrays.copyOf(coded[c], n));
      }
      return cohort.withColumns(vars, arrays);
    }
  }

  private void checkGroups(String file, Map<String, Integer> present,
                           List<InputProblem> problems) {
    for (Variable v : schema.group(CohortSchema.Group.CORE)) {
      if (!present.containsKey(v.name())) {
        problems.add(InputProblem.error(file, 0, v.name(), "",
            "a column named " + v.name() + " (" + v.meaning() + "); it is required"));
      }
    }
    boolean anyQuestionnaire = false;
    for (CohortSchema.Group g : List.of(CohortSchema.Group.SBT, CohortSchema.Group.OMPSQ,
        CohortSchema.Group.PFIRRMANN, CohortSchema.Group.FACET, CohortSchema.Group.OUTCOME)) {
      List<String> missing = new ArrayList<>();
      List<Variable> members = schema.group(g);
      for (Variable v : members) {
        if (!present.containsKey(v.name())) {
          missing.add(v.name());
        }
      }
      String what = groupWords(g);
      if (missing.isEmpty()) {
        anyQuestionnaire |= g == CohortSchema.Group.SBT || g == CohortSchema.Group.OMPSQ;
      } else if (missing.size() < members.size()) {
        problems.add(InputProblem.error(file, 0, String.join(", ", missing), "",
            "all columns of the " + what + " or none; these are missing"));
      } else if (g != CohortSchema.Group.SBT && g != CohortSchema.Group.OMPSQ) {
        problems.add(InputProblem.warning(file, 0, "", "", "no " + what + " columns ("
            + members.get(0).name() + " ...); " + consequence(g)));
      }
    }
    boolean partialQuestionnaire = problems.stream().anyMatch(p -> p.isError()
        && (p.column().contains("sbt_") || p.column().contains("ompsq_")));
    if (!anyQuestionnaire && !partialQuestionnaire) {
      problems.add(InputProblem.error(file, 0, "", "", "the items of at least one "
          + "questionnaire: sbt_1 .. sbt_9 (STarT Back) or ompsq_1 .. ompsq_10 (ÖMPSQ-short)"));
    }
  }

  private static String groupWords(CohortSchema.Group g) {
    return switch (g) {
      case SBT -> "STarT Back items";
      case OMPSQ -> "ÖMPSQ-short items";
      case PFIRRMANN -> "Pfirrmann grade";
      case FACET -> "facet angle";
      case OUTCOME -> "LBP outcome";
      default -> g.name().toLowerCase(Locale.ROOT);
    };
  }

  private static String consequence(CohortSchema.Group g) {
    return switch (g) {
      case PFIRRMANN, FACET -> "imaging biomarkers must come from the imaging stage";
      case OUTCOME -> "LBP profiles and decision curves need lbp_frequency and "
          + "lbp_bothersomeness";
      default -> "";
    };
  }

  private static List<InputProblem> sortByPosition(List<InputProblem> problems) {
    List<InputProblem> sorted = new ArrayList<>(problems);
    sorted.sort((a, b) -> Long.compare(a.row(), b.row()));
    return sorted;
  }

  /**
   * Parses one non-empty cell into its stored code, or NaN when it is not admissible. Numbers
   * are plain decimals (optional sign, digits, optional fraction and exponent); with
   * {@code decimalComma} a single comma serves as the decimal separator.
   */
  static double parse(Variable v, String cell, boolean decimalComma) {
    switch (v.kind()) {
      case CATEGORY -> {
        String lower = cell.toLowerCase(Locale.ROOT);
        int i = v.levels().indexOf(lower);
        return i < 0 ? Double.NaN : i;
      }
      case BOOLEAN -> {
        String lower = cell.toLowerCase(Locale.ROOT);
        return switch (lower) {
          case "true", "1" -> 1;
          case "false", "0" -> 0;
          default -> Double.NaN;
        };
      }
      case INTEGER, NUMBER -> {
        double x = parseDecimal(cell, decimalComma);
        if (Double.isNaN(x) || x < v.min() || x > v.max()) {
          return Double.NaN;
        }
        if (v.kind() == ValueKind.INTEGER && x != Math.rint(x)) {
          return Double.NaN;
        }
        return x;
      }
      default -> throw new IllegalArgumentException("not a coded column: " + v.name());
    }
  }

  /** A strict decimal number, or NaN (no NaN/Infinity words, no hex, no type suffixes). */
  public static double parseDecimal(String cell, boolean decimalComma) {
    String s = cell;
    if (decimalComma && s.indexOf(',') >= 0) {
      if (s.indexOf('.') >= 0 || s.indexOf(',') != s.lastIndexOf(',')) {
        return Double.NaN;
      }
      s = s.replace(',', '.');
    }
    int i = 0;
    int len = s.length();
    if (i < len && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < len && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
      i++;
      digits++;
    }
    if (i < len && s.charAt(i) == '.') {
      i++;
      while (i < len && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    if (i < len && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < len && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < len && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return Double.NaN;
      }
    }
    if (i != len) {
      return Double.NaN;
    }
    double x = Double.parseDouble(s);
    return Double.isFinite(x) ? x : Double.NaN;
  }
}
