package org.backstrat.core.scoring;

import org.backstrat.core.io.PlainNumber;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Locale;
import java.util.regex.Pattern;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.core.cohort.ValueKind;
import org.backstrat.core.cohort.Variable;

/**
 * The score stage: appends the derived scores of DESIGN.md to a cohort. Immutable; configure with
 * {@link #withDefaults()}, {@link #withOptions} and {@link #withMapping}, then call
 * {@link #score}.
 *
 * <p>Per {@link ScoreGroup}: when all its raw columns are present, its derived columns are
 * appended (replacing columns of the same name, so a scored file can be scored again); when none
 * is present, it is skipped and reported in the {@link ScoringResult}; when only some are
 * present, or when an instrument mapping declares columns the cohort lacks, the input is
 * refused. Questionnaire columns are found through the {@link InstrumentMapping}; imaging and
 * outcome columns by their schema names.
 *
 * <p>Before anything is computed every raw cell the scores read is checked against its range
 * (answers whole numbers within the item's scale, Pfirrmann grades 1–5, angles 0–90°, …), and
 * all offending cells are reported together in one {@link BadInputException}, each with its row
 * as a spreadsheet shows it (header = row 1, first person = row 2). Columns that the reader kept
 * as text (extra columns named by a mapping) are parsed as numbers here. Missing cells give
 * missing scores, never guesses.
 */
public final class CohortScorer {

  /** At most this many cell problems are listed; the rest are counted. */
  public static final int MAX_LISTED_PROBLEMS = 100;

  private static final CohortSchema SCHEMA = CohortSchema.standard();
  private static final Pattern PLAIN_NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private final ScoringOptions options;
  private final InstrumentMapping mapping;

  private CohortScorer(ScoringOptions options, InstrumentMapping mapping) {
    this.options = Objects.requireNonNull(options, "options");
    this.mapping = Objects.requireNonNull(mapping, "mapping");
  }

  /** Default options and the published item order. */
  public static CohortScorer withDefaults() {
    return new CohortScorer(ScoringOptions.withDefaults(), InstrumentMapping.standard());
  }

  /** A copy with other options. */
  public CohortScorer withOptions(ScoringOptions newOptions) {
    return new CohortScorer(newOptions, mapping);
  }

  /** A copy that finds questionnaire items through another mapping. */
  public CohortScorer withMapping(InstrumentMapping newMapping) {
    return new CohortScorer(options, newMapping);
  }

  /** The options in use. */
  public ScoringOptions options() {
    return options;
  }

  /** The instrument mapping in use. */
  public InstrumentMapping mapping() {
    return mapping;
  }

  /**
   * Scores a cohort.
   *
   * @return the cohort with derived columns, and which groups were scored or skipped
   * @throws BadInputException listing every missing column and bad cell found
   */
  public ScoringResult score(Cohort cohort) {
    Problems problems = new Problems(cohort.source());
    Map<ScoreGroup, double[][]> inputs = new EnumMap<>(ScoreGroup.class);
    List<SkippedGroup> skipped = new ArrayList<>();
    Map<String, ScoreGroup> columnOwner = new HashMap<>();
    for (ScoreGroup group : ScoreGroup.values()) {
      List<RawColumn> raw = rawColumns(group);
      List<String> absent = new ArrayList<>();
      for (RawColumn r : raw) {
        if (!cohort.has(r.name())) {
          absent.add(r.name());
        }
      }
      boolean declared = declaredByMapping(group);
      if (absent.size() == raw.size() && !declared) {
        skipped.add(new SkippedGroup(group, absent));
        continue;
      }
      if (!absent.isEmpty()) {
        for (String name : absent) {
          problems.column(name, declared
              ? "this column, which the instrument mapping " + mapping.source() + " maps an "
                  + "item of the " + group.displayName() + " to; it is missing"
              : "this column, since the other columns of the " + group.displayName()
                  + " are present and the scores need all of them; it is missing");
        }
        continue;
      }
      double[][] columns = new double[raw.size()][];
      for (int k = 0; k < raw.size(); k++) {
        RawColumn r = raw.get(k);
        ScoreGroup other = columnOwner.putIfAbsent(r.name(), group);
        if (other != null) {
          problems.column(r.name(), "column used by both the " + other.displayName()
              + " and the " + group.displayName() + "; check the instrument mapping "
              + mapping.source());
        }
        columns[k] = readColumn(cohort, r, problems);
      }
      inputs.put(group, columns);
    }
    problems.throwIfAny();
    Cohort out = cohort;
    for (Map.Entry<ScoreGroup, double[][]> e : inputs.entrySet()) {
      out = append(out, e.getKey(), e.getValue());
    }
    return new ScoringResult(out, new ArrayList<>(inputs.keySet()), skipped);
  }

  private Cohort append(Cohort cohort, ScoreGroup group, double[][] columns) {
    List<Variable> vars = group.derived();
    List<double[]> values = switch (group) {
      case SBT -> StartBackTool.score(columns).columns();
      case OMPSQ -> OmpsqShortForm.score(columns).columns();
      case DISC_DEGENERATION -> DiscDegeneration.score(columns).columns();
      case FACET_TROPISM -> FacetTropism.score(columns).columns();
      case LBP_OUTCOME -> {
        vars = List.of(ScoreGroup.outcomeVariable(options));
        yield List.of(LbpOutcome.bothersomeFrequent(columns[0], columns[1], options));
      }
    };
    if (values.size() != vars.size()) {
      throw new IllegalStateException(group + ": " + values.size() + " columns for "
          + vars.size() + " variables");
    }
    Cohort out = cohort;
    for (int k = 0; k < vars.size(); k++) {
      out = out.withColumn(vars.get(k), values.get(k));
    }
    return out;
  }

