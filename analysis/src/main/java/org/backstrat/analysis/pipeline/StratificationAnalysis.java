package org.backstrat.analysis.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.analysis.config.VariantConfig;
import org.backstrat.analysis.dca.Predictor;
import org.backstrat.analysis.dca.StratificationDecisionCurves;
import org.backstrat.analysis.dca.ThresholdGrid;
import org.backstrat.model.features.EncodedFeatures;
import org.backstrat.model.features.FeatureEncoder;
import org.backstrat.analysis.result.StratumProfile;
import org.backstrat.analysis.stats.NumericSummary;
import org.backstrat.analysis.stats.PValueAdjustment;
import org.backstrat.analysis.stats.StratumComparison;
import org.backstrat.analysis.stats.VariableScale;
import org.backstrat.analysis.strata.StratumNamer;
import org.backstrat.analysis.validation.CrossValidationResult;
import org.backstrat.analysis.validation.FoldTransformFitter;
import org.backstrat.analysis.validation.MedianImputationFitter;
import org.backstrat.analysis.validation.MultinomialLogisticTrainer;
import org.backstrat.analysis.validation.RepeatedCrossValidation;
import org.backstrat.analysis.validation.ZScoreFitter;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.kmeans.ClusterFit;
import org.backstrat.cluster.kmeans.ClusterMethod;
import org.backstrat.cluster.kmeans.ClusterModel;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.cluster.select.KSelection;
import org.backstrat.cluster.select.KSelectionRow;
import org.backstrat.cluster.select.KSelector;
import org.backstrat.cluster.select.Silhouette;
import org.backstrat.cluster.select.TrimmingCurves;
import org.backstrat.core.BadInputException;
import org.backstrat.core.RandomStream;
import org.backstrat.core.Progress;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.ValueKind;
import org.backstrat.core.cohort.Variable;

/**
 * The {@code analyze} stage as a library call: for each variant of the config, encode the
 * features of a scored cohort, cluster them robustly with K chosen by the documented rule, name
 * the strata, characterise them with between-stratum tests, validate them by repeated
 * cross-validated multinomial logistic regression (beside a questionnaire-only model) and compute
 * decision curves from out-of-fold stratum risks. Deterministic for a given config seed.
 */
public final class StratificationAnalysis {
  /** Outcome columns described per stratum when present. */
  static final String LBP_FREQUENCY = "lbp_frequency";
  static final String LBP_BOTHERSOMENESS = "lbp_bothersomeness";

  private final AnalysisConfig config;
  private final Progress progress;
  private final int threads;

  private StratificationAnalysis(AnalysisConfig config, Progress progress, int threads) {
    this.config = config;
    this.progress = progress;
    this.threads = threads;
  }

  /** An analysis with these settings, all cores, no progress reporting. */
  public static StratificationAnalysis of(AnalysisConfig config) {
    return new StratificationAnalysis(config, Progress.NONE,
        Runtime.getRuntime().availableProcessors());
  }

  /** A copy reporting progress. */
  public StratificationAnalysis withProgress(Progress p) {
    return new StratificationAnalysis(config, p, threads);
  }

  /** A copy with another thread count (results do not depend on it). */
  public StratificationAnalysis withThreads(int t) {
    if (t < 1) {
      throw new IllegalArgumentException("threads >= 1");
    }
    return new StratificationAnalysis(config, progress, t);
  }

  /** Runs every variant whose features the scored cohort has. */
  public StratificationResult run(Cohort scored) {
    List<VariantAnalysis> done = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (VariantConfig v : config.variants()) {
      List<String> absent = v.featureNames().stream().filter(f -> !scored.has(f)).toList();
      if (!absent.isEmpty()) {
        skipped.add(v.name() + ": the cohort has no " + String.join(", ", absent));
        continue;
      }
      done.add(runVariant(scored, v));
    }
    if (done.isEmpty()) {
      throw new BadInputException(scored.source() + ": no variant can be analysed: "
          + String.join("; ", skipped));
    }
    return new StratificationResult(config, scored, done, skipped);
  }

