package org.backstrat.report.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backstrat.report.model.Addition;
import org.backstrat.report.model.BoxSummary;
import org.backstrat.report.model.CohortOverview;
import org.backstrat.report.model.DecisionCurves;
import org.backstrat.report.model.Exclusion;
import org.backstrat.report.model.Feature;
import org.backstrat.report.model.NetBenefitCurve;
import org.backstrat.report.model.ReportInput;
import org.backstrat.report.model.SelectionRow;
import org.backstrat.report.model.Setting;
import org.backstrat.report.model.StratumReport;
import org.backstrat.report.model.TestRow;
import org.backstrat.report.model.TrimmedObjectiveCurve;
import org.backstrat.report.model.ValidationResult;
import org.backstrat.report.model.VariantReport;
import org.backstrat.report.table.ReportTable.Cell;
import org.backstrat.report.table.ReportTable.Column;

/**
 * Builds every table of the report from a {@link ReportInput}. Each method returns one table
 * whose name is its CSV file stem; {@link #all(ReportInput)} returns them all in report order,
 * which is what {@code tables/} holds. Chart data (decision curves, trimmed objective, feature
 * distributions, standardised centroids) are tables too, so every figure has its numbers in CSV.
 */
public final class ReportTables {
  /** Display names of the LBP frequency levels 0–4 (DESIGN.md, cohort table). */
  public static final List<String> LBP_FREQUENCY_LEVELS = List.of(
      "0: none", "1: 1–7 days", "2: 8–30 days", "3: >30 days, not daily", "4: daily");

  private ReportTables() {
  }

  /** @return every table in report order */
  public static List<ReportTable> all(ReportInput input) {
    List<ReportTable> tables = new ArrayList<>();
    tables.add(exclusions(input.cohort()));
    tables.add(variantsOverview(input.variants()));
    for (VariantReport v : input.variants()) {
      tables.add(selection(v));
      if (!v.trimmedObjective().isEmpty()) {
        tables.add(trimmedObjective(v));
      }
      tables.add(strata(v));
      tables.add(centroids(v));
      tables.add(centroidsZ(v));
      tables.add(featureDistributions(v));
      tables.add(lbpFrequency(v));
      tables.add(tests(v));
      tables.add(validation(v));
      for (ValidationResult r : v.validation()) {
        tables.add(confusion(v, r));
      }
      if (v.decisionCurves() != null) {
        tables.add(decisionCurves(v));
      }
      tables.add(settings(v));
      for (Addition a : v.additions()) {
        if (a.table() != null) {
          tables.add(addition(v, a.table()));
        }
      }
    }
    return tables;
  }

  /** @return a lower-case file-name fragment of {@code text}: runs of other characters become '_' */
  public static String slug(String text) {
    String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    return s.isEmpty() ? "x" : s;
  }

  /** @return the table name {@code <variant>_<what>} */
  public static String nameFor(VariantReport v, String what) {
    return slug(v.name()) + "_" + what;
  }

  private static Column num(String csv, String heading) {
    return new Column(csv, heading, true);
  }

  private static Column txt(String csv, String heading) {
    return new Column(csv, heading, false);
  }

  private static Cell number(double v, int decimals) {
    return new Cell(NumberText.csv(v), NumberText.fixed(v, decimals), "");
  }

  private static Cell integer(long v) {
    return new Cell(Long.toString(v), Long.toString(v), "");
  }

  private static Cell pCell(double p) {
    return new Cell(NumberText.csv(p), NumberText.pValue(p), NumberText.pValueExact(p));
  }

  /** Rows read, each exclusion and rows left. */
  public static ReportTable exclusions(CohortOverview c) {
    List<List<Cell>> rows = new ArrayList<>();
    rows.add(List.of(Cell.text("rows read"), integer(c.nRead())));
    long excluded = 0;
    for (Exclusion e : c.exclusions()) {
      rows.add(List.of(Cell.text("excluded: " + e.reason()), integer(e.count())));
      excluded += e.count();
    }
    rows.add(List.of(Cell.text("rows after exclusions"), integer(c.nRead() - excluded)));
    return new ReportTable("cohort_exclusions", "Rows read and excluded (" + c.source() + ")",
        List.of(txt("step", "Step"), num("n", "n")), rows);
  }

