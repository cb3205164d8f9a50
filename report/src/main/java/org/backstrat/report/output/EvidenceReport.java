package org.backstrat.report.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.backstrat.analysis.dca.DecisionCurves;
import org.backstrat.analysis.dca.NetBenefitCurve;
import org.backstrat.analysis.dca.StratificationDecisionCurves;
import org.backstrat.analysis.describe.TableOne;
import org.backstrat.analysis.evidence.BlockPermutationTest;
import org.backstrat.analysis.evidence.PredictionStrength;
import org.backstrat.analysis.pipeline.StrataEvidence;
import org.backstrat.analysis.pipeline.StratificationResult;
import org.backstrat.analysis.pipeline.VariantAnalysis;
import org.backstrat.analysis.validation.ClassificationMetrics;
import org.backstrat.analysis.validation.CrossValidationResult;
import org.backstrat.analysis.validation.OddsRatios;
import org.backstrat.report.model.Addition;
import org.backstrat.report.model.Addition.TextTable;
import org.backstrat.report.svg.ForestPlot;

/**
 * What the report says about a variant beyond its fixed tables, in plain words: the strata in
 * sentences and Table 1 (profiles), that the tests on clustering variables are descriptive
 * (tests), the evidence that is not circular first and then what the cross-validated accuracy
 * can and cannot show, with separation and convergence counted (validation), and where simpler
 * rules beat the strata on the decision curves (decision curves).
 */
public final class EvidenceReport {
  /** The variables of Table 1, in order (absent ones are skipped). */
  static final List<String> TABLE_ONE_BASE = List.of("age", "sex", "bmi", "smoking");
  static final List<String> TABLE_ONE_SCORES = List.of("sbt_total", "sbt_psychosocial",
      "sbt_risk", "ompsq_total", "ompsq_pain", "ompsq_function", "ompsq_distress", "ompsq_rtw",
      "ompsq_fear", "ompsq_high_risk", "dd_sum", "ft_max", "pfirrmann_l1l2", "pfirrmann_l2l3",
      "pfirrmann_l3l4", "pfirrmann_l4l5", "pfirrmann_l5s1", "lbp_frequency",
      "lbp_bothersomeness");

  /** Share of people below which a 0/1 comparator's decision curve is called flat. */
  static final double FLAT_SHARE = 0.02;

  private EvidenceReport() {
  }

  /** The additions for one variant, in section order. */
  public static List<Addition> additions(StratificationResult result, VariantAnalysis v) {
    List<Addition> out = new ArrayList<>();
    profiles(result, v, out);
    out.add(Addition.paragraph("tests", true, "Read these p-values as descriptions, not "
        + "tests: the strata were formed from the variables marked \"" + TableOne.DESCRIPTIVE
        + "\", so they differ on them by construction and the p-values are tiny whatever the "
        + "truth. Only variables the clustering did not use (the outcomes) are tests of a "
        + "difference, and even they were not pre-specified."));
    outcomeOdds(v, out);
    validation(v, out);
    decisionCurves(result, v, out);
    return out;
  }

  /** Table 1 of the kept people of a variant. */
  public static TableOne tableOne(StratificationResult result, VariantAnalysis v) {
    List<String> vars = new ArrayList<>(TABLE_ONE_BASE);
    vars.addAll(TABLE_ONE_SCORES);
    vars.add(result.config().outcome());
    Set<String> ordered = new LinkedHashSet<>(vars);
    List<String> labels = new ArrayList<>();
    for (int c = 0; c < v.k(); c++) {
      labels.add(v.label(c));
    }
    return TableOne.of(result.cohort(), v.strataFit().keptCohortRows(), v.strataFit().keptStrata(),
        labels, List.copyOf(ordered), Set.copyOf(v.config().featureNames()));
  }

