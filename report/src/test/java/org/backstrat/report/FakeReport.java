package org.backstrat.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.report.model.BoxSummary;
import org.backstrat.report.model.CohortOverview;
import org.backstrat.report.model.DecisionCurves;
import org.backstrat.report.model.Exclusion;
import org.backstrat.report.model.Feature;
import org.backstrat.report.model.NetBenefitCurve;
import org.backstrat.report.model.Projection;
import org.backstrat.report.model.ProjectionPoint;
import org.backstrat.report.model.ReportInput;
import org.backstrat.report.model.SelectionRow;
import org.backstrat.report.model.Setting;
import org.backstrat.report.model.StratumReport;
import org.backstrat.report.model.TestRow;
import org.backstrat.report.model.TrimmedObjectiveCurve;
import org.backstrat.report.model.ValidationResult;
import org.backstrat.report.model.VariantReport;

/**
 * A realistic but invented report input (numbers shaped like the synthetic cohort's), for
 * rendering and testing the report without the analysis pipeline. Deterministic.
 */
public final class FakeReport {
  private FakeReport() {
  }

  /** @return the two-variant example (sbt, ompsq) */
  public static ReportInput example() {
    return input(List.of(variant("sbt", List.of(
            new Feature("sbt_total", "points 0–9", true), new Feature("sbt_psychosocial", "points 0–5", true)), 11),
        variant("ompsq", List.of(new Feature("ompsq_pain", "points 1–20", true),
            new Feature("ompsq_function", "points 0–20", true), new Feature("ompsq_distress", "points 0–20", true),
            new Feature("ompsq_rtw", "points 0–20", true), new Feature("ompsq_fear", "points 0–20", true)), 23)),
        "Backstrat analysis report — synthetic demo cohort");
  }

  /** @return an example whose names and labels try to inject markup */
  public static ReportInput hostile() {
    VariantReport v = variant("evil", List.of(new Feature("<script>alert(1)</script>", "\"><b>u</b>", true)), 5,
        "\"><img src=x onerror=alert(2)>");
    return input(List.of(v), "<script>alert('title')</script> & \"quotes\"");
  }

  private static ReportInput input(List<VariantReport> variants, String title) {
    return new ReportInput(title,
        new CohortOverview("synthetic cohort (n = 1500, seed 20250101)", 1500,
            List.of(new Exclusion("missing imaging (dd_sum or ft_max)", 41), new Exclusion("missing BMI", 12),
                new Exclusion("incomplete SBT items", 9))),
        variants,
        List.of("Numeric features were scaled by median and IQR; sex and smoking were encoded with weights so that "
                + "no binary feature contributes more than a continuous one.",
            "Strata were found by trimmed k-means (α = 0.05, 100 k-means++ restarts, seed 42). K was chosen from "
                + "2–8 by the gap statistic's first-SE-max rule among solutions with mean stability ≥ 0.75.",
            "Between-stratum tests: Kruskal–Wallis with ε², chi-square with Cramér's V; Holm adjustment."),
        List.of("The stratification is validated only internally (cross-validation); no external cohort was used."),
        true, true, "0.1.0", Instant.parse("2026-11-28T00:00:00Z"), "whiskers: min–max");
  }

  private static VariantReport variant(String name, List<Feature> questionnaire, long seed) {
    return variant(name, questionnaire, seed, null);
  }

