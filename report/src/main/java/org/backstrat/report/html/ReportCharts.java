package org.backstrat.report.html;

import java.util.ArrayList;
import java.util.List;
import org.backstrat.report.model.BoxSummary;
import org.backstrat.report.model.DecisionCurves;
import org.backstrat.report.model.Feature;
import org.backstrat.report.model.NetBenefitCurve;
import org.backstrat.report.model.Projection;
import org.backstrat.report.model.ProjectionPoint;
import org.backstrat.report.model.SelectionRow;
import org.backstrat.report.model.StratumReport;
import org.backstrat.report.model.TrimmedObjectiveCurve;
import org.backstrat.report.model.ValidationResult;
import org.backstrat.report.model.VariantReport;
import org.backstrat.report.svg.BoxPlotChart;
import org.backstrat.report.svg.BoxStats;
import org.backstrat.report.svg.ColourScale;
import org.backstrat.report.svg.Heatmap;
import org.backstrat.report.svg.LineChart;
import org.backstrat.report.svg.LineSeries;
import org.backstrat.report.svg.ReferenceLine;
import org.backstrat.report.svg.ScatterChart;
import org.backstrat.report.svg.StackedBarChart;
import org.backstrat.report.table.NumberText;
import org.backstrat.report.table.ReportTables;

/**
 * Maps one variant's report data onto the SVG charts of the report. Chart ids are
 * {@code <variant-slug>-<what>}, unique in the page.
 */
final class ReportCharts {
  /** Most projection points drawn per chart (beyond this the scatter is thinned deterministically). */
  static final int MAX_SCATTER_POINTS = 4000;

  private final VariantReport v;
  private final String prefix;

  ReportCharts(VariantReport variant) {
    this.v = variant;
    this.prefix = "v-" + ReportTables.slug(variant.name()).replace('_', '-');
  }

  private String id(String what) {
    return prefix + "-" + what;
  }

  private double[] ks() {
    double[] x = new double[v.selection().size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = v.selection().get(i).k();
    }
    return x;
  }

  private interface Criterion {
    double of(SelectionRow r);
  }

  private double[] column(Criterion c) {
    double[] y = new double[v.selection().size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = c.of(v.selection().get(i));
    }
    return y;
  }

  private LineChart kChart(String what, String title, String yLabel, List<LineSeries> series) {
    List<ReferenceLine> refs = new ArrayList<>();
    refs.add(ReferenceLine.atX(v.k(), "chosen K = " + v.k()));
    return LineChart.of(id(what), title + " (" + v.name() + ")", "Number of strata K", yLabel, series)
        .withIntegerX().withSize(560, 340).withReferences(refs);
  }

  /** Silhouette and stability, gap ± SE, Calinski–Harabasz and the objective, each against K. */
  List<String> selectionCharts() {
    double[] k = ks();
    List<String> out = new ArrayList<>();
    LineChart quality = kChart("silhouette-stability", "Silhouette and stability", "Mean value (0–1)", List.of(
        LineSeries.of("silhouette", k, column(SelectionRow::silhouette)).withMarkers(),
        LineSeries.of("stability (Jaccard)", k, column(SelectionRow::stabilityJaccard)).withMarkers()));
    List<ReferenceLine> refs = new ArrayList<>(quality.references());
    refs.add(ReferenceLine.atY(0.6, "0.60 unstable below"));
    refs.add(ReferenceLine.atY(0.75, "0.75 stable"));
    refs.add(ReferenceLine.atY(0.85, "0.85 highly stable"));
    out.add(quality.withReferences(refs).render());
    out.add(kChart("gap", "Gap statistic ± 1 SE", "Gap (log units)", List.of(
        LineSeries.of("gap ± SE", k, column(SelectionRow::gap)).withErrorBars(column(SelectionRow::gapSe))
            .withMarkers())).render());
    out.add(kChart("calinski-harabasz", "Calinski–Harabasz index", "Index (ratio, unitless)", List.of(
        LineSeries.of("Calinski–Harabasz", k, column(SelectionRow::calinskiHarabasz)).withMarkers().withStyle(2)))
        .render());
    out.add(kChart("objective", "Clustering objective", "Sum of squared distances (scaled units²)", List.of(
        LineSeries.of("objective", k, column(SelectionRow::objective)).withMarkers().withStyle(3))).render());
    return out;
  }

  /** Objective against α, one line per K; null when no curves were given. */
  String trimmedObjectiveChart() {
    if (v.trimmedObjective().isEmpty()) {
      return null;
    }
    List<LineSeries> series = new ArrayList<>();
    for (TrimmedObjectiveCurve c : v.trimmedObjective()) {
      series.add(LineSeries.of("K = " + c.k(), c.trimFractions(), c.objectives()).withMarkers());
    }
    List<ReferenceLine> refs = List.of(ReferenceLine.atX(v.trimFraction(), "chosen α = " + NumberText.fixed(v.trimFraction(), 2)));
    return LineChart.of(id("trimmed-objective"), "Trimmed objective by trim fraction (" + v.name() + ")",
        "Trim fraction α (share of people trimmed)", "Sum of squared distances (scaled units²)", series)
        .withReferences(refs).render();
  }