  private static void profiles(StratificationResult result, VariantAnalysis v,
                               List<Addition> out) {
    out.add(Addition.paragraph("profiles", true, "The strata in words (from the standardised "
        + "centroids; the naming rule is in the methods):"));
    List<List<String>> words = new ArrayList<>();
    List<String> sentences = v.characterisation().sentences();
    for (int c = 0; c < sentences.size(); c++) {
      words.add(List.of(Integer.toString(c + 1), v.label(c), sentences.get(c)));
    }
    out.add(Addition.table("profiles", true, new TextTable("strata_in_words", "The strata in "
        + "words, variant " + v.name(), List.of("stratum", "label", "sentence"),
        List.of("Stratum", "Name", "In words"), List.of(true, false, false), words)));
    TableOne t = tableOne(result, v);
    List<String> csv = new ArrayList<>(List.of("variable", "level", "statistic"));
    List<String> head = new ArrayList<>(List.of("Variable", "Level", "Statistic"));
    List<Boolean> num = new ArrayList<>(List.of(false, false, false));
    int[] n = t.n();
    for (int c = 0; c < t.columns().size(); c++) {
      csv.add(c == 0 ? "overall" : "stratum_" + c);
      head.add(t.columns().get(c) + " (n = " + n[c] + ")");
      num.add(true);
    }
    csv.addAll(List.of("missing", "p", "test", "note"));
    head.addAll(List.of("Missing", "p", "Test", "Note"));
    num.addAll(List.of(true, true, false, false));
    List<List<String>> rows = new ArrayList<>();
    for (TableOne.Row r : t.rows()) {
      List<String> row = new ArrayList<>(List.of(r.variable(), r.level(), r.statistic()));
      if (r.cells().isEmpty()) {
        for (int c = 0; c < t.columns().size(); c++) {
          row.add("");
        }
      } else {
        row.addAll(r.cells());
      }
      boolean first = r.level().isEmpty();
      row.add(first ? Integer.toString(r.missing()) : "");
      row.add(first ? pText(r.p()) : "");
      row.add(first ? r.test() : "");
      row.add(first ? r.note() : "");
      rows.add(row);
    }
    out.add(Addition.table("profiles", true, new TextTable("table1", "Table 1 by stratum, "
        + "variant " + v.name() + " (people kept by the clustering; n (%) of those with a value; "
        + "median [Q1, Q3])", csv, head, num, rows)));
  }

  static String pText(double p) {
    if (Double.isNaN(p)) {
      return "";
    }
    return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
  }

  private static String f(double x, int d) {
    return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%." + d + "f", x);
  }

