package org.backstrat.report.output;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.analysis.dca.BootstrapBands;
import org.backstrat.analysis.dca.StratificationDecisionCurves;
import org.backstrat.analysis.dca.SuperiorRanges;
import org.backstrat.analysis.pipeline.StratificationResult;
import org.backstrat.analysis.pipeline.VariantAnalysis;
import org.backstrat.analysis.result.StratumProfile;
import org.backstrat.analysis.stats.NumericSummary;
import org.backstrat.analysis.stats.StratumComparison;
import org.backstrat.analysis.pipeline.EvidenceStage;
import org.backstrat.analysis.strata.StrataInWords;
import org.backstrat.analysis.validation.CrossValidationResult;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.PrincipalComponents;
import org.backstrat.cluster.select.KSelectionRow;
import org.backstrat.cluster.select.TrimmingCurves;
import org.backstrat.core.SoftwareVersion;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.report.model.BoxSummary;
import org.backstrat.report.model.CohortOverview;
import org.backstrat.report.model.DecisionCurves;
import org.backstrat.report.model.Exclusion;
import org.backstrat.report.model.ParticipantFlow;
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
 * Turns an analysis result into the report's input: per variant the selection table, strata
 * profiles (standardised and raw centroids, feature distributions, LBP frequency,
 * bothersomeness), a 2-D principal-component projection of the clustered people in the scaled
 * space, the tests, both validation models and the decision curves; plus the methods text that
 * states every setting and the limitations text.
 */
public final class ReportAssembler {
  /** Whisker rule printed under the box plots. */
  static final String WHISKERS = "whiskers: most extreme values within 1.5 IQR of the box";

  private ReportAssembler() {
  }

  /**
   * The report input.
   *
   * @param result the analysis
   * @param createdAt the time printed in the report (honour SOURCE_DATE_EPOCH before calling)
   * @param syntheticData whether the cohort is synthetic (the report then says so plainly)
   */
  public static ReportInput assemble(StratificationResult result, Instant createdAt,
                                     boolean syntheticData) {
    Cohort cohort = result.cohort();
    // exclusions differ per variant (each has its own complete cases and outliers), so the
    // cohort-level table lists none; the variants table and the notes carry the per-variant counts
    List<Exclusion> exclusions = new ArrayList<>();
    List<VariantReport> variants = new ArrayList<>();
    for (VariantAnalysis v : result.variants()) {
      variants.add(variant(result, v));
    }
    Citations refs = new Citations();
    List<String> methods = methods(result, refs);
    return new ReportInput("backstrat stratification report",
        new CohortOverview(sourceName(cohort), cohort.size(), exclusions), variants,
        methods, limitations(result, syntheticData), syntheticData, false,
        SoftwareVersion.get(), createdAt, WHISKERS, refs.list());
  }

  private static String sourceName(Cohort cohort) {
    String s = cohort.source();
    int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
    return slash >= 0 ? s.substring(slash + 1) : s;
  }