  /** One row per variant: features, method, K, α, people used and trimmed. */
  public static ReportTable variantsOverview(List<VariantReport> variants) {
    List<List<Cell>> rows = new ArrayList<>();
    for (VariantReport v : variants) {
      StringBuilder f = new StringBuilder();
      for (Feature feature : v.features()) {
        f.append(f.length() == 0 ? "" : " ").append(feature.name());
      }
      rows.add(List.of(Cell.text(v.name()), new Cell(f.toString(), f.toString().replace(" ", ", "), ""),
          Cell.text(v.method()), integer(v.k()), number(v.trimFraction(), 3), integer(v.nUsed()),
          integer(v.nOutliers())));
    }
    return new ReportTable("variants", "Variants analysed",
        List.of(txt("variant", "Variant"), txt("features", "Features"), txt("method", "Method"), num("k", "K"),
            num("trim_fraction", "Trim fraction α"), num("n_used", "n used"), num("n_outliers", "n outliers")), rows);
  }

  /** Choice-of-K criteria per K. */
  public static ReportTable selection(VariantReport v) {
    List<List<Cell>> rows = new ArrayList<>();
    for (SelectionRow r : v.selection()) {
      rows.add(List.of(new Cell(Integer.toString(r.k()), r.k() + (r.k() == v.k() ? " (chosen)" : ""), ""),
          number(r.silhouette(), 3), number(r.calinskiHarabasz(), 1), number(r.gap(), 3), number(r.gapSe(), 3),
          number(r.stabilityJaccard(), 3), number(r.objective(), 1)));
    }
    return new ReportTable(nameFor(v, "selection"), "Choice of K, variant " + v.name(),
        List.of(num("k", "K"), num("silhouette", "Silhouette"), num("calinski_harabasz", "Calinski–Harabasz"),
            num("gap", "Gap"), num("gap_se", "Gap SE"), num("stability_jaccard", "Stability (Jaccard)"),
            num("objective", "Objective")), rows);
  }

  /** Objective against trim fraction, long form. */
  public static ReportTable trimmedObjective(VariantReport v) {
    List<List<Cell>> rows = new ArrayList<>();
    for (TrimmedObjectiveCurve c : v.trimmedObjective()) {
      double[] a = c.trimFractions();
      double[] o = c.objectives();
      for (int i = 0; i < a.length; i++) {
        rows.add(List.of(integer(c.k()), number(a[i], 3), number(o[i], 1)));
      }
    }
    return new ReportTable(nameFor(v, "trimmed_objective"), "Trimmed objective by trim fraction, variant " + v.name(),
        List.of(num("k", "K"), num("trim_fraction", "Trim fraction α"), num("objective", "Objective")), rows);
  }

  /** Size, stability and bothersomeness per stratum. */
  public static ReportTable strata(VariantReport v) {
    List<List<Cell>> rows = new ArrayList<>();
    for (StratumReport s : v.strata()) {
      BoxSummary b = s.bothersomeness();
      rows.add(List.of(integer(s.id()), Cell.text(s.label()), integer(s.size()),
          number(100.0 * s.size() / Math.max(1, v.nUsed()), 1), number(s.stabilityJaccard(), 3),
          number(b.median(), 1), number(b.q1(), 1), number(b.q3(), 1)));
    }
    return new ReportTable(nameFor(v, "strata"), "Strata, variant " + v.name(),
        List.of(num("stratum", "Stratum"), txt("label", "Label"), num("size", "Size"), num("percent", "% of used"),
            num("stability_jaccard", "Stability (Jaccard)"), num("bothersomeness_median", "Bothersomeness median"),
            num("bothersomeness_q1", "Q1"), num("bothersomeness_q3", "Q3")), rows);
  }

  /** Centroids in the features' own units, one column per feature. */
  public static ReportTable centroids(VariantReport v) {
    return centroidTable(v, "centroids", "Centroids in original units, variant " + v.name(), false);
  }