  private static void validation(VariantAnalysis v, List<Addition> out) {
    StrataEvidence e = v.evidence();
    StringBuilder b = new StringBuilder("Primary evidence — are the strata more than the "
        + "separate data domains? ");
    if (e.blockPermutation().isPresent()) {
      BlockPermutationTest.Result r = e.blockPermutation().get();
      b.append("Block-permutation test: each domain (")
          .append(String.join("; ", r.domains().stream().map(d -> String.join(", ", d)).toList()))
          .append(") was shuffled across people on its own, which keeps every domain's "
              + "distribution but breaks the links between domains, and the shuffled data were "
              + "clustered with the same settings and K (")
          .append(e.restarts()).append(" restarts per clustering, for the observed data and every "
              + "permutation alike). Statistic ")
          .append(r.statistic()).append(": observed ").append(f(r.observed(), 4))
          .append(", permutation median ").append(f(median(r.permuted()), 4)).append(", p = ")
          .append(f(r.pValue(), 4)).append(" (").append(r.permutations())
          .append(" permutations, p = (1 + count) / (1 + B), so p is at least ")
          .append(f(1.0 / (1 + r.permutations()), 4)).append("). ");
      b.append(r.pValue() < 0.05
          ? "The strata are supported: clustering separates these people better than it "
              + "separates data whose domains are unrelated."
          : "The strata are not supported: data whose domains were shuffled independently "
              + "cluster as well, so the strata may be no more than each domain's own spread.");
    } else {
      b.append("The block-permutation test was not run (permutations = 0), so there is no "
          + "evidence here that the strata are more than the separate domains.");
    }
    out.add(Addition.paragraph("validation", true, b.toString()));
    List<List<String>> rows = new ArrayList<>();
    for (PredictionStrength.Result r : e.predictionStrength()) {
      rows.add(List.of(Integer.toString(r.k()) + (r.k() == v.k() ? " (chosen)" : ""),
          f(r.strength(), 3), f(r.splitHalfAri(), 3)));
    }
    out.add(Addition.table("validation", true, new TextTable("prediction_strength",
        "Prediction strength (Tibshirani & Walther; fpc's definition) and split-half adjusted "
            + "Rand index, " + e.splits() + " random halvings of " + e.people() + " people, "
            + "variant " + v.name(),
        List.of("k", "prediction_strength", "split_half_ari"),
        List.of("K", "Prediction strength", "Split-half ARI"), List.of(true, true, true), rows)));
    out.add(Addition.paragraph("validation", true, "Prediction strength and split-half ARI "
        + "show whether a clustering of half the people reproduces on the other half "
        + "(0.8 or more is read as well supported). They are reported, not used to decide: a "
        + "cohort whose domains were shuffled independently can still score high when one "
        + "domain is itself multimodal."));
    CrossValidationResult cv = v.validation();
    int fits = cv.folds() * cv.repeats();
    double[] lambdas = cv.lambdas();
    Arrays.sort(lambdas);
    String lambda = lambdas.length == 0 || Double.isNaN(lambdas[0]) ? "–"
        : f(lambdas[lambdas.length / 2], 4) + " (range " + f(lambdas[0], 4) + " to "
            + f(lambdas[lambdas.length - 1], 4) + ")"
            + (lambdas[lambdas.length / 2] <= smallestGridLambda() ? ", the smallest of the grid: "
                + "with separated strata less penalty always fits the held-out folds better, and "
                + "the penalty only keeps the estimates finite" : "");
    out.add(Addition.paragraph("validation", false, "Accuracy from the clustering features is "
        + "near-circular. The strata are nearest-centre cells of the very features the "
        + "regression reads, so a linear model separates them almost perfectly by "
        + "construction: of " + fits + " training folds, " + cv.completeSeparationFits()
        + " were completely and " + cv.quasiSeparationFits() + " quasi-completely separated "
        + "(unpenalised maximum likelihood does not exist there). The model is therefore a "
        + "multinomial ridge regression (glmnet's parametrisation) with λ chosen by inner "
        + "5-fold cross-validation in every fit, median λ " + lambda + "; "
        + cv.nonConvergedFits() + " of " + fits + " fits did not converge. High accuracy "
        + "shows that the strata can be recomputed from their features, not that they exist; "
        + "that question is answered by the block-permutation test above. The questionnaire-"
        + "only and imaging-only models ask whether the strata can be recognised from a subset "
        + "of the data, which is less circular: each leaves out features that helped form them."));
    ClassificationMetrics m = cv.pooledMetrics();
    double[][] mean = cv.meanConfusionPerRepeat();
    List<List<String>> pr = new ArrayList<>();
    for (int c = 0; c < v.k(); c++) {
      List<String> row = new ArrayList<>(List.of((c + 1) + " " + v.label(c),
          f(m.precision()[c], 3), f(m.recall()[c], 3), f(m.f1()[c], 3)));
      for (double x : mean[c]) {
        row.add(f(x, 1));
      }
      pr.add(row);
    }
    List<String> csv = new ArrayList<>(List.of("stratum", "precision", "recall", "f1"));
    List<String> head = new ArrayList<>(List.of("Stratum (true)", "Precision", "Recall", "F1"));
    List<Boolean> num = new ArrayList<>(List.of(false, true, true, true));
    for (int c = 0; c < v.k(); c++) {
      csv.add("mean_predicted_" + (c + 1));
      head.add("Mean predicted " + (c + 1));
      num.add(true);
    }
    out.add(Addition.table("validation", false, new TextTable("per_class", "Per-stratum "
        + "precision, recall and F1 of the held-out predictions (all features), and the mean "
        + "confusion matrix of one repeat (each person once), variant " + v.name(), csv, head,
        num, pr)));
    calibration(v, out);
    forestPlot(v, out);
    if (v.dca().isEmpty()) {
      out.add(Addition.paragraph("validation", false, paperComparison(v)));
    }
  }