  private static VariantReport variant(StratificationResult result, VariantAnalysis v) {
    AnalysisConfig c = result.config();
    List<String> columns = v.features().columns();
    int p = columns.size();
    List<Feature> features = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      String source = v.features().sourceFeature().get(j);
      String unit = result.cohort().variable(source).map(x -> x.unit()).orElse("");
      features.add(new Feature(columns.get(j), unit, v.features().scaled()[j]));
    }
    List<SelectionRow> selection = new ArrayList<>();
    for (KSelectionRow r : v.selection().rows()) {
      selection.add(new SelectionRow(r.k(), r.silhouette(), r.calinskiHarabasz(), r.gap(),
          r.gapSe(), r.stabilityJaccard(), r.objective()));
    }
    double[][] x = v.input().matrix(); // the values clustered (imputed where the config says so)
    boolean[] outlier = v.outlier();
    int[] labels = v.labels();
    double[] mean = new double[p];
    double[] sd = new double[p];
    for (int j = 0; j < p; j++) {
      NumericSummary s = NumericSummary.of(column(x, j, outlier, labels, -1));
      mean[j] = s.mean();
      sd[j] = s.sd();
    }
    List<StratumReport> strata = new ArrayList<>();
    for (StratumProfile sp : v.strata()) {
      int c0 = sp.id() - 1;
      double[] raw = new double[p];
      double[] z = new double[p];
      List<BoxSummary> boxes = new ArrayList<>();
      for (int j = 0; j < p; j++) {
        raw[j] = sp.centroid().get(columns.get(j));
        z[j] = sd[j] > 0 ? (raw[j] - mean[j]) / sd[j] : 0;
        boxes.add(v.features().scaled()[j] ? box(column(x, j, outlier, labels, c0))
            : BoxSummary.empty());
      }
      long[] freq = new long[StratumReport.LBP_FREQUENCY_LEVELS];
      for (int level = 0; level < freq.length; level++) {
        freq[level] = sp.lbpFrequency().getOrDefault(level, 0);
      }
      BoxSummary both = Double.isNaN(sp.bothersomenessMedian()) ? BoxSummary.empty()
          : bothersomeness(result.cohort(), v, c0);
      strata.add(new StratumReport(sp.id(), sp.label(), sp.size(), sp.stabilityJaccard(), z,
          raw, freq, both, boxes));
    }
    List<TestRow> tests = new ArrayList<>();
    java.util.Set<String> clustered = java.util.Set.copyOf(v.config().featureNames());
    for (StratumComparison.TestRow t : v.tests()) {
      String test = t.test().label() + (clustered.contains(t.variable())
          ? " — " + org.backstrat.analysis.describe.TableOne.DESCRIPTIVE : "");
      tests.add(new TestRow(t.variable(), test, t.statistic(),
          t.degreesOfFreedom(), t.p(), t.pAdjusted(),
          t.effectSizeMeasure().name().toLowerCase(Locale.ROOT).replace('_', ' '),
          t.effectSize()));
    }
    List<String> classLabels = new ArrayList<>();
    for (int k = 0; k < v.k(); k++) {
      classLabels.add((k + 1) + " " + v.label(k));
    }
    List<ValidationResult> validation = new ArrayList<>(List.of(
        validation("all features", v.validation(), classLabels),
        validation("questionnaire only", v.questionnaireOnly(), classLabels)));
    v.strataValidation().imagingOnly().ifPresent(cv ->
        validation.add(validation("imaging only", cv, classLabels)));
    VariantReport.Builder b = VariantReport.builder(v.name())
        .features(features)
        .clustering(c.method(), v.k(), v.model().fit().trimFraction())
        .counts(v.nClustered(), v.nOutliers())
        .settings(settings(c, v))
        .selection(selection)
        .trimmedObjective(trimmedObjective(v))
        .strata(strata)
        .projection(projection(v))
        .tests(tests)
        .validation(validation)
        .flow(flow(result, v))
        .additions(EvidenceReport.additions(result, v));
    if (v.dca().isPresent()) {
      b = b.decisionCurves(curves(c, v.dca().get()));
    }
    return b.build();
  }

  /** The variant's participant flow: read, left out, imputed, clustered, trimmed. */
  static ParticipantFlow flow(StratificationResult result, VariantAnalysis v) {
    double[][] encoded = v.features().matrix();
    int imputed = 0;
    for (double[] row : encoded) {
      for (double x : row) {
        if (Double.isNaN(x)) {
          imputed++;
          break;
        }
      }
    }
    int m = result.config().imputations();
    String how = imputed == 0 ? "" : m > 0 ? "multiple imputation by chained equations, m = " + m
        + " sets, strata pooled by consensus" : "median of the observed values";
    return new ParticipantFlow(result.cohort().size(), v.features().excludedTotal(),
        v.features().excludedByFeature(), imputed, how, v.nClustered(), v.nOutliers());
  }

  private static List<TrimmedObjectiveCurve> trimmedObjective(VariantAnalysis v) {
    java.util.Map<Integer, List<TrimmingCurves.Point>> byK = new java.util.TreeMap<>();
    for (TrimmingCurves.Point p : v.trimmingCurves()) {
      byK.computeIfAbsent(p.k(), key -> new ArrayList<>()).add(p);
    }
    List<TrimmedObjectiveCurve> curves = new ArrayList<>();
    byK.forEach((k, points) -> curves.add(new TrimmedObjectiveCurve(k,
        points.stream().mapToDouble(TrimmingCurves.Point::trimFraction).toArray(),
        points.stream().mapToDouble(TrimmingCurves.Point::objective).toArray())));
    return curves;
  }

  private static double[] column(double[][] x, int j, boolean[] outlier, int[] labels,
                                 int stratum) {
    double[] out = new double[x.length];
    int m = 0;
    for (int i = 0; i < x.length; i++) {
      if (!outlier[i] && (stratum < 0 || labels[i] == stratum)) {
        out[m++] = x[i][j];
      }
    }
    return Arrays.copyOf(out, m);
  }

  private static BoxSummary bothersomeness(Cohort cohort, VariantAnalysis v, int stratum) {
    double[] b = cohort.values("lbp_bothersomeness");
    int[] rows = v.features().cohortRows();
    double[] vals = new double[rows.length];
    int m = 0;
    for (int i = 0; i < rows.length; i++) {
      if (!v.outlier()[i] && v.labels()[i] == stratum && !Double.isNaN(b[rows[i]])) {
        vals[m++] = b[rows[i]];
      }
    }
    return box(Arrays.copyOf(vals, m));
  }

  /** Tukey box: quartiles (R type 7) and whiskers at the most extreme values within 1.5 IQR. */
  static BoxSummary box(double[] values) {
    if (values.length == 0) {
      return BoxSummary.empty();
    }
    double[] s = values.clone();
    Arrays.sort(s);
    double q1 = NumericSummary.quantileType7(s, 0.25);
    double med = NumericSummary.quantileType7(s, 0.5);
    double q3 = NumericSummary.quantileType7(s, 0.75);
    double lo = q1 - 1.5 * (q3 - q1);
    double hi = q3 + 1.5 * (q3 - q1);
    double wl = s[s.length - 1];
    double wh = s[0];
    for (double x : s) {
      if (x >= lo && x < wl) {
        wl = x;
      }
      if (x <= hi && x > wh) {
        wh = x;
      }
    }
    return new BoxSummary(Math.min(wl, q1), q1, med, q3, Math.max(wh, q3));
  }

  private static ValidationResult validation(String model, CrossValidationResult cv,
                                             List<String> labels) {
    return new ValidationResult(model, cv.accuracyMean(), cv.accuracySd(),
        cv.balancedAccuracyMean(), cv.macroF1Mean(), cv.folds(), cv.repeats(), labels,
        cv.meanConfusionPerRepeat());
  }

  private static List<Setting> settings(AnalysisConfig c, VariantAnalysis v) {
    List<Setting> s = new ArrayList<>();
    s.add(new Setting("features", String.join(", ", v.config().featureNames())));
    StringBuilder w = new StringBuilder();
    for (int j = 0; j < v.features().width(); j++) {
      w.append(j == 0 ? "" : ", ").append(v.features().columns().get(j)).append(" ")
          .append(CsvTable.number(v.features().weights()[j]));
    }
    s.add(new Setting("weights after scaling", w.toString()));
    s.add(new Setting("scaling", c.scaling() + " (0/1 columns unscaled)"));
    s.add(new Setting("missing data", c.missing()));
    s.add(new Setting("method", c.method()));
    s.add(new Setting("trim fraction", CsvTable.number(c.trim())));
    s.add(new Setting("K", c.chooseK() ? "chosen in " + c.kMin() + ".." + c.kMax()
        : "fixed at " + c.k()));
    s.add(new Setting("restarts", Integer.toString(c.restarts())));
    s.add(new Setting("stability resamples", Integer.toString(c.stabilityResamples())));
    s.add(new Setting("gap reference sets", Integer.toString(c.gapReferences())));
    s.add(new Setting("cross-validation", c.folds() + " folds x " + c.repeats() + " repeats"));
    s.add(new Setting("ridge λ (validation)", c.l2() > 0 ? CsvTable.number(c.l2())
        : "chosen by inner 5-fold CV in every fit"));
    s.add(new Setting("block permutations", Integer.toString(c.permutations())));
    s.add(new Setting("restarts of the evidence's clusterings",
        Integer.toString(c.evidenceRestarts())));
    s.add(new Setting("adjustment", c.adjustment()));
    s.add(new Setting("seed", Long.toString(c.seed())));
    return s;
  }

  /** First two principal components of the scaled, weighted features of everyone clustered. */
  private static Projection projection(VariantAnalysis v) {
    // the values clustered: with "missing": "impute" the encoded matrix still holds NaN
    FeatureMatrix raw = v.input().raw();
    FeatureMatrix scaled = v.model().scaler().transform(raw);
    PrincipalComponents pca = PrincipalComponents.of(scaled);
    double[][] scores = pca.scores(scaled, 2);
    List<ProjectionPoint> points = new ArrayList<>(scores.length);
    for (int i = 0; i < scores.length; i++) {
      points.add(new ProjectionPoint(scores[i][0], scores[i][1], v.labels()[i] + 1,
          v.outlier()[i]));
    }
    String x = String.format(Locale.ROOT, "PC1 (%.0f%% of variance)", 100 * pca.varianceShare(0));
    String y = String.format(Locale.ROOT, "PC2 (%.0f%% of variance)",
        pca.dimension() > 1 ? 100 * pca.varianceShare(1) : 0);
    return new Projection("principal components of the scaled, weighted features", x, y,
        points);
  }

  private static DecisionCurves curves(AnalysisConfig c, StratificationDecisionCurves.Result d) {
    org.backstrat.analysis.dca.DecisionCurves dc = d.curves();
    List<NetBenefitCurve> curves = new ArrayList<>();
    for (org.backstrat.analysis.dca.NetBenefitCurve nb : dc.curves()) {
      double[] lo = null;
      double[] hi = null;
      if (d.bands().isPresent()
          && nb.model().equals(StratificationDecisionCurves.STRATIFICATION)) {
        BootstrapBands.Band band = d.bands().get().band(nb.model());
        lo = band.lower();
        hi = band.upper();
      }
      curves.add(new NetBenefitCurve(nb.model(), nb.netBenefit(), lo, hi));
    }
    SuperiorRanges sr = d.stratificationSuperiorRanges();
    double from = sr.widest().map(r -> r.lo().doubleValue()).orElse(Double.NaN);
    double to = sr.widest().map(r -> r.hi().doubleValue()).orElse(Double.NaN);
    return new DecisionCurves(c.outcome(), dc.prevalence(),
        d.bands().map(BootstrapBands::replicates).orElse(0), dc.grid().values(), curves, from,
        to);
  }

  /** The methods text, citing by number into {@code refs}. */
  private static List<String> methods(StratificationResult result, Citations refs) {
    AnalysisConfig c = result.config();
    List<String> m = new ArrayList<>();
    m.add("Scores: STarT Back total, psychosocial subscale and risk group " + refs.cite(
        Reference.HILL_2008) + "; ÖMPSQ-short total and factor scores with items 3, 4 and 8 "
        + "reversed " + refs.cite(Reference.LINTON_2011) + "; disc degeneration as the sum of "
        + "the five lumbar Pfirrmann grades " + refs.cite(Reference.PFIRRMANN_2001) + "; facet "
        + "tropism as the largest left-right facet angle difference. A score is missing when "
        + "any item it needs is missing.");
    m.add("Each variant was analysed on its own. Numeric and ordinal features were scaled ("
        + c.scaling() + "), 0/1 features kept their unit range, and every column was multiplied "
        + "by its weight. Missing data: " + missingData(c, refs) + " Clustering: "
        + c.method() + " k-means" + (c.method().equals("trimmed") ? " " + refs.cite(
            Reference.CUESTA_ALBERTOS_1997) : "") + " (trim fraction "
        + CsvTable.number(c.trim()) + ", " + c.restarts() + " k-means++ restarts "
        + refs.cite(Reference.ARTHUR_2007) + ", best objective kept, seed " + c.seed() + ").");
    m.add("Choice of K: " + result.variants().get(0).selection().rule()
        + " Stability as Hennig's clusterboot " + refs.cite(Reference.HENNIG_2007) + " with "
        + c.stabilityResamples() + " bootstrap resamples; silhouette width " + refs.cite(
            Reference.ROUSSEEUW_1987) + "; Calinski-Harabasz index " + refs.cite(
            Reference.CALINSKI_1974) + "; the gap statistic " + refs.cite(
            Reference.TIBSHIRANI_2001) + " with " + c.gapReferences() + " uniform reference "
        + "sets. Above " + c.selectionSample()
        + " people (0 = never) K is chosen on a seeded random subsample of that size and only "
        + "the chosen K is fitted on everyone; above " + c.cvSample() + " people cross-validation "
        + "runs on a seeded stratified subsample of that size.");
    m.add("Naming: " + StrataInWords.RULE);
    m.add("Evidence that is not circular: a block-permutation test (each data domain — the "
        + "questionnaire scores, the imaging features, and each other feature — shuffled across "
        + "people on its own, " + c.permutations() + " permutations, the shuffled data clustered "
        + "with the same settings and K but " + c.evidenceRestarts() + " restarts instead of "
        + c.restarts() + ", the observed data too, so the test stays exact; statistic 1 - W_K/W_1, the share of the one-cluster "
        + "trimmed objective that K clusters remove; p = (1 + count) / (1 + B)); prediction "
        + "strength " + refs.cite(Reference.TIBSHIRANI_WALTHER_2005) + " with centroid "
        + "classification (as R fpc::prediction.strength), and the split-half adjusted Rand "
        + "index " + refs.cite(Reference.HUBERT_1985) + ", over " + EvidenceStage.SPLITS
        + " random halvings per K (each half clustered with " + c.evidenceRestarts()
        + " restarts).");
    m.add("Between-stratum tests on the people kept by the clustering (trimmed outliers enter no "
        + "test): Kruskal-Wallis " + refs.cite(Reference.KRUSKAL_1952) + " with tie correction "
        + "and epsilon-squared for numeric and ordinal variables; Pearson chi-square with "
        + "Cramér's V for categorical ones, replaced by the Fisher-Freeman-Halton exact test "
        + refs.cite(Reference.FREEMAN_HALTON_1951) + " when any expected count is below 1 or "
        + "more than 20% are below 5; Dunn " + refs.cite(Reference.DUNN_1964) + " and pairwise "
        + "post-hoc tests; " + adjustment(c.adjustment(), refs) + " across each variant's tests.");
    m.add("Validation: multinomial ridge regression as R glmnet fits it " + refs.cite(
        Reference.FRIEDMAN_2010) + " (family multinomial, "
        + "alpha 0, standardised features; checked against glmnet to 1e-6) predicting the "
        + "stratum, with λ " + (c.l2() > 0 ? "fixed at " + CsvTable.number(c.l2())
            : "chosen in every training fold by inner 5-fold cross-validation (smallest held-out "
                + "multinomial deviance over 10^0 to 10^-4 in half decades)")
        + ", repeated stratified " + c.folds() + "-fold cross-validation with " + c.repeats()
        + " repeats; scaling fitted inside each training fold. Accuracy, balanced accuracy "
        + "and macro-F1 are means over the folds of all repeats; per-stratum precision, recall "
        + "and F1 use every held-out prediction of all repeats; the confusion matrices show the "
        + "mean held-out count per repeat, so each person counts once and a row adds up to its "
        + "stratum's size. Ridge, not maximum likelihood: "
        + "strata that are nearest-centre cells of the features are linearly separable, where "
        + "the maximum likelihood estimate does not exist; ridge always has a unique finite "
        + "optimum and λ chosen for held-out deviance keeps the probabilities calibrated. "
        + "Separation is checked in every training fold (the unpenalised fit diverges) and "
        + "counted. Models on the questionnaire scores alone and on the imaging features alone "
        + "are shown beside it. Odds ratios (forest plot): the final model, fitted on everyone "
        + "cross-validated with λ chosen the same way, gives the odds of each stratum against "
        + "stratum 1 per SD of each feature; their 95% intervals are bootstrap percentile "
        + "intervals over " + org.backstrat.analysis.pipeline.ValidationStage.ODDS_RATIO_BOOTSTRAP
        + " resamples stratified by stratum, each refitted at the final λ (checked against glmnet "
        + "refitted on the same resamples), because a ridge estimate has no standard Wald "
        + "interval and the unpenalised refit does not exist under separation.");
    m.add("Decision curves " + refs.cite(Reference.VICKERS_2006) + " for " + c.outcome()
        + ": each person's risk is the outcome rate of "
        + "their stratum estimated out of fold (never on their own row), compared with treat-all, "
        + "treat-none, STarT Back high risk and ÖMPSQ-short high risk (total >= 50); thresholds "
        + c.thresholds() + "; " + c.dcaBootstrap() + " bootstrap resamples for the 95% bands.");
    m.add("People left out and imputed are counted per variant in a CONSORT-style flow diagram "
        + refs.cite(Reference.SCHULZ_2010) + ".");
    return m;
  }

  private static String missingData(AnalysisConfig c, Citations refs) {
    if (c.imputations() > 0) {
      return "multiple imputation by chained equations as R mice does it " + refs.cite(
          Reference.VAN_BUUREN_2011) + " (" + c.imputations() + " imputed sets; predictive mean "
          + "matching with 5 donors for numeric and ordinal features, logistic regression with "
          + "a coefficient draw for 0/1 features); K chosen on the first imputed set, every set "
          + "clustered at that K, each set's strata matched to the first's by co-assignment and "
          + "each person given the stratum they fall in most often; regression estimates pooled "
          + "over the sets by Rubin's rules " + refs.cite(Reference.RUBIN_1987) + " with the "
          + "Barnard-Rubin degrees of freedom " + refs.cite(Reference.BARNARD_RUBIN_1999) + ".";
    }
    if (c.missing().equals("impute")) {
      return "single imputation (median for numeric and ordinal features, most frequent level "
          + "for categorical ones), with indicator columns and the imputation refitted inside "
          + "every cross-validation training fold.";
    }
    return "complete-case (people missing any feature of a variant are left out of it).";
  }

  private static String adjustment(String method, Citations refs) {
    return switch (method) {
      case "holm" -> "Holm adjustment " + refs.cite(Reference.HOLM_1979);
      case "bh" -> "Benjamini-Hochberg adjustment " + refs.cite(Reference.BENJAMINI_1995);
      default -> method + " adjustment";
    };
  }

  private static List<String> limitations(StratificationResult result, boolean synthetic) {
    List<String> l = new ArrayList<>();
    if (synthetic) {
      l.add("This cohort is synthetic: simulated from a generative model calibrated to "
          + "published NFBC1966 figures. Its strata are built in; nothing here is evidence "
          + "about real patients.");
    }
    l.add("Cross-validated accuracy predicts the clustering from the same features it was "
        + "built on and is near-circular: it is not evidence that the strata exist. The "
        + "evidence offered is the block-permutation test and the split-half measures in the "
        + "validation section; all of it is internal to this cohort. External validation in "
        + "another cohort is needed before clinical use.");
    for (VariantAnalysis v : result.variants()) {
      v.evidence().blockPermutation().ifPresent(r -> {
        if (r.pValue() >= 0.05) {
          l.add(v.name() + ": the strata are not supported by the block-permutation test (p = "
              + CsvTable.number(r.pValue()) + "); treat them as a partition of the data, not as "
              + "subgroups.");
        }
      });
    }
    l.add("Labels come from a simple rule on standardised centroids; read the centroids, not the "
        + "names.");
    for (VariantAnalysis v : result.variants()) {
      for (String note : v.notes()) {
        l.add(v.name() + ": " + note + ".");
      }
    }
    return l;
  }
}