  /** Standardised centroids (the heatmap's numbers). */
  public static ReportTable centroidsZ(VariantReport v) {
    return centroidTable(v, "centroids_z", "Standardised centroids, variant " + v.name(), true);
  }

  private static ReportTable centroidTable(VariantReport v, String what, String caption, boolean z) {
    List<Column> cols = new ArrayList<>(List.of(num("stratum", "Stratum"), txt("label", "Label")));
    for (Feature f : v.features()) {
      cols.add(num(f.name(), f.unit().isEmpty() || z ? f.name() : f.name() + " (" + f.unit() + ")"));
    }
    List<List<Cell>> rows = new ArrayList<>();
    for (StratumReport s : v.strata()) {
      List<Cell> row = new ArrayList<>(List.of(integer(s.id()), Cell.text(s.label())));
      double[] values = z ? s.centroidZ() : s.centroidRaw();
      for (double x : values) {
        row.add(number(x, 2));
      }
      rows.add(row);
    }
    return new ReportTable(nameFor(v, what), caption, cols, rows);
  }

  /** Per-stratum quartiles and whiskers of every feature, long form. */
  public static ReportTable featureDistributions(VariantReport v) {
    List<List<Cell>> rows = new ArrayList<>();
    for (StratumReport s : v.strata()) {
      List<BoxSummary> d = s.featureDistributions();
      for (int f = 0; f < v.features().size(); f++) {
        BoxSummary b = d.get(f);
        rows.add(List.of(integer(s.id()), Cell.text(s.label()), Cell.text(v.features().get(f).name()),
            number(b.lowerWhisker(), 2), number(b.q1(), 2), number(b.median(), 2), number(b.q3(), 2),
            number(b.upperWhisker(), 2)));
      }
    }
    return new ReportTable(nameFor(v, "feature_distributions"), "Feature distributions per stratum, variant " + v.name(),
        List.of(num("stratum", "Stratum"), txt("label", "Label"), txt("feature", "Feature"),
            num("lower_whisker", "Lower whisker"), num("q1", "Q1"), num("median", "Median"), num("q3", "Q3"),
            num("upper_whisker", "Upper whisker")), rows);
  }

  /** LBP frequency counts per stratum, with percentages in the display. */
  public static ReportTable lbpFrequency(VariantReport v) {
    List<Column> cols = new ArrayList<>(List.of(num("stratum", "Stratum"), txt("label", "Label"), num("n", "n")));
    for (int level = 0; level < StratumReport.LBP_FREQUENCY_LEVELS; level++) {
      cols.add(num("level_" + level, LBP_FREQUENCY_LEVELS.get(level)));
    }
    List<List<Cell>> rows = new ArrayList<>();
    for (StratumReport s : v.strata()) {
      long[] counts = s.lbpFrequency();
      long n = 0;
      for (long c : counts) {
        n += c;
      }
      List<Cell> row = new ArrayList<>(List.of(integer(s.id()), Cell.text(s.label()), integer(n)));
      for (long c : counts) {
        row.add(new Cell(Long.toString(c), c + " (" + NumberText.fixed(n == 0 ? Double.NaN : 100.0 * c / n, 0) + "%)", ""));
      }
      rows.add(row);
    }
    return new ReportTable(nameFor(v, "lbp_frequency"), "LBP frequency (past 12 months) per stratum, variant " + v.name(),
        cols, rows);
  }

  /** Between-stratum tests with raw and adjusted p-values and effect sizes. */
  public static ReportTable tests(VariantReport v) {
    List<List<Cell>> rows = new ArrayList<>();
    for (TestRow t : v.tests()) {
      rows.add(List.of(Cell.text(t.variable()), Cell.text(t.test()), number(t.statistic(), 2), number(t.df(), 0),
          pCell(t.p()), pCell(t.pAdjusted()), Cell.text(t.effectSizeMeasure()), number(t.effectSize(), 3)));
    }
    return new ReportTable(nameFor(v, "tests"), "Between-stratum tests, variant " + v.name(),
        List.of(txt("variable", "Variable"), txt("test", "Test"), num("statistic", "Statistic"), num("df", "df"),
            num("p", "p"), num("p_adjusted", "p adjusted"), txt("effect_size_measure", "Effect size"),
            num("effect_size", "Value")), rows);
  }