  /**
   * Odds ratios of the outcome by stratum against the largest stratum: a sentence and a table;
   * under multiple imputation pooled by Rubin's rules (with their df and fmi).
   */
  private static void outcomeOdds(VariantAnalysis v, List<Addition> out) {
    if (v.outcomeAssociation().isEmpty()) {
      return;
    }
    org.backstrat.analysis.pipeline.OutcomeAssociation o = v.outcomeAssociation().get();
    boolean pooled = o.imputations() > 0;
    String ref = (o.reference() + 1) + " " + v.label(o.reference());
    out.add(Addition.paragraph("tests", false, "Odds of " + o.outcome() + " by stratum: "
        + "logistic regression on the strata, the largest stratum (" + ref + ") the reference, "
        + o.people() + " people kept by the clustering with the outcome known (" + o.events()
        + " with it). " + (pooled ? "Fitted on each of the " + o.imputations() + " imputed "
            + "sets with that set's own strata and pooled by Rubin's rules; 95% limits and "
            + "p-values from the t distribution with the Barnard-Rubin degrees of freedom "
            + "(df), and the fraction of missing information (fmi)."
            : "95% Wald limits.") + " The strata were not formed from the outcome, so this is "
        + "a test, though not a pre-specified one."));
    List<String> csv = new ArrayList<>(List.of("stratum", "people", "events", "odds_ratio",
        "ci_lower", "ci_upper", "p"));
    List<String> head = new ArrayList<>(List.of("Stratum", "n", "With outcome", "Odds ratio",
        "95% lower", "95% upper", "p"));
    List<Boolean> num = new ArrayList<>(List.of(false, true, true, true, true, true, true));
    if (pooled) {
      csv.addAll(List.of("df", "fmi"));
      head.addAll(List.of("df", "fmi"));
      num.addAll(List.of(true, true));
    }
    List<List<String>> rows = new ArrayList<>();
    List<String> refRow = new ArrayList<>(List.of(ref + " (reference)", "", "", "1", "", "",
        ""));
    if (pooled) {
      refRow.addAll(List.of("", ""));
    }
    rows.add(refRow);
    for (org.backstrat.analysis.pipeline.OutcomeAssociation.Row r : o.rows()) {
      List<String> row = new ArrayList<>(List.of((r.stratum() + 1) + " " + v.label(r.stratum()),
          Integer.toString(r.people()), Integer.toString(r.events()), f(r.oddsRatio(), 2),
          f(r.lower(), 2), f(r.upper(), 2),
          Double.isNaN(r.p()) ? "–" : CsvTable.number(r.p())));
      if (pooled) {
        row.addAll(List.of(f(r.df(), 1), f(r.fractionMissingInformation(), 3)));
      }
      rows.add(row);
    }
    out.add(Addition.table("tests", false, new TextTable("outcome_odds", "Odds ratios of "
        + o.outcome() + " by stratum" + (pooled ? " (Rubin's rules over " + o.imputations()
            + " imputed sets)" : "") + ", variant " + v.name(), csv, head, num, rows)));
  }