  /** Runs one variant. */
  public VariantAnalysis runVariant(Cohort scored, VariantConfig variant) {
    String name = variant.name();
    List<String> notes = new ArrayList<>();
    boolean completeCase = config.missing().equals("complete-case");
    EncodedFeatures enc = FeatureEncoder.encode(scored, variant.name(), variant.features(),
        completeCase);
    double[][] x = enc.matrix();
    if (!completeCase) {
      x = MedianImputationFitter.withoutIndicators().fit(x).applyAll(x);
    }
    int n = x.length;
    int smallestK = config.chooseK() ? config.kMin() : config.k();
    if (n < Math.max(2, smallestK) * 2) {
      throw new BadInputException(scored.source() + ": variant " + name + ": only " + n
          + " people have every feature " + variant.featureNames() + " (" + enc.excludedTotal()
          + " left out for missing values); expected at least " + Math.max(2, smallestK) * 2
          + " to form " + smallestK + " strata");
    }
    if (enc.excludedTotal() > 0) {
      notes.add(enc.excludedTotal() + " people left out for missing features "
          + enc.excludedByFeature());
    }

    // 1. cluster, K chosen by the documented rule (or fixed)
    progress.step(name + ": clustering " + n + " people, choosing K in " + config.kMin() + ".."
        + config.kMax());
    FeatureMatrix raw = FeatureMatrix.of(x, enc.columns());
    Scaler scaler = fitScaler(raw, enc);
    Clusterer clusterer = Clusterer.builder()
        .method(ClusterMethod.parse(config.method()))
        .trimFraction(config.trim())
        .restarts(config.restarts())
        .seed(RandomStream.CLUSTER_RESTARTS.seed(config.seed()))
        .threads(threads).build();
    int kMax = Math.min(config.kMax(), n / 2);
    KSelector.Builder selectorSettings = KSelector.builder()
        .range(config.kMin(), Math.max(config.kMin(), kMax))
        .bootstrapResamples(config.stabilityResamples())
        .gapReferences(config.gapReferences())
        .silhouette(Silhouette.withDefaults()
            .withSeed(RandomStream.SILHOUETTE_SAMPLE.seed(config.seed())))
        .seed(config.seed()) // the selector derives its bootstrap and gap streams from it
        .threads(threads);
    if (!config.chooseK()) {
      if (config.k() > n / 2) {
        throw new BadInputException("analysis config: k: value \"" + config.k()
            + "\": expected at most " + n / 2 + " strata for the " + n + " people of variant "
            + name);
      }
      selectorSettings.range(Math.min(config.kMin(), config.k()),
          Math.max(Math.max(config.kMin(), kMax), config.k())).fixedK(config.k());
    }
    KSelector selector = selectorSettings.build();
    KSelection selection;
    int sampleSize = config.selectionSample();
    if (sampleSize > 0 && n > sampleSize) {
      selection = selectOnSubsample(raw, scaler, clusterer, selector, sampleSize, notes);
    } else {
      selection = selector.select(raw, scaler, clusterer);
    }
    List<TrimmingCurves.Point> trimmingCurves = trimmingCurves(raw, scaler, clusterer, selection,
        sampleSize);
    ClusterModel model = selection.chosenModel();
    ClusterFit fit = model.fit();
    int k = fit.k();
    int[] labels = fit.labels();
    boolean[] outlier = fit.outliers();
    double[] distance = fit.distances();

    // 2. name the strata from standardised centroids of the kept people
    int[] keptIdx = keptRows(outlier);
    double[][] centersOriginal = model.centersOriginal();
    double[] mean = new double[enc.width()];
    double[] sd = new double[enc.width()];
    for (int j = 0; j < enc.width(); j++) {
      double[] col = new double[keptIdx.length];
      for (int i = 0; i < keptIdx.length; i++) {
        col[i] = x[keptIdx[i]][j];
      }
      NumericSummary s = NumericSummary.of(col);
      mean[j] = s.mean();
      sd[j] = s.sd();
    }
    List<String> labelNames = StratumNamer.name(
        StratumNamer.burden(centersOriginal, mean, sd, columnsOf(enc, variant.psychosocial())),
        StratumNamer.burden(centersOriginal, mean, sd, columnsOf(enc, variant.imaging())));

    // 3. characterise the kept people
    progress.step(name + ": characterising " + k + " strata");
    int[] keptStrata = new int[keptIdx.length];
    int[] keptCohortRows = new int[keptIdx.length];
    for (int i = 0; i < keptIdx.length; i++) {
      keptStrata[i] = labels[keptIdx[i]];
      keptCohortRows[i] = enc.cohortRows()[keptIdx[i]];
    }
    requireStrataOfTwo(scored, name, keptStrata, k);
    StratumComparison comparison = StratumComparison.withDefaults().with(adjustment());
    List<StratumComparison.TestRow> rawTests = new ArrayList<>();
    List<StratumComparison.PairwiseRow> pairwise = new ArrayList<>();
    for (String var : characterisedVariables(scored, variant)) {
      Variable v = scored.variable(var).orElseThrow();
      double[] values = pick(scored.values(var), keptCohortRows);
      VariableScale scale = scaleOf(v);
      StratumComparison.TestRow row = comparison.test(var, scale, values, keptStrata);
      rawTests.add(row);
      if (!Double.isNaN(row.p())) {
        pairwise.addAll(comparison.pairwise(var, scale, values, keptStrata));
      }
    }
    List<StratumComparison.TestRow> tests = comparison.adjust(rawTests);
    KSelectionRowView chosen = KSelectionRowView.of(selection);
    List<StratumProfile> profiles = new ArrayList<>();
    int[] sizes = fit.sizes();
    for (int c = 0; c < k; c++) {
      Map<String, Double> centroid = new LinkedHashMap<>();
      for (int j = 0; j < enc.width(); j++) {
        centroid.put(enc.columns().get(j), centersOriginal[c][j]);
      }
      Map<Integer, Integer> freq = new LinkedHashMap<>();
      double bothMedian = Double.NaN;
      double bothQ1 = Double.NaN;
      double bothQ3 = Double.NaN;
      int[] members = membersOf(keptStrata, keptCohortRows, c);
      if (scored.has(LBP_FREQUENCY)) {
        double[] f = scored.values(LBP_FREQUENCY);
        for (int level = 0; level <= 4; level++) {
          freq.put(level, 0);
        }
        for (int r : members) {
          if (!Double.isNaN(f[r])) {
            freq.merge((int) f[r], 1, Integer::sum);
          }
        }
      }
      if (scored.has(LBP_BOTHERSOMENESS)) {
        NumericSummary s = NumericSummary.of(pick(scored.values(LBP_BOTHERSOMENESS), members));
        bothMedian = s.median();
        bothQ1 = s.q1();
        bothQ3 = s.q3();
      }
      profiles.add(new StratumProfile(c + 1, labelNames.get(c), sizes[c],
          chosen.clusterJaccard(c), centroid, freq, bothMedian, bothQ1, bothQ3));
    }

    // 4. validate: multinomial LR predicting stratum, repeated stratified CV
    progress.step(name + ": cross-validating (" + config.folds() + " folds x "
        + config.repeats() + " repeats)");
    int[] cvRows = cvRows(keptStrata, k, notes);
    double[][] xKept = new double[cvRows.length][];
    int[] cvStrata = new int[cvRows.length];
    for (int i = 0; i < cvRows.length; i++) {
      xKept[i] = enc.matrix()[keptIdx[cvRows[i]]];
      cvStrata[i] = keptStrata[cvRows[i]];
    }
    RepeatedCrossValidation cv = RepeatedCrossValidation.withDefaults()
        .withFolds(config.folds()).withRepeats(config.repeats())
        .withSeed(RandomStream.CV_FOLDS.seed(config.seed()))
        .withThreads(threads);
    MultinomialLogisticTrainer trainer = MultinomialLogisticTrainer.withDefaults()
        .withL2Lambda(config.l2());
    FoldTransformFitter prep = completeCase ? new ZScoreFitter()
        : MedianImputationFitter.withIndicators().andThen(new ZScoreFitter());
    CrossValidationResult validation = cv.run(xKept, cvStrata, k, trainer, prep);
    int[] psyCols = columnsOf(enc, variant.psychosocial());
    double[][] xPsy = new double[xKept.length][psyCols.length];
    for (int i = 0; i < xKept.length; i++) {
      for (int j = 0; j < psyCols.length; j++) {
        xPsy[i][j] = xKept[i][psyCols[j]];
      }
    }
    CrossValidationResult psyOnly = cv.run(xPsy, cvStrata, k, trainer, prep);

    // 5. decision curves from out-of-fold stratum risks
    Optional<StratificationDecisionCurves.Result> dca = Optional.empty();
    int dcaPeople = 0;
    if (scored.has(config.outcome())) {
      progress.step(name + ": decision curves for " + config.outcome());
      DcaInput in = dcaInput(scored, keptCohortRows, keptStrata, notes);
      dcaPeople = in.outcome.length;
      int events = 0;
      for (boolean b : in.outcome) {
        events += b ? 1 : 0;
      }
      if (events == 0 || events == dcaPeople) {
        throw new BadInputException(scored.source() + ": column " + config.outcome()
            + ": expected both outcomes among the " + dcaPeople + " people of variant " + name
            + " for decision curves, but it is " + (events == 0 ? "false" : "true")
            + " for all of them (choose another outcome in the analysis config)");
      }
      dca = Optional.of(StratificationDecisionCurves.withDefaults()
          .withThresholds(ThresholdGrid.parse(config.thresholds()))
          .withFolds(config.folds())
          .withSeed(RandomStream.DECISION_CURVES.seed(config.seed()))
          .withBootstrapReplicates(config.dcaBootstrap())
          .compute(in.strata, k, in.outcome, in.comparators));
    } else {
      notes.add("no decision curves: the cohort has no " + config.outcome() + " column");
    }
    return new VariantAnalysis(variant, enc, selection, model, labels, outlier, distance,
        profiles, tests, pairwise, validation, psyOnly, dca, dcaPeople, trimmingCurves, notes);
  }

