package org.backstrat.analysis.dca;

import org.backstrat.core.cohort.CohortWriter;
import java.io.BufferedWriter;
import java.io.IOException;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;
import org.backstrat.core.io.AtomicOutput;
import org.backstrat.core.io.ParquetOutput;
import org.backstrat.core.io.OutputTarget;
import org.backstrat.core.io.RowSink;
import org.backstrat.core.io.TableFormat;
import org.backstrat.core.io.TableReader;

/**
 * The generic decision-curve job behind {@code backstrat dca}: reads probability columns and a
 * binary outcome from a CSV file, computes the curves of treat-all, treat-none and every
 * predictor (see {@link DecisionCurveAnalysis}) and writes them atomically in long form:
 * {@code threshold,model,net_benefit,tp,fp,net_intervention_avoided} (tp and fp are counts of
 * people; net interventions avoided per person, empty at threshold 0 where it is undefined),
 * ordered by model (treat_all, treat_none, predictors in request order) then threshold. With
 * bootstrap replicates two columns {@code net_benefit_lower,net_benefit_upper} are appended.
 *
 * <p>Input rules: header row; comma, semicolon or tab separated (detected from the header;
 * semicolon files may use decimal commas); UTF-8 with an optional byte-order mark, anything else
 * is refused. Column names match exactly, else case-insensitively. The outcome accepts 0/1 and
 * true/false in any case; predictors must be numbers in [0, 1]. An empty cell, or {@code NA} /
 * {@code NaN} in any case, is missing: as in dcurves (R's {@code model.frame}, whose default
 * {@code na.omit} drops incomplete rows) a row missing the outcome or any predictor is left out
 * and counted in the result. Every other defect is collected and reported at once as a
 * {@link BadInputException} naming file, row (header = row 1), column, value and expectation;
 * no output is left behind.
 */
public final class DcaJob {

  private static final int MAX_PROBLEMS = 100;
  /** Rows listed per column and problem before the rest are counted. */
  private static final int SAME_PROBLEM_ROWS = 3;
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private DcaJob() {
  }

  /** Runs the request: reads, computes, writes. */
  public static DcaJobResult run(DcaRequest request) {
    ThresholdGrid grid = ThresholdGrid.parse(request.thresholds());
    OutputTarget target = OutputTarget.file(request.out(), request.force(), request.data());
    AtomicOutput.check(target);
    Table table = read(request);
    DecisionCurveAnalysis analysis = DecisionCurveAnalysis.withDefaults().withThresholds(grid);
    List<Predictor> predictors = new ArrayList<>();
    for (int m = 0; m < table.names.size(); m++) {
      predictors.add(new Predictor(table.names.get(m), table.risks.get(m)));
    }
    DecisionCurves curves = analysis.compute(table.outcome, predictors);
    Optional<BootstrapBands> bands = request.bootstrapReplicates() > 0
        ? Optional.of(DecisionCurveBootstrap.withDefaults()
            .withReplicates(request.bootstrapReplicates()).withSeed(request.seed())
            .compute(analysis, table.outcome, predictors))
        : Optional.empty();
    // a name ending in .parquet: Parquet, each column typed from its values
    AtomicOutput.write(target, tmp -> ParquetOutput.write(request.out(), tmp, null,
        csv -> write(csv, curves, bands)));
    List<DcaJobResult.PredictorRanges> ranges = new ArrayList<>();
    for (Predictor p : predictors) {
      ranges.add(new DcaJobResult.PredictorRanges(p.name(), curves.superiorRanges(p.name())));
    }
    return new DcaJobResult(request.out(), table.rowsRead, table.outcome.length,
        table.rowsRead - table.outcome.length, table.missing, curves, bands, ranges);
  }