  /** Calibration of the all-features model's held-out probabilities: plot and table. */
  private static void calibration(VariantAnalysis v, List<Addition> out) {
    List<org.backstrat.analysis.validation.Calibration.Result> cal =
        v.strataValidation().calibration();
    if (cal.isEmpty()) {
      return;
    }
    List<org.backstrat.report.svg.LineSeries> series = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (int c = 0; c < cal.size(); c++) {
      var r = cal.get(c);
      String name = (c + 1) + " " + v.label(c);
      series.add(org.backstrat.report.svg.LineSeries.of(name, r.meanPredicted(), r.observed())
          .withMarkers());
      double[] mp = r.meanPredicted();
      double[] ob = r.observed();
      for (int b = 0; b < mp.length; b++) {
        rows.add(List.of(name, Integer.toString(b + 1), f(mp[b], 4), f(ob[b], 4),
            b == 0 ? f(r.intercept(), 3) : "", b == 0 ? f(r.slope(), 3) : ""));
      }
    }
    series.add(org.backstrat.report.svg.LineSeries.of("perfect calibration",
        new double[] {0, 1}, new double[] {0, 1}));
    String svg = org.backstrat.report.svg.LineChart.of("calibration-" + v.name(),
        "Calibration of held-out probabilities (" + v.name() + ")", "Mean predicted probability",
        "Observed share", series).withYLimits(0, 1).withSize(560, 420).render();
    StringBuilder cap = new StringBuilder("Calibration of the all-features model's held-out "
        + "probabilities of each stratum, pooled over the repeats, in ten groups of equal size; "
        + "intercept (calibration-in-the-large, 0 is ideal) and slope (1 is ideal; below 1 "
        + "means too extreme, above 1 too cautious): ");
    for (int c = 0; c < cal.size(); c++) {
      cap.append(c == 0 ? "" : "; ").append(c + 1).append(" ").append(v.label(c))
          .append(" intercept ").append(f(cal.get(c).intercept(), 2)).append(", slope ")
          .append(f(cal.get(c).slope(), 2));
    }
    double[] slopes = cal.stream().mapToDouble(x -> x.slope()).toArray();
    cap.append(". ").append(calibrationReading(slopes));
    out.add(Addition.figure("validation", false, svg, cap.toString(),
        new TextTable("calibration", "Calibration of held-out probabilities, variant " + v.name(),
            List.of("stratum", "group", "mean_predicted", "observed", "intercept", "slope"),
            List.of("Stratum", "Group", "Mean predicted", "Observed", "Intercept", "Slope"),
            List.of(false, true, true, true, true, true), rows)));
  }

  /**
   * What the calibration slopes say, in words: all above 1.2 (held-out probabilities too
   * cautious, which a ridge penalty does by shrinking them), all below 0.8 (too extreme, the
   * sign of overfitting), all within 0.8 to 1.2 (well calibrated), or mixed.
   */
  static String calibrationReading(double[] slopes) {
    boolean high = true;
    boolean low = true;
    boolean near = true;
    for (double s : slopes) {
      high &= s > 1.2;
      low &= s < 0.8;
      near &= s >= 0.8 && s <= 1.2;
    }
    if (slopes.length == 0 || !(high || low || near)) {
      return "The slopes differ between strata: some probabilities are too cautious, others too "
          + "extreme; read each stratum's line.";
    }
    if (high) {
      return "Every slope is above 1: the held-out probabilities are less extreme than the "
          + "outcomes bear out (too cautious), as expected of the ridge penalty, which shrinks "
          + "them towards the stratum shares.";
    }
    if (low) {
      return "Every slope is below 1: the held-out probabilities are too extreme, the usual "
          + "sign of overfitting.";
    }
    return "Every slope is within 0.8 to 1.2: the held-out probabilities are about as extreme "
        + "as the outcomes bear out.";
  }