  private List<String> strataNames() {
    List<String> names = new ArrayList<>();
    for (StratumReport s : v.strata()) {
      names.add(s.displayName() + " (n=" + s.size() + ")");
    }
    return names;
  }

  /** Heatmap of standardised centroids, strata × features, with values printed. */
  String centroidHeatmap() {
    List<String> cols = new ArrayList<>();
    for (Feature f : v.features()) {
      cols.add(f.name());
    }
    int rows = v.strata().size();
    double[][] values = new double[rows][];
    String[][] text = new String[rows][cols.size()];
    double limit = 1;
    for (int r = 0; r < rows; r++) {
      values[r] = v.strata().get(r).centroidZ();
      for (int c = 0; c < cols.size(); c++) {
        text[r][c] = NumberText.fixed(values[r][c], 2).replace('-', '\u2212');
        if (Double.isFinite(values[r][c])) {
          limit = Math.max(limit, Math.abs(values[r][c]));
        }
      }
    }
    limit = Math.ceil(limit * 2) / 2;
    return new Heatmap(id("centroids"), "Standardised centroids (" + v.name() + ")", "Stratum", "Feature",
        strataNames(), cols, values, text, ColourScale.diverging(limit),
        "Centroid in standardised units (blue below, orange above the cohort centre)").render();
  }