  private static void write(Path tmp, DecisionCurves curves, Optional<BootstrapBands> bands)
      throws IOException {
    ThresholdGrid grid = curves.grid();
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
      w.write("threshold,model,net_benefit,tp,fp,net_intervention_avoided");
      w.write(bands.isPresent() ? ",net_benefit_lower,net_benefit_upper\n" : "\n");
      for (NetBenefitCurve c : curves.curves()) {
        double[] nb = c.netBenefit();
        long[] tp = c.truePositives();
        long[] fp = c.falsePositives();
        double[] nia = c.netInterventionsAvoided();
        BootstrapBands.Band band = bands.map(b -> b.band(c.model())).orElse(null);
        double[] lower = band == null ? null : band.lower();
        double[] upper = band == null ? null : band.upper();
        for (int t = 0; t < grid.size(); t++) {
          StringBuilder line = new StringBuilder(96);
          line.append(grid.label(t)).append(',').append(CohortWriter.quote(c.model())).append(',')
              .append(number(nb[t])).append(',').append(tp[t]).append(',').append(fp[t])
              .append(',').append(number(nia[t]));
          if (band != null) {
            line.append(',').append(number(lower[t])).append(',').append(number(upper[t]));
          }
          w.write(line.append('\n').toString());
        }
      }
    }
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  /** The complete rows of the requested columns. */
  private static final class Table {
    private final List<String> names = new ArrayList<>();
    private final List<double[]> risks = new ArrayList<>();
    private boolean[] outcome;
    private int rowsRead;
    private List<DcaJobResult.MissingCount> missing;
  }

  private static Table read(DcaRequest request) {
    String file = request.data().toString();
    if (request.predictorColumns().isEmpty()) {
      throw new BadInputException("no predictor columns given; name at least one probability column");
    }
    Set<String> distinct = new HashSet<>();
    for (String p : request.predictorColumns()) {
      if (!distinct.add(p.toLowerCase(Locale.ROOT))) {
        throw new BadInputException("predictor column " + p + " is named twice");
      }
      if (p.equalsIgnoreCase(request.outcomeColumn())) {
        throw new BadInputException("column " + p + " cannot be both the outcome and a predictor");
      }
      if (p.equals(DecisionCurves.TREAT_ALL) || p.equals(DecisionCurves.TREAT_NONE)) {
        throw new BadInputException("predictor name " + p + " is reserved for the default strategy");
      }
    }
    Reading reading = new Reading(request, file);
    TableReader.scan(request.data(), reading);
    return reading.finish();
  }

  /** Checks and keeps the requested columns row by row as the one table reader hands them. */
  private static final class Reading implements RowSink {
    private final DcaRequest request;
    private final String file;
    private final List<InputProblem> problems = new ArrayList<>();
    private List<String> header;
    private int outcomeIndex;
    private int[] predictorIndex;
    private String outcomeName;
    private boolean decimalComma;
    private TableFormat format;
    private final List<Boolean> outcomes = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();
    private int[] missingCount;
    private int rowsRead;

    Reading(DcaRequest request, String file) {
      this.request = request;
      this.file = file;
    }

    @Override
    public void header(List<String> cells, TableFormat tableFormat) {
      header = cells.stream().map(String::strip).toList();
      format = tableFormat;
      decimalComma = tableFormat.decimalComma();
      List<InputProblem> duplicates = TableReader.duplicateColumns(file, cells);
      if (!duplicates.isEmpty()) {
        throw new BadInputException(duplicates);
      }
      outcomeIndex = columnIndex(header, request.outcomeColumn(), file, problems);
      int p = request.predictorColumns().size();
      predictorIndex = new int[p];
      for (int m = 0; m < p; m++) {
        predictorIndex[m] = columnIndex(header, request.predictorColumns().get(m), file, problems);
      }
      if (!problems.isEmpty()) {
        throw new BadInputException(problems);
      }
      outcomeName = header.get(outcomeIndex);
      missingCount = new int[p + 1];
    }

    @Override
    public void row(long row, String[] record) {
      rowsRead++;
      int p = predictorIndex.length;
      if (record.length != header.size()) {
        add(problems, TableReader.raggedRow(file, row, header.size(), record.length, format));
        return;
      }
      boolean complete = true;
      String outcomeText = record[outcomeIndex];
      Boolean y = null;
      if (isMissing(outcomeText)) {
        missingCount[0]++;
        complete = false;
      } else {
        y = parseOutcome(outcomeText);
        if (y == null) {
          add(problems, InputProblem.error(file, row, outcomeName, outcomeText,
              "a binary outcome: 0/1 or true/false"));
        }
      }
      double[] values = new double[p];
      for (int m = 0; m < p; m++) {
        String text = record[predictorIndex[m]];
        if (isMissing(text)) {
          missingCount[m + 1]++;
          complete = false;
          continue;
        }
        String normalised = decimalComma ? text.trim().replace(',', '.') : text.trim();
        double v = NUMBER.matcher(normalised).matches() ? Double.parseDouble(normalised) : Double.NaN;
        if (!(v >= 0 && v <= 1)) {
          add(problems, InputProblem.error(file, row, header.get(predictorIndex[m]), text,
              "a predicted probability between 0 and 1"));
        }
        values[m] = v;
      }
      if (complete && y != null) {
        outcomes.add(y);
        rows.add(values);
      }
    }