  /** The final model's odds ratios per SD with bootstrap intervals: forest plot and table. */
  static void forestPlot(VariantAnalysis v, List<Addition> out) {
    OddsRatios.Result r = v.strataValidation().oddsRatios();
    List<String> columns = v.strataValidation().oddsRatioColumns();
    String ref = (r.reference() + 1) + " " + v.label(r.reference());
    List<ForestPlot.Row> plot = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    double widest = 0;
    for (OddsRatios.Entry e : r.entries()) {
      String stratum = (e.stratum() + 1) + " " + v.label(e.stratum());
      String feature = columns.get(e.feature());
      plot.add(new ForestPlot.Row((e.stratum() + 1) + " vs " + (r.reference() + 1) + ": "
          + feature, e.stratum(), e.oddsRatio(), e.oddsRatioLower(), e.oddsRatioUpper()));
      rows.add(List.of(stratum, ref, feature, g(e.oddsRatio()), g(e.oddsRatioLower()),
          g(e.oddsRatioUpper()), f(e.logOddsRatio(), 3)));
      widest = Math.max(widest, e.upper() - e.lower());
    }
    String svg = new ForestPlot("odds-ratios-" + v.name(), "Odds ratios of the final model ("
        + v.name() + ")", "Odds ratio per SD against stratum " + ref + " (log scale)", plot, 640)
        .render();
    CrossValidationResult cv = v.validation();
    boolean separated = cv.completeSeparationFits() + cv.quasiSeparationFits() > 0;
    String caption = "Odds ratios of each stratum against stratum " + ref + " per one SD of "
        + "each feature (other features fixed), from the final multinomial ridge model fitted on "
        + "everyone cross-validated (λ " + f(r.lambda(), 4) + " by inner cross-validation). "
        + "Intervals: " + Math.round(100 * r.level()) + "% bootstrap percentile intervals over "
        + r.replicates() + " stratified resamples, each refitted at the same λ (a ridge estimate "
        + "has no standard Wald interval, and the unpenalised refit that would give one "
        + (separated ? "does not exist here because the strata are separated" : "is not the "
        + "model reported") + "); " + r.nonConvergedReplicates() + " refits did not converge. "
        + (separated ? "The training folds were separated, so the size of these odds ratios is "
            + "set by the penalty and only their direction says something: which features "
            + "distinguish a stratum from the reference. "
            : "")
        + "They describe the model that recomputes the strata from their own features, so they "
        + "restate the centroids; they are not evidence that the strata exist.";
    out.add(Addition.figure("validation", false, svg, caption, new TextTable("odds_ratios",
        "Odds ratios per SD of the final model with " + Math.round(100 * r.level())
            + "% bootstrap intervals, variant " + v.name(),
        List.of("stratum", "reference", "feature", "odds_ratio", "ci_lower", "ci_upper",
            "log_odds_ratio"),
        List.of("Stratum", "Reference", "Feature", "Odds ratio per SD", "Lower", "Upper",
            "log OR"),
        List.of(false, false, false, true, true, true, true), rows)));
  }

  /** Three significant digits, scientific beyond 10^4 or below 10^-3. */
  private static String g(double x) {
    if (!Double.isFinite(x)) {
      return "–";
    }
    return x >= 1e4 || x < 1e-3 ? String.format(Locale.ROOT, "%.3g", x)
        : String.format(Locale.ROOT, x >= 100 ? "%.0f" : x >= 10 ? "%.1f" : "%.3f", x);
  }

  private static double smallestGridLambda() {
    double[] g = org.backstrat.analysis.validation.MultinomialRidgeTrainer.DEFAULT_GRID;
    return Arrays.stream(g).min().orElse(0);
  }