  /** Trim fractions of the trimmed-objective curves (tclust's ctlcurves idea). */
  static final double[] CURVE_TRIM_FRACTIONS = {0, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25};

  /**
   * The trimmed k-means objective over trim fractions for every K of the selection table (on the
   * same people the table describes), for trimmed k-means only; up to 10 restarts per fit.
   */
  private List<TrimmingCurves.Point> trimmingCurves(FeatureMatrix raw, Scaler scaler,
                                                    Clusterer clusterer, KSelection selection,
                                                    int sampleSize) {
    if (!config.method().equals("trimmed")) {
      return List.of();
    }
    FeatureMatrix data = raw;
    if (sampleSize > 0 && raw.rows() > sampleSize) {
      data = raw.selectRows(sampleWithoutReplacement(raw.rows(), sampleSize,
          RandomStream.SELECTION_SUBSAMPLE.seed(config.seed())));
    }
    int[] ks = selection.rows().stream().mapToInt(KSelectionRow::k).toArray();
    return TrimmingCurves.compute(scaler.transform(data), ks, CURVE_TRIM_FRACTIONS,
        clusterer.toBuilder().restarts(Math.min(10, config.restarts())).build());
  }

  /**
   * The large-n strategy for choosing K ({@code selection_sample}): the whole selection table
   * (every k's fit, silhouette, Calinski-Harabasz, gap statistic, bootstrap stability) is
   * computed on a seeded simple random subsample of {@code size} people, scaled with the scaler
   * fitted on everyone; then only the chosen K is fitted on everyone with the configured
   * restarts, which assigns every person. The chosen row's per-cluster stability is carried over
   * to the full fit by matching each full-fit centre to the nearest subsample centre.
   */
  private KSelection selectOnSubsample(FeatureMatrix raw, Scaler scaler, Clusterer clusterer,
                                       KSelector selector, int size, List<String> notes) {
    int n = raw.rows();
    int[] rows = sampleWithoutReplacement(n, size,
        RandomStream.SELECTION_SUBSAMPLE.seed(config.seed()));
    KSelection onSample = selector.select(raw.selectRows(rows), scaler, clusterer);
    int k = onSample.chosenK();
    progress.step("fitting K = " + k + " on all " + n + " people");
    ClusterModel full = clusterer.fit(raw, scaler, k);
    int[] match = matchCenters(full.fit(), onSample.chosenModel().fit());
    List<ClusterModel> models = new ArrayList<>(onSample.models());
    List<KSelectionRow> table = new ArrayList<>(onSample.rows());
    for (int q = 0; q < table.size(); q++) {
      KSelectionRow r = table.get(q);
      if (r.k() == k) {
        models.set(q, full);
        double[] cj = r.clusterJaccard();
        double[] permuted = new double[cj.length];
        for (int c = 0; c < cj.length; c++) {
          permuted[c] = cj[match[c]];
        }
        table.set(q, new KSelectionRow(r.k(), r.objective(), r.silhouette(),
            r.silhouetteErrorBound(), r.calinskiHarabasz(), r.gap(), r.gapSe(),
            r.stabilityJaccard(), permuted));
      }
    }
    notes.add("K was chosen on a seeded random subsample of " + rows.length + " of the " + n
        + " people clustered (setting selection_sample = " + size + "): the K-selection table"
        + " (objective, silhouette, Calinski-Harabasz, gap, stability) describes that subsample;"
        + " K = " + k + " was then fitted on all " + n + " people with " + clusterer.restarts()
        + " restarts, which assigned everyone");
    return new KSelection(table, models, k, onSample.fixedByUser(), onSample.gapChoiceK(),
        onSample.rule());
  }