  /**
   * A raw column a group reads, with the schema variable whose range and meaning its cells must
   * meet (for a mapped questionnaire column: the variable of the construct's standard column).
   */
  private record RawColumn(String name, Variable expected, String origin) {
  }

  private List<RawColumn> rawColumns(ScoreGroup group) {
    List<RawColumn> out = new ArrayList<>();
    switch (group) {
      case SBT, OMPSQ -> {
        Instrument instrument = group == ScoreGroup.SBT ? Instrument.SBT : Instrument.OMPSQ;
        for (Construct c : instrument.constructs()) {
          String name = mapping.column(c);
          String origin = name.equals(c.standardColumn()) ? "" : " (" + c.key() + ", mapped by "
              + mapping.source() + ")";
          out.add(new RawColumn(name, schemaVariable(c.standardColumn()), origin));
        }
      }
      case DISC_DEGENERATION -> addSchemaGroup(out, CohortSchema.Group.PFIRRMANN);
      case FACET_TROPISM -> addSchemaGroup(out, CohortSchema.Group.FACET);
      case LBP_OUTCOME -> addSchemaGroup(out, CohortSchema.Group.OUTCOME);
      default -> throw new IllegalStateException("unknown group " + group);
    }
    return out;
  }

  private boolean declaredByMapping(ScoreGroup group) {
    return group == ScoreGroup.SBT && mapping.declares(Instrument.SBT)
        || group == ScoreGroup.OMPSQ && mapping.declares(Instrument.OMPSQ);
  }

  private static void addSchemaGroup(List<RawColumn> out, CohortSchema.Group group) {
    for (Variable v : SCHEMA.group(group)) {
      out.add(new RawColumn(v.name(), v, ""));
    }
  }

  private static Variable schemaVariable(String name) {
    return SCHEMA.find(name).orElseThrow(() -> new IllegalStateException("schema lacks " + name));
  }

  /** The column's cells as numbers, every out-of-range or unreadable cell added to problems. */
  private static double[] readColumn(Cohort cohort, RawColumn raw, Problems problems) {
    Variable actual = cohort.variable(raw.name()).orElseThrow();
    Variable expected = raw.expected();
    String expectation = expected.expectation() + raw.origin();
    int n = cohort.size();
    if (actual.kind() == ValueKind.CATEGORY || actual.kind() == ValueKind.IDENTIFIER) {
      problems.column(raw.name(), "column holds "
          + actual.kind().name().toLowerCase(Locale.ROOT) + " values; expected " + expectation);
      return new double[n];
    }
    boolean text = actual.kind() == ValueKind.TEXT;
    String[] cells = text ? cohort.texts(raw.name()) : null;
    double[] values = text ? new double[n] : cohort.values(raw.name());
    for (int i = 0; i < n; i++) {
      double x;
      if (text) {
        boolean blank = cells[i] == null || cells[i].isBlank();
        x = blank ? Double.NaN : parseCell(cells[i]);
        values[i] = x;
        if (!blank && Double.isNaN(x)) {
          problems.cell(i, raw.name(), cells[i], expectation);
          continue;
        }
      } else {
        x = values[i];
      }
      if (!Double.isNaN(x) && !admissible(expected, x)) {
        problems.cell(i, raw.name(), text ? cells[i].strip() : plain(x), expectation);
      }
    }
    return values;
  }

  /**
   * The problems found in one cohort: whole-column problems always listed, cell problems listed
   * up to {@link #MAX_LISTED_PROBLEMS} and counted beyond.
   */
  private static final class Problems {
    private final String source;
    private final List<InputProblem> list = new ArrayList<>();
    private int cells;

    Problems(String source) {
      this.source = source;
    }

    void column(String column, String expected) {
      list.add(InputProblem.error(source, 0, column, "", expected));
    }

    /** A bad cell at 0-based person index {@code row}, reported as spreadsheet row row + 2. */
    void cell(int row, String column, String value, String expected) {
      cells++;
      if (cells <= MAX_LISTED_PROBLEMS) {
        list.add(InputProblem.error(source, row + 2L, column, value, expected));
      }
    }

    void throwIfAny() {
      if (cells > MAX_LISTED_PROBLEMS) {
        list.add(InputProblem.error(source, 0, "", "", "every cell in range; "
            + (cells - MAX_LISTED_PROBLEMS) + " further cells are out of range and not listed"));
      }
      if (!list.isEmpty()) {
        throw new BadInputException(list);
      }
    }
  }

  /** A stored number as the user would have typed it (whole numbers without ".0"). */
  private static String plain(double x) {
    return PlainNumber.of(x);
  }

  private static boolean admissible(Variable expected, double x) {
    boolean inRange = x >= expected.min() && x <= expected.max();
    return expected.kind() == ValueKind.INTEGER ? inRange && x == Math.rint(x) : inRange;
  }

  /**
   * A text cell as a number: empty or blank is missing (NaN); a decimal comma is accepted when
   * there is no decimal point. Returns NaN for any other text that is not a plain finite
   * decimal number, so callers test blankness first.
   */
  private static double parseCell(String cell) {
    String s = cell.strip();
    if (s.indexOf(',') >= 0 && s.indexOf('.') < 0) {
      s = s.replace(',', '.');
    }
    if (!PLAIN_NUMBER.matcher(s).matches()) {
      return Double.NaN;
    }
    double x = Double.parseDouble(s);
    return Double.isFinite(x) ? x : Double.NaN;
  }
}