  /** Cross-validated performance of each model. */
  public static ReportTable validation(VariantReport v) {
    List<List<Cell>> rows = new ArrayList<>();
    for (ValidationResult r : v.validation()) {
      rows.add(List.of(Cell.text(r.model()), number(r.accuracyMean(), 3), number(r.accuracySd(), 3),
          number(r.balancedAccuracyMean(), 3), number(r.macroF1Mean(), 3), integer(r.folds()), integer(r.repeats())));
    }
    return new ReportTable(nameFor(v, "validation"), "Cross-validated prediction of the stratum, variant " + v.name(),
        List.of(txt("model", "Model"), num("accuracy_mean", "Accuracy"), num("accuracy_sd", "SD"),
            num("balanced_accuracy_mean", "Balanced accuracy"), num("macro_f1_mean", "Macro-F1"),
            num("folds", "Folds"), num("repeats", "Repeats")), rows);
  }

  /**
   * Mean confusion matrix of one repeat of one model: rows true, columns predicted; each person
   * counts once, so a row sums to its stratum's size.
   */
  public static ReportTable confusion(VariantReport v, ValidationResult r) {
    List<Column> cols = new ArrayList<>(List.of(txt("true_stratum", "True \\ predicted")));
    for (String label : r.classLabels()) {
      cols.add(num("predicted_" + slug(label), label));
    }
    double[][] m = r.confusion();
    List<List<Cell>> rows = new ArrayList<>();
    for (int i = 0; i < m.length; i++) {
      List<Cell> row = new ArrayList<>(List.of(Cell.text(r.classLabels().get(i))));
      for (double c : m[i]) {
        row.add(number(c, 1));
      }
      rows.add(row);
    }
    return new ReportTable(nameFor(v, "confusion_" + slug(r.model())), "Confusion matrix, "
        + r.model() + ", variant " + v.name() + ": held-out predictions, mean of the "
        + r.repeats() + " repeats of " + r.folds() + "-fold cross-validation (each person "
        + "counted once)", cols, rows);
  }

  /** Net benefit per threshold and model, long form, with band limits where given. */
  public static ReportTable decisionCurves(VariantReport v) {
    DecisionCurves d = v.decisionCurves();
    double[] t = d.thresholds();
    List<List<Cell>> rows = new ArrayList<>();
    for (int i = 0; i < t.length; i++) {
      for (NetBenefitCurve c : d.curves()) {
        double[] lo = c.lower();
        double[] hi = c.upper();
        rows.add(List.of(number(t[i], 2), Cell.text(c.model()), number(c.netBenefit()[i], 4),
            number(lo == null ? Double.NaN : lo[i], 4), number(hi == null ? Double.NaN : hi[i], 4)));
      }
    }
    return new ReportTable(nameFor(v, "decision_curves"), "Net benefit by threshold, variant " + v.name(),
        List.of(num("threshold", "Threshold"), txt("model", "Model"), num("net_benefit", "Net benefit"),
            num("lower", "Band lower"), num("upper", "Band upper")), rows);
  }

  /** A table added by the analysis (cells already formatted). */
  public static ReportTable addition(VariantReport v, Addition.TextTable t) {
    List<Column> cols = new ArrayList<>();
    for (int j = 0; j < t.csvNames().size(); j++) {
      cols.add(new Column(t.csvNames().get(j), t.headings().get(j), t.numeric().get(j)));
    }
    List<List<Cell>> rows = new ArrayList<>();
    for (List<String> r : t.rows()) {
      rows.add(r.stream().map(Cell::text).toList());
    }
    return new ReportTable(nameFor(v, t.what()), t.caption(), cols, rows);
  }

  /** Every setting of the variant. */
  public static ReportTable settings(VariantReport v) {
    List<List<Cell>> rows = new ArrayList<>();
    for (Setting s : v.settings()) {
      rows.add(List.of(Cell.text(s.name()), Cell.text(s.value())));
    }
    return new ReportTable(nameFor(v, "settings"), "Settings, variant " + v.name(),
        List.of(txt("setting", "Setting"), txt("value", "Value")), rows);
  }
}