  /**
   * For each cluster of {@code full}, the cluster of {@code sample} whose centre is nearest
   * (scaled space), matched greedily by increasing distance so the matching is one-to-one.
   */
  private static int[] matchCenters(ClusterFit full, ClusterFit sample) {
    int k = full.k();
    int[] match = new int[k];
    boolean[] usedFull = new boolean[k];
    boolean[] usedSample = new boolean[k];
    for (int round = 0; round < k; round++) {
      double best = Double.POSITIVE_INFINITY;
      int bi = -1;
      int bj = -1;
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k && !usedFull[i]; j++) {
          if (usedSample[j]) {
            continue;
          }
          double d = 0;
          double[] a = full.center(i);
          double[] b = sample.center(j);
          for (int f = 0; f < a.length; f++) {
            d += (a[f] - b[f]) * (a[f] - b[f]);
          }
          if (d < best) {
            best = d;
            bi = i;
            bj = j;
          }
        }
      }
      match[bi] = bj;
      usedFull[bi] = true;
      usedSample[bj] = true;
    }
    return match;
  }

  /**
   * The large-n strategy for validation ({@code cv_sample}): indices into the kept people to
   * cross-validate. Everyone when there are at most {@code cv_sample}; otherwise a seeded
   * subsample stratified by stratum (each stratum's share kept, at least {@code folds} people
   * per stratum where it has them), in increasing order.
   */
  private int[] cvRows(int[] strata, int k, List<String> notes) {
    int m = strata.length;
    int size = config.cvSample();
    if (size == 0 || m <= size) {
      int[] all = new int[m];
      for (int i = 0; i < m; i++) {
        all[i] = i;
      }
      return all;
    }
    int[][] byStratum = new int[k][];
    int[] count = new int[k];
    for (int s : strata) {
      count[s]++;
    }
    for (int c = 0; c < k; c++) {
      byStratum[c] = new int[count[c]];
    }
    int[] fill = new int[k];
    for (int i = 0; i < m; i++) {
      byStratum[strata[i]][fill[strata[i]]++] = i;
    }
    SplittableRandom rng = new SplittableRandom(RandomStream.CV_SUBSAMPLE.seed(config.seed()));
    int total = 0;
    int[][] chosen = new int[k][];
    for (int c = 0; c < k; c++) {
      int quota = (int) Math.round((double) size * count[c] / m);
      quota = Math.min(count[c], Math.max(quota, config.folds()));
      int[] pick = sampleWithoutReplacement(count[c], quota, rng.nextLong());
      chosen[c] = new int[quota];
      for (int i = 0; i < quota; i++) {
        chosen[c][i] = byStratum[c][pick[i]];
      }
      total += quota;
    }
    int[] out = new int[total];
    int q = 0;
    for (int[] part : chosen) {
      System.arraycopy(part, 0, out, q, part.length);
      q += part.length;
    }
    Arrays.sort(out);
    notes.add("cross-validation ran on a seeded subsample of " + total + " of the " + m
        + " kept people, stratified by stratum (setting cv_sample = " + size + ")");
    return out;
  }

  /** {@code size} distinct indices of 0..n-1 (partial Fisher-Yates), in increasing order. */
  private static int[] sampleWithoutReplacement(int n, int size, long seed) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < size; i++) {
      int j = i + rng.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] out = Arrays.copyOf(idx, size);
    Arrays.sort(out);
    return out;
  }

  private PValueAdjustment adjustment() {
    return switch (config.adjustment()) {
      case "bh" -> PValueAdjustment.BENJAMINI_HOCHBERG;
      case "bonferroni" -> PValueAdjustment.BONFERRONI;
      default -> PValueAdjustment.HOLM;
    };
  }

  /**
   * Robust or z-score scaling of the numeric and ordinal columns; 0/1 columns keep their unit
   * range (centre 0, scale 1). Weights applied after scaling.
   */
  private Scaler fitScaler(FeatureMatrix raw, EncodedFeatures enc) {
    ScaleMethod method = ScaleMethod.parse(config.scaling());
    Scaler fitted = Scaler.fit(raw, method);
    double[] center = fitted.center();
    double[] scale = fitted.scale();
    for (int j = 0; j < enc.width(); j++) {
      if (!enc.scaled()[j]) {
        center[j] = 0;
        scale[j] = 1;
      }
    }
    return new Scaler(method, enc.columns(), center, scale, enc.weights());
  }

  private static int[] keptRows(boolean[] outlier) {
    int m = 0;
    for (boolean o : outlier) {
      m += o ? 0 : 1;
    }
    int[] idx = new int[m];
    int q = 0;
    for (int i = 0; i < outlier.length; i++) {
      if (!outlier[i]) {
        idx[q++] = i;
      }
    }
    return idx;
  }

  private static int[] columnsOf(EncodedFeatures enc, List<String> features) {
    List<Integer> cols = new ArrayList<>();
    for (int j = 0; j < enc.width(); j++) {
      if (features.contains(enc.sourceFeature().get(j))) {
        cols.add(j);
      }
    }
    return cols.stream().mapToInt(Integer::intValue).toArray();
  }

  private static double[] pick(double[] values, int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return out;
  }

  private static int[] membersOf(int[] strata, int[] cohortRows, int c) {
    int m = 0;
    for (int s : strata) {
      m += s == c ? 1 : 0;
    }
    int[] out = new int[m];
    int q = 0;
    for (int i = 0; i < strata.length; i++) {
      if (strata[i] == c) {
        out[q++] = cohortRows[i];
      }
    }
    return out;
  }

  private static void requireStrataOfTwo(Cohort cohort, String variant, int[] strata, int k) {
    int[] count = new int[k];
    for (int s : strata) {
      count[s]++;
    }
    for (int c = 0; c < k; c++) {
      if (count[c] < 2) {
        throw new BadInputException(cohort.source() + ": variant " + variant + ": stratum "
            + (c + 1) + " has " + count[c] + " member" + (count[c] == 1 ? "" : "s")
            + " after trimming; expected at least 2 to test and validate it (choose a smaller "
            + "K or a smaller trim fraction)");
      }
    }
  }

  /** The variant's own features (source columns) and the LBP outcome columns present. */
  private List<String> characterisedVariables(Cohort scored, VariantConfig variant) {
    Set<String> vars = new LinkedHashSet<>(variant.featureNames());
    for (String o : List.of(LBP_FREQUENCY, LBP_BOTHERSOMENESS, config.outcome())) {
      if (scored.has(o)) {
        vars.add(o);
      }
    }
    return List.copyOf(vars);
  }

  private static VariableScale scaleOf(Variable v) {
    if (v.kind() == ValueKind.CATEGORY || v.kind() == ValueKind.BOOLEAN) {
      return VariableScale.CATEGORICAL;
    }
    return v.kind() == ValueKind.INTEGER ? VariableScale.ORDINAL : VariableScale.NUMERIC;
  }

  private record DcaInput(int[] strata, boolean[] outcome, List<Predictor> comparators) {
  }

  /**
   * The kept people whose outcome (and every available comparator) is known; comparators are
   * SBT high risk (sbt_risk = high) and ÖMPSQ-short high risk (total >= 50) as 0/1 risks.
   */
  private DcaInput dcaInput(Cohort scored, int[] cohortRows, int[] strata, List<String> notes) {
    double[] y = scored.values(config.outcome());
    Map<String, double[]> comparatorValues = new LinkedHashMap<>();
    if (scored.has("sbt_risk")) {
      Variable v = scored.variable("sbt_risk").orElseThrow();
      int high = v.levels().indexOf("high");
      double[] risk = scored.values("sbt_risk");
      double[] r = new double[risk.length];
      for (int i = 0; i < r.length; i++) {
        r[i] = Double.isNaN(risk[i]) ? Double.NaN : (risk[i] == high ? 1 : 0);
      }
      comparatorValues.put("sbt_risk", r);
    } else {
      notes.add("decision curves without the SBT risk group: no sbt_risk column");
    }
    if (scored.has("ompsq_high_risk")) {
      comparatorValues.put("ompsq_high_risk", scored.values("ompsq_high_risk"));
    } else {
      notes.add("decision curves without ÖMPSQ high risk: no ompsq_high_risk column");
    }
    List<Integer> use = new ArrayList<>();
    for (int i = 0; i < cohortRows.length; i++) {
      int r = cohortRows[i];
      boolean ok = !Double.isNaN(y[r]);
      for (double[] c : comparatorValues.values()) {
        ok &= !Double.isNaN(c[r]);
      }
      if (ok) {
        use.add(i);
      }
    }
    if (use.size() < cohortRows.length) {
      notes.add((cohortRows.length - use.size()) + " people without the outcome or a "
          + "comparator are left out of the decision curves");
    }
    int m = use.size();
    int[] s = new int[m];
    boolean[] out = new boolean[m];
    Map<String, double[]> risks = new LinkedHashMap<>();
    comparatorValues.keySet().forEach(key -> risks.put(key, new double[m]));
    for (int q = 0; q < m; q++) {
      int i = use.get(q);
      int r = cohortRows[i];
      s[q] = strata[i];
      out[q] = y[r] == 1;
      for (Map.Entry<String, double[]> e : comparatorValues.entrySet()) {
        risks.get(e.getKey())[q] = e.getValue()[r];
      }
    }
    List<Predictor> comparators = new ArrayList<>();
    risks.forEach((key, r) -> comparators.add(new Predictor(key, r)));
    return new DcaInput(s, out, comparators);
  }

  /** Per-cluster stability of the chosen K, NaN when not computed. */
  private record KSelectionRowView(double[] jaccard) {
    static KSelectionRowView of(KSelection selection) {
      return new KSelectionRowView(selection.chosenRow().clusterJaccard());
    }

    double clusterJaccard(int c) {
      return c < jaccard.length ? jaccard[c] : Double.NaN;
    }
  }
}