    Table finish() {
      if (!problems.isEmpty()) {
        throw new BadInputException(summarised(problems));
      }
      int p = predictorIndex.length;
      Table table = new Table();
      table.names.addAll(request.predictorColumns());
      int n = outcomes.size();
      if (n == 0) {
        throw new BadInputException(InputProblem.error(file, 0, "", "", rowsRead == 0
            ? "at least one data row; the file has a header but no data rows"
            : "a row with the outcome and every predictor; every row misses one of them"));
      }
      table.outcome = new boolean[n];
      int events = 0;
      for (int i = 0; i < n; i++) {
        table.outcome[i] = outcomes.get(i);
        events += table.outcome[i] ? 1 : 0;
      }
      if (events == 0 || events == n) {
        throw new BadInputException(InputProblem.error(file, 0, outcomeName, "",
            "both outcomes among the rows used; all " + n + " are "
                + (events == 0 ? "0/false" : "1/true") + ", so net benefit cannot be compared"));
      }
      for (int m = 0; m < p; m++) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
          r[i] = rows.get(i)[m];
        }
        table.risks.add(r);
      }
      table.rowsRead = rowsRead;
      List<DcaJobResult.MissingCount> missing = new ArrayList<>();
      missing.add(new DcaJobResult.MissingCount(outcomeName, missingCount[0]));
      for (int m = 0; m < p; m++) {
        missing.add(new DcaJobResult.MissingCount(header.get(predictorIndex[m]),
            missingCount[m + 1]));
      }
      table.missing = missing;
      return table;
    }
  }

  /**
   * Adds a problem, keeping at most {@value #SAME_PROBLEM_ROWS} rows of the same problem in the
   * same column (a column of ages given as predictor would otherwise be refused once per row);
   * {@link #summarised} then adds one line counting the rest.
   */
  private static void add(List<InputProblem> problems, InputProblem problem) {
    long same = problems.stream().filter(q -> !q.value().contains("\u0000")
        && q.column().equals(problem.column()) && q.expected().equals(problem.expected())).count();
    if (same < SAME_PROBLEM_ROWS && problems.size() < MAX_PROBLEMS) {
      problems.add(problem);
      return;
    }
    // one marker per column and problem, its row field counting the rows not listed
    String key = problem.column() + "\u0000" + problem.expected();
    for (int i = 0; i < problems.size(); i++) {
      InputProblem q = problems.get(i);
      if (q.value().equals(key)) {
        problems.set(i, new InputProblem(q.file(), q.row() + 1, q.column(), key, q.expected(),
            InputProblem.Severity.ERROR));
        return;
      }
    }
    problems.add(new InputProblem(problem.file(), 1, problem.column(), key,
        problem.expected(), InputProblem.Severity.ERROR));
  }

  /** The problems with the markers of {@link #add} folded into one counting line each. */
  private static List<InputProblem> summarised(List<InputProblem> problems) {
    List<InputProblem> shown = new ArrayList<>();
    List<InputProblem> counted = new ArrayList<>();
    for (InputProblem q : problems) {
      if (!q.value().contains("\u0000")) {
        shown.add(q);
        continue;
      }
      long count = q.row();
      counted.add(InputProblem.error(q.file(), 0, q.column(), "", q.expected() + " (" + count
          + " more row" + (count == 1 ? "" : "s") + " with the same problem)"));
    }
    shown.addAll(counted);
    return shown;
  }

  private static int columnIndex(List<String> header, String name, String file,
                                 List<InputProblem> problems) {
    int exact = header.indexOf(name);
    if (exact >= 0) {
      return exact;
    }
    int found = -1;
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equalsIgnoreCase(name)) {
        if (found >= 0) {
          problems.add(InputProblem.error(file, 1, name, "",
              "one column named " + name + "; several match when case is ignored"));
          return 0;
        }
        found = i;
      }
    }
    if (found < 0) {
      problems.add(InputProblem.error(file, 1, name, "",
          "a column named " + name + "; the header has " + String.join(", ", header)));
      return 0;
    }
    return found;
  }

  private static boolean isMissing(String text) {
    String t = text.trim();
    return t.isEmpty() || t.equalsIgnoreCase("NA"); // "NaN" is not missing: it is refused
  }

  private static Boolean parseOutcome(String text) {
    String t = text.trim();
    if (t.equals("1") || t.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (t.equals("0") || t.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    return null;
  }
}