  private static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    return s.length == 0 ? Double.NaN
        : s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
  }

  /**
   * How the strata compare with one alternative on the decision curves.
   *
   * @param comparator the alternative's curve name (treat_all, treat_none, a 0/1 rule)
   * @param comparatorBetter threshold ranges where the alternative's net benefit is higher, as
   *     "0.08 to 0.75, 0.80" (empty: never)
   * @param strataBetter threshold ranges where the strata's net benefit is higher
   * @param treated people the alternative treats at the lowest threshold (-1 for treat-all and
   *     treat-none)
   * @param flat a 0/1 rule that treats fewer than 2% of the people, so its curve lies on
   *     treat-none
   * @param comparatorLeadMax the largest amount by which the alternative's net benefit exceeds
   *     the strata's (0 where it never does); × 1,000 = net true positives per 1,000 people
   * @param strataWhereBehindMax the strata's largest net benefit at the thresholds where the
   *     alternative is ahead (0 where it never is)
   */
  public record DcaComparison(String comparator, String comparatorBetter, String strataBetter,
                              long treated, boolean flat, double comparatorLeadMax,
                              double strataWhereBehindMax) {

    /**
     * A flat rule ahead of the strata: it can only be ahead by treating almost no one, so it
     * is not "a simpler rule that is better" but a sign that neither adds much over treat-none.
     */
    public boolean flatTie() {
      return flat && !comparatorBetter.isEmpty();
    }
  }

  /** The strata against every alternative of the decision curves, in curve order. */
  public static List<DcaComparison> dcaComparisons(DecisionCurves d) {
    NetBenefitCurve strat = d.curve(StratificationDecisionCurves.STRATIFICATION);
    List<DcaComparison> out = new ArrayList<>();
    for (NetBenefitCurve c : d.curves()) {
      if (c.model().equals(StratificationDecisionCurves.STRATIFICATION)) {
        continue;
      }
      boolean rule = !c.model().equals(DecisionCurves.TREAT_ALL)
          && !c.model().equals(DecisionCurves.TREAT_NONE);
      long treated = rule ? c.truePositives()[0] + c.falsePositives()[0] : -1;
      double[] nb = c.netBenefit();
      double[] strataNb = strat.netBenefit();
      double lead = 0;
      double behind = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < nb.length; i++) {
        lead = Math.max(lead, nb[i] - strataNb[i]);
        if (ahead(nb, strataNb, i)) {
          behind = Math.max(behind, strataNb[i]);
        }
      }
      out.add(new DcaComparison(c.model(), ranges(d, c, strat), ranges(d, strat, c), treated,
          rule && treated < FLAT_SHARE * d.n(), lead, behind == Double.NEGATIVE_INFINITY ? 0 : behind));
    }
    return out;
  }

  /** The decision-curve paragraph: the strata against every alternative, told straight. */
  public static String dcaParagraph(DecisionCurves d) {
    List<String> sentences = new ArrayList<>();
    sentences.add("How the strata compare with every alternative (net benefit, thresholds "
        + d.grid().label(0) + " to " + d.grid().label(d.grid().size() - 1) + "):");
    List<String> simpler = new ArrayList<>();
    for (DcaComparison c : dcaComparisons(d)) {
      String name = c.comparator().replace('_', ' ');
      StringBuilder s = new StringBuilder(name).append(": ");
      s.append(c.comparatorBetter().isEmpty() ? "never better than the strata"
          : "better than the strata for thresholds " + c.comparatorBetter() + " (by at most "
              + f(c.comparatorLeadMax(), 4) + " in net benefit, " + f(1000 * c.comparatorLeadMax(), 1)
              + " net true positives per 1,000 people)");
      s.append(c.strataBetter().isEmpty() ? "; the strata are never better." : "; the strata "
          + "are better for " + c.strataBetter() + ".");
      if (c.flat()) {
        s.append(c.treated() == 0 ? " It flags no one of the " + d.n() + " people, so"
            : " It flags only " + c.treated() + " of " + d.n() + " people, so")
            .append(" its net benefit is near zero at every threshold and its "
                + "curve lies on treat-none: flat because it treats almost no one, not "
                + "because it is neutral.");
      }
      if (c.flatTie()) {
        s.append(" Where it is ahead, the strata's net benefit is at most "
            + f(c.strataWhereBehindMax(), 4) + " (treat-none: 0): a rule that treats almost no one "
            + "can be ahead only where neither adds much over treating no one, so it is not counted "
            + "as a better rule.");
      } else if (!c.comparatorBetter().isEmpty()) {
        simpler.add(name + " (" + c.comparatorBetter() + ")");
      }
      sentences.add(s.toString());
    }
    sentences.add(simpler.isEmpty() ? "No alternative beats the strata at any threshold."
        : "Where a simpler rule is better: " + String.join("; ", simpler) + "; there it, not "
            + "the strata, is the better choice.");
    sentences.add("Treat-none is the line at net benefit 0. Decision curves of a risk taken "
        + "from the same cohort's outcome rates are optimistic.");
    return String.join(" ", sentences);
  }

  /**
   * The paper's headline figures beside this analysis's: cross-validated accuracy (the paper:
   * logistic regression, 0.89 SBT and 0.87 ÖMPSQ) and the decision curve against treat-all
   * (the paper: above it).
   */
  public static String paperComparison(VariantAnalysis v) {
    CrossValidationResult cv = v.validation();
    String paper = v.name().equals("sbt") ? "0.89 (SBT)" : v.name().equals("ompsq")
        ? "0.87 (ÖMPSQ)" : "0.89 (SBT) and 0.87 (ÖMPSQ)";
    StringBuilder b = new StringBuilder("Beside the paper: it reports cross-validated "
        + "logistic-regression accuracy of " + paper + " and decision curves above treat-all. "
        + "Here the all-features accuracy is " + f(cv.accuracyMean(), 3) + " (SD "
        + f(cv.accuracySd(), 3) + ")");
    if (v.dca().isPresent()) {
      for (DcaComparison c : dcaComparisons(v.dca().get().curves())) {
        if (c.comparator().equals(DecisionCurves.TREAT_ALL)) {
          b.append(c.strataBetter().isEmpty() ? " and the strata are never above treat-all"
              : " and the strata are above treat-all for thresholds " + c.strataBetter());
        }
      }
    }
    return b.append(". Both accuracies predict a clustering from its own features and are "
        + "near-circular in the same way; what differs is the penalised model with separation "
        + "reported, the block-permutation test as the primary evidence, and decision curves "
        + "compared with every simpler rule, not only with treat-all.").toString();
  }

  private static void decisionCurves(StratificationResult result, VariantAnalysis v,
                                     List<Addition> out) {
    if (v.dca().isEmpty()) {
      return;
    }
    DecisionCurves d = v.dca().get().curves();
    out.add(Addition.paragraph("decision-curves", false, dcaParagraph(d)));
    List<List<String>> rows = new ArrayList<>();
    for (DcaComparison c : dcaComparisons(d)) {
      rows.add(List.of(c.comparator().replace('_', ' '),
          c.comparatorBetter().isEmpty() ? "never" : c.comparatorBetter(),
          c.strataBetter().isEmpty() ? "never" : c.strataBetter(),
          c.treated() < 0 ? "" : Long.toString(c.treated()), c.flat() ? "yes" : "no"));
    }
    out.add(Addition.table("decision-curves", false, new TextTable("dca_comparison",
        "The strata against every alternative, variant " + v.name() + " (thresholds where "
            + "each has the higher net benefit)",
        List.of("comparator", "comparator_better", "strata_better", "treated", "flat"),
        List.of("Alternative", "Alternative better for", "Strata better for",
            "People it treats", "Flat (treats < 2%)"),
        List.of(false, false, false, true, false), rows)));
    out.add(Addition.paragraph("decision-curves", false, paperComparison(v)));
  }

  /** Threshold ranges where a's net benefit exceeds b's, as "0.08 to 0.75, 0.80 to 0.81". */
  static String ranges(DecisionCurves d, NetBenefitCurve a, NetBenefitCurve b) {
    List<String> out = new ArrayList<>();
    double[] na = a.netBenefit();
    double[] nb = b.netBenefit();
    int start = -1;
    int size = d.grid().size();
    for (int i = 0; i <= size; i++) {
      boolean above = i < size && ahead(na, nb, i);
      if (above && start < 0) {
        start = i;
      } else if (!above && start >= 0) {
        out.add(d.grid().label(start) + (i - 1 > start ? " to " + d.grid().label(i - 1) : ""));
        start = -1;
      }
    }
    return String.join(", ", out);
  }

  /** Whether net benefit {@code a} is above {@code b} at threshold {@code i} (beyond rounding). */
  private static boolean ahead(double[] a, double[] b, int i) {
    return a[i] > b[i] + 1e-12;
  }
}