  /** LBP frequency as 100% stacked bars per stratum. */
  String lbpFrequencyChart() {
    long[][] counts = new long[v.strata().size()][];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = v.strata().get(i).lbpFrequency();
    }
    return new StackedBarChart(id("lbp-frequency"), "LBP frequency, past 12 months (" + v.name() + ")",
        "Share of stratum (%)", strataNames(), ReportTables.LBP_FREQUENCY_LEVELS, counts).render();
  }

  private static BoxStats box(String label, BoxSummary b, int style) {
    return new BoxStats(label, b.lowerWhisker(), b.q1(), b.median(), b.q3(), b.upperWhisker(), style);
  }

  /** Bothersomeness box plot per stratum. */
  String bothersomenessChart(String whiskerNote) {
    List<BoxStats> boxes = new ArrayList<>();
    for (int i = 0; i < v.strata().size(); i++) {
      StratumReport s = v.strata().get(i);
      boxes.add(box(s.displayName(), s.bothersomeness(), i));
    }
    return new BoxPlotChart(id("bothersomeness"), "LBP bothersomeness by stratum (" + v.name() + ")",
        "Bothersomeness (0–10 rating)", "Stratum", boxes, whiskerNote, 720, 360).render();
  }

  /** One small box-plot chart per numeric feature. */
  List<String> featureDistributionCharts(String whiskerNote) {
    List<String> out = new ArrayList<>();
    for (int f = 0; f < v.features().size(); f++) {
      Feature feature = v.features().get(f);
      if (!feature.numeric()) {
        continue;
      }
      List<BoxStats> boxes = new ArrayList<>();
      for (int i = 0; i < v.strata().size(); i++) {
        StratumReport s = v.strata().get(i);
        boxes.add(box(s.displayName(), s.featureDistributions().get(f), i));
      }
      out.add(new BoxPlotChart(id("feature-" + f), feature.name() + " by stratum (" + v.name() + ")",
          feature.axisLabel(), "Stratum", boxes, whiskerNote, 440, 300).render());
    }
    return out;
  }

  /** Projection scatter; null when no projection was given. */
  String projectionChart() {
    Projection p = v.projection();
    if (p == null) {
      return null;
    }
    int n = p.points().size();
    double[] x = new double[n];
    double[] y = new double[n];
    int[] g = new int[n];
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      ProjectionPoint pt = p.points().get(i);
      x[i] = pt.x();
      y[i] = pt.y();
      g[i] = strataIndex(pt.stratumId());
      out[i] = pt.outlier();
    }
    List<String> names = new ArrayList<>();
    for (StratumReport s : v.strata()) {
      names.add(s.displayName());
    }
    return new ScatterChart(id("projection"), "Projection coloured by stratum (" + v.name() + ")", p.xLabel(),
        p.yLabel(), names, x, y, g, out, "trimmed outlier", MAX_SCATTER_POINTS).render();
  }

  private int strataIndex(int stratumId) {
    for (int i = 0; i < v.strata().size(); i++) {
      if (v.strata().get(i).id() == stratumId) {
        return i;
      }
    }
    throw new IllegalArgumentException("variant " + v.name() + ": projection point in unknown stratum " + stratumId);
  }

  /**
   * Confusion matrix heatmap (mean of one repeat), coloured by row percentage, printing the mean
   * count and row %.
   */
  String confusionChart(ValidationResult r) {
    double[][] m = r.confusion();
    int n = m.length;
    double[][] share = new double[n][n];
    String[][] text = new String[n][n];
    for (int i = 0; i < n; i++) {
      double total = 0;
      for (double c : m[i]) {
        total += c;
      }
      for (int j = 0; j < n; j++) {
        share[i][j] = total == 0 ? Double.NaN : 100.0 * m[i][j] / total;
        text[i][j] = NumberText.fixed(m[i][j], 1) + "\n" + NumberText.fixed(share[i][j], 0) + "%";
      }
    }
    return new Heatmap(id("confusion-" + ReportTables.slug(r.model()).replace('_', '-')),
        "Confusion matrix: " + r.model() + " (" + v.name() + ")", "True stratum", "Predicted stratum",
        r.classLabels(), r.classLabels(), share, text, ColourScale.sequential(0, 100),
        "Share of the true stratum (%)").render();
  }

  private static int dcaStyle(String model, int position) {
    return switch (model) {
      case "stratification" -> 0;
      case "treat_all" -> 6;
      case "treat_none" -> 5;
      case "sbt_risk" -> 1;
      case "ompsq_high_risk" -> 2;
      default -> 3 + position % 2;
    };
  }

  /** Decision curves with bands and the superior range shaded; null when none were given. */
  String decisionCurveChart() {
    DecisionCurves d = v.decisionCurves();
    if (d == null) {
      return null;
    }
    double[] t = d.thresholds();
    List<LineSeries> series = new ArrayList<>();
    double top = d.prevalence();
    // treat-none is drawn last, so that a flat comparator lying on it cannot hide it
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < d.curves().size(); i++) {
      if (!d.curves().get(i).model().equals("treat_none")) {
        order.add(i);
      }
    }
    for (int i = 0; i < d.curves().size(); i++) {
      if (d.curves().get(i).model().equals("treat_none")) {
        order.add(i);
      }
    }
    for (int i : order) {
      NetBenefitCurve c = d.curves().get(i);
      LineSeries s = LineSeries.of(c.model().replace('_', ' '), t, c.netBenefit()).withStyle(dcaStyle(c.model(), i));
      if (c.lower() != null) {
        s = s.withBand(c.lower(), c.upper(), c.model().replace('_', ' ') + " 95% bootstrap band");
      }
      series.add(s);
      for (double[] a : new double[][] {c.netBenefit(), c.upper() == null ? new double[0] : c.upper()}) {
        for (double x : a) {
          if (Double.isFinite(x)) {
            top = Math.max(top, x);
          }
        }
      }
    }
    double bottom = -Math.max(0.02, Math.min(0.05, d.prevalence() / 2));
    LineChart chart = LineChart.of(id("dca"), "Decision curves: " + d.outcome() + " (" + v.name() + ")",
        "Threshold probability", "Net benefit (true positives per person)", series)
        .withYLimits(bottom, top * 1.05).withSize(720, 420);
    if (d.hasSuperiorRange()) {
      chart = chart.withShadedRange(d.superiorFrom(), d.superiorTo(), "stratification beats treat all and none");
    }
    return chart.render();
  }

  /**
   * Net interventions avoided per 100 people against treat-all,
   * 100 · (NB − NB_treat-all) · (1 − t) / t, for the strata and the comparators; null when no
   * decision curves were given.
   */
  String netInterventionsAvoidedChart() {
    DecisionCurves d = v.decisionCurves();
    if (d == null) {
      return null;
    }
    double[] t = d.thresholds();
    double[] all = null;
    for (NetBenefitCurve c : d.curves()) {
      if (c.model().equals("treat_all")) {
        all = c.netBenefit();
      }
    }
    if (all == null) {
      return null;
    }
    List<LineSeries> series = new ArrayList<>();
    double top = 10;
    for (int i = 0; i < d.curves().size(); i++) {
      NetBenefitCurve c = d.curves().get(i);
      if (c.model().equals("treat_all") || c.model().equals("treat_none")) {
        continue;
      }
      double[] y = new double[t.length];
      for (int j = 0; j < t.length; j++) {
        y[j] = 100 * (c.netBenefit()[j] - all[j]) * (1 - t[j]) / t[j];
        if (Double.isFinite(y[j])) {
          top = Math.max(top, y[j]);
        }
      }
      series.add(LineSeries.of(c.model().replace('_', ' '), t, y).withStyle(dcaStyle(c.model(), i)));
    }
    return LineChart.of(id("nia"), "Net interventions avoided: " + d.outcome() + " (" + v.name() + ")",
        "Threshold probability", "Net interventions avoided per 100 people", series)
        .withYLimits(-100, top * 1.05).withSize(720, 360).render();
  }
}