  private static VariantReport variant(String name, List<Feature> questionnaire, long seed, String hostileLabel) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Feature> features = new ArrayList<>(questionnaire);
    features.addAll(List.of(new Feature("dd_sum", "points 5–25", true), new Feature("ft_max", "degrees", true),
        new Feature("smoking", "current share", false), new Feature("sex", "female share", false),
        new Feature("bmi", "kg/m²", true)));
    String[] labels = {"psychosocial", "degenerative", "mixed"};
    if (hostileLabel != null) {
      labels[0] = hostileLabel;
    }
    int[] sizes = {281, 497, 612};
    int nf = features.size();
    int nq = questionnaire.size();
    List<StratumReport> strata = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      double[] z = new double[nf];
      double[] raw = new double[nf];
      List<BoxSummary> dist = new ArrayList<>();
      for (int f = 0; f < nf; f++) {
        double psych = f < nq ? 1 : 0;
        double imaging = features.get(f).name().startsWith("dd") || features.get(f).name().startsWith("ft") ? 1 : 0;
        z[f] = s == 0 ? 1.3 * psych - 0.4 * imaging : s == 1 ? -0.5 * psych + 1.1 * imaging : 0.3 * psych + 0.2 * imaging;
        z[f] += rnd.nextDouble(-0.2, 0.2);
        double centre = 5 + 3 * z[f];
        raw[f] = features.get(f).numeric() ? centre : 0.3 + 0.1 * z[f];
        dist.add(features.get(f).numeric()
            ? new BoxSummary(centre - 4, centre - 1.2, centre, centre + 1.3, centre + 5)
            : BoxSummary.empty());
      }
      long[] lbp = s == 0 ? new long[] {40, 90, 70, 51, 30} : s == 1 ? new long[] {180, 170, 80, 47, 20}
          : new long[] {150, 220, 130, 80, 32};
      BoxSummary both = s == 0 ? new BoxSummary(0, 4, 6, 8, 10) : s == 1 ? new BoxSummary(0, 1, 3, 5, 9)
          : new BoxSummary(0, 2, 4, 6, 10);
      strata.add(new StratumReport(s + 1, labels[s], sizes[s], 0.71 + 0.07 * s, z, raw, lbp, both, dist));
    }
    List<SelectionRow> selection = new ArrayList<>();
    double[] sil = {0.24, 0.27, 0.22, 0.19, 0.18, 0.16, 0.15};
    double[] stab = {0.88, 0.81, 0.66, 0.58, 0.55, 0.51, 0.49};
    for (int k = 2; k <= 8; k++) {
      selection.add(new SelectionRow(k, sil[k - 2], 410 - 30 * k + rnd.nextDouble(0, 20), 0.55 + 0.08 * Math.log(k),
          0.012 + 0.002 * k, stab[k - 2], 9000 / Math.sqrt(k)));
    }
    List<TrimmedObjectiveCurve> trimmed = new ArrayList<>();
    double[] alphas = {0, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15};
    for (int k = 2; k <= 4; k++) {
      double[] obj = new double[alphas.length];
      for (int i = 0; i < alphas.length; i++) {
        obj[i] = 9000 / Math.sqrt(k) * (1 - 2.2 * alphas[i] + (alphas[i] < 0.03 ? -4 * alphas[i] : -0.12));
      }
      trimmed.add(new TrimmedObjectiveCurve(k, alphas, obj));
    }
    List<ProjectionPoint> points = new ArrayList<>();
    double[][] centres = {{-2, 1.5}, {2, 0.5}, {0, -1.5}};
    for (int s = 0; s < 3; s++) {
      for (int i = 0; i < sizes[s]; i++) {
        points.add(new ProjectionPoint(centres[s][0] + rnd.nextGaussian() * 0.9,
            centres[s][1] + rnd.nextGaussian() * 0.8, s + 1, false));
      }
    }
    for (int i = 0; i < 45; i++) {
      double angle = rnd.nextDouble(0, 2 * Math.PI);
      points.add(new ProjectionPoint(5 * Math.cos(angle), 4 * Math.sin(angle), 1 + i % 3, true));
    }
    List<TestRow> tests = new ArrayList<>();
    for (int f = 0; f < nf; f++) {
      boolean numeric = features.get(f).numeric();
      double p = Math.pow(10, -rnd.nextDouble(0.2, 12));
      tests.add(new TestRow(features.get(f).name(), numeric ? "Kruskal–Wallis" : "chi-square",
          rnd.nextDouble(2, 300), 2, p, Math.min(1, p * (nf + 2 - f)), numeric ? "ε²" : "Cramér's V",
          rnd.nextDouble(0.01, 0.5)));
    }
    tests.add(new TestRow("lbp_frequency", "Kruskal–Wallis", 41.7, 2, 8.8e-10, 7.0e-9, "ε²", 0.030));
    tests.add(new TestRow("lbp_bothersomeness", "Kruskal–Wallis", 5.1, 2, 0.078, 0.078, "ε²", 0.002));
    tests.add(new TestRow("sbt_risk", "Fisher–Freeman–Halton", Double.NaN, Double.NaN, 0.0123, 0.0369, "Cramér's V", 0.09));
    List<String> classes = List.of(strata.get(0).displayName(), strata.get(1).displayName(), strata.get(2).displayName());
    List<ValidationResult> validation = List.of(
        new ValidationResult("all features", 0.89, 0.021, 0.874, 0.868, 5, 10, classes,
            new double[][] {{239.0, 15.0, 27.0}, {6.1, 464.8, 26.1}, {21.0, 33.2, 557.8}}),
        new ValidationResult("questionnaire only", 0.61, 0.034, 0.583, 0.571, 5, 10, classes,
            new double[][] {{205.3, 31.0, 44.7}, {42.0, 248.0, 207.0}, {94.0, 185.1, 332.9}}));
    int nt = 99;
    double[] t = new double[nt];
    double prev = 0.15;
    double[] strat = new double[nt];
    double[] lo = new double[nt];
    double[] hi = new double[nt];
    double[] all = new double[nt];
    double[] none = new double[nt];
    double[] sbt = new double[nt];
    double[] ompsq = new double[nt];
    for (int i = 0; i < nt; i++) {
      t[i] = (i + 1) / 100.0;
      double odds = t[i] / (1 - t[i]);
      all[i] = prev - (1 - prev) * odds;
      strat[i] = Math.max(0, prev * Math.exp(-4 * t[i]) - 0.02 * odds) + (t[i] < 0.1 ? all[i] * 0.3 : 0);
      lo[i] = strat[i] - 0.012;
      hi[i] = strat[i] + 0.012;
      sbt[i] = Math.max(-0.02, prev * 0.5 * Math.exp(-5 * t[i]) - 0.01 * odds);
      ompsq[i] = Math.max(-0.02, prev * 0.4 * Math.exp(-6 * t[i]) - 0.01 * odds);
    }
    DecisionCurves dca = new DecisionCurves("lbp_bothersome_frequent", prev, 200, t, List.of(
        new NetBenefitCurve("stratification", strat, lo, hi), NetBenefitCurve.of("treat_all", all),
        NetBenefitCurve.of("treat_none", none), NetBenefitCurve.of("sbt_risk", sbt),
        NetBenefitCurve.of("ompsq_high_risk", ompsq)), 0.08, 0.41);
    return VariantReport.builder(name)
        .features(features)
        .clustering("trimmed k-means", 3, 0.05)
        .counts(1390, 45)
        .settings(List.of(new Setting("method", "trimmed k-means"), new Setting("trim fraction α", "0.05"),
            new Setting("restarts", "100"), new Setting("seed", "42"), new Setting("scaling", "robust (median/IQR)"),
            new Setting("K range", "2–8"), new Setting("bootstrap replicates (stability)", "100"),
            new Setting("p adjustment", "Holm"), new Setting("CV", "5 folds × 10 repeats")))
        .selection(selection)
        .trimmedObjective(trimmed)
        .strata(strata)
        .projection(new Projection("PCA of the scaled features", "PC1 (31% of variance)", "PC2 (18% of variance)", points))
        .tests(tests)
        .validation(validation)
        .decisionCurves(dca)
        .build();
  }
}
