package org.backstrat.cluster.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.kmeans.ClusterFit;
import org.backstrat.cluster.kmeans.ClusterModel;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.cluster.kmeans.Restarts;
import org.backstrat.core.BadInputException;
import org.backstrat.core.Progress;
import org.backstrat.core.RandomStream;

/**
 * Chooses the number of clusters K over a range (default 2..8) from four indices computed for
 * every k: average silhouette width, Calinski–Harabasz, the gap statistic with its SE, and
 * bootstrap stability (per-cluster mean Jaccard), and applies {@link #RULE}. K can be fixed by
 * the user instead ({@link Builder#fixedK}); the table is still computed over the range.
 *
 * <p>The clustering at each k uses the given {@link Clusterer} unchanged (so a fixed-K selection
 * gives exactly the model of {@code clusterer.fit}); the many fits inside the gap statistic and
 * the bootstrap use the same method with {@code selectionRestarts} restarts and the looser
 * {@link #INNER_TOLERANCE} (bootstrap) or {@link #REFERENCE_TOLERANCE} (gap reference sets). The
 * inner fits run as independent tasks on one pool (see {@link #select}); the result is
 * deterministic for a given seed whatever the thread count.
 *
 * @param kMin smallest k (at least 1)
 * @param kMax largest k
 * @param fixedK 0 to choose by the rule, else the K to use (must lie in the range)
 * @param bootstrapResamples B for stability (0 = skip)
 * @param gapReferences B for the gap statistic (0 = skip)
 * @param gapReference null distribution of the gap statistic
 * @param selectionRestarts restarts of each fit inside the gap statistic and the bootstrap
 * @param silhouette silhouette settings (exact limit, sample size)
 * @param seed master seed of the bootstrap and gap reference sets: the bootstrap draws from
 *     {@link RandomStream#STABILITY_BOOTSTRAP} of it and the reference sets from
 *     {@link RandomStream#GAP_REFERENCES}, so that neither repeats the clusterer's restarts even
 *     when both are given the same seed
 * @param threads worker threads for the bootstrap and gap fits (the result does not depend on it)
 */
public record KSelector(int kMin, int kMax, int fixedK, int bootstrapResamples, int gapReferences,
                        GapReference gapReference, int selectionRestarts, Silhouette silhouette,
                        long seed, int threads) {

  /** Stability a k must reach to be a candidate (Hennig's "stable"). */
  public static final double STABILITY_THRESHOLD = BootstrapStability.STABLE;
  /**
   * Convergence tolerance of the many inner fits (bootstrap resamples, gap reference sets): a
   * relative objective change of 1e-4 moves log W and the Jaccard values far less than their
   * Monte Carlo error, and uniform reference data would otherwise take hundreds of tiny steps.
   */
  public static final double INNER_TOLERANCE = 1e-4;
  /**
   * Convergence tolerance of the fits of the gap statistic's uniform reference sets. These take
   * many small steps; stopping at a relative change of 1e-3 instead of 1e-4 saves about a fifth of
   * the selection's CPU time and moved the mean log W*_k by at most 0.001 (k = 2..8, B = 100,
   * n = 1500 x 8, bench/ksel), a tenth of the gap's standard error there.
   */
  public static final double REFERENCE_TOLERANCE = 1e-3;
  /** Silhouette differences up to this are ties, resolved toward the smaller k. */
  public static final double SILHOUETTE_TIE = 0.005;

  /** The rule that picks K, in words, for reports. */
  public static final String RULE = "K is chosen among the values k >= 2 of the range as"
      + " follows: (1) keep the values whose bootstrap stability (Hennig's clusterboot: mean"
      + " Jaccard of each cluster over the resamples, averaged over the clusters) is at least 0.75,"
      + " Hennig's threshold for a stable clustering; if none reaches it (or stability was not"
      + " computed), keep all values; (2) among those, choose the k with the largest average"
      + " silhouette width, treating differences up to 0.005 as ties resolved toward the smaller"
      + " k. The Calinski-Harabasz index and the gap statistic (with its first-SE-max choice) are"
      + " reported alongside and do not enter the rule. A range holding only k = 1 gives K = 1.";

  /** Largest number of clusters a selection may consider. */
  public static final int MAX_K = 1_000;
  /** Most bootstrap resamples or gap reference sets allowed. */
  public static final int MAX_RESAMPLES = 10_000;

  public KSelector {
    if (kMin < 1 || kMax < kMin || kMax > MAX_K) {
      throw new BadInputException("k range " + kMin + ".." + kMax
          + ": expected 1 <= smallest <= largest <= " + MAX_K);
    }
    if (fixedK != 0 && (fixedK < kMin || fixedK > kMax)) {
      throw new BadInputException("fixed K " + fixedK + " is outside the range " + kMin + ".."
          + kMax);
    }
    if (bootstrapResamples < 0 || bootstrapResamples > MAX_RESAMPLES) {
      throw new BadInputException("stability resamples " + bootstrapResamples
          + ": expected a whole number from 0 (skip) to " + MAX_RESAMPLES);
    }
    if (gapReferences < 0 || gapReferences == 1 || gapReferences > MAX_RESAMPLES) {
      throw new BadInputException("gap reference sets " + gapReferences
          + ": expected 0 (skip) or a whole number from 2 to " + MAX_RESAMPLES);
    }
    if (selectionRestarts < 1 || selectionRestarts > Clusterer.MAX_RESTARTS) {
      throw new BadInputException("restarts of the selection's inner fits " + selectionRestarts
          + ": expected a whole number from 1 to " + Clusterer.MAX_RESTARTS);
    }
    if (threads < 1 || threads > Clusterer.MAX_THREADS) {
      throw new BadInputException("threads " + threads + ": expected a whole number from 1 to "
          + Clusterer.MAX_THREADS);
    }
    Objects.requireNonNull(gapReference, "gapReference");
    Objects.requireNonNull(silhouette, "silhouette");
  }

  /** Range 2..8, B = 100 stability resamples, 100 gap references (scaled PCA), 3 restarts per inner fit. */
  public static KSelector withDefaults() {
    return builder().build();
  }

  /** A builder holding the defaults of {@link #withDefaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    return new Builder().range(kMin, kMax).fixedK(fixedK).bootstrapResamples(bootstrapResamples)
        .gapReferences(gapReferences).gapReference(gapReference)
        .selectionRestarts(selectionRestarts).silhouette(silhouette).seed(seed).threads(threads);
  }

  /**
   * Collects K-selection settings; {@link #build()} checks them together (a fixed K must lie
   * in the range, whichever was set first) and returns the immutable {@link KSelector}. The
   * silhouette runs on the selector's threads.
   */
  public static final class Builder {
    private int kMin = 2;
    private int kMax = 8;
    private int fixedK;
    private int bootstrapResamples = 100;
    private int gapReferences = 100;
    private GapReference gapReference = GapReference.SCALED_PCA;
    private int selectionRestarts = 3;
    private Silhouette silhouette = Silhouette.withDefaults();
    private long seed = 1L;
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder() {
    }

    /** The k range (default 2..8). */
    public Builder range(int min, int max) {
      this.kMin = min;
      this.kMax = max;
      return this;
    }

    /** Uses K = k (the table is still computed over the range); 0 = choose by the rule. */
    public Builder fixedK(int k) {
      this.fixedK = k;
      return this;
    }

    /** Stability resamples B (0 = skip; default 100). */
    public Builder bootstrapResamples(int b) {
      this.bootstrapResamples = b;
      return this;
    }

    /** Gap statistic reference sets (0 = skip; default 100). */
    public Builder gapReferences(int b) {
      this.gapReferences = b;
      return this;
    }

    /** The gap statistic's null distribution (default scaled PCA box). */
    public Builder gapReference(GapReference r) {
      this.gapReference = r;
      return this;
    }

    /** Restarts of each fit inside the gap statistic and the bootstrap (default 3). */
    public Builder selectionRestarts(int r) {
      this.selectionRestarts = r;
      return this;
    }

    /** Silhouette settings (exact limit, sample size, seed); its threads follow the selector's. */
    public Builder silhouette(Silhouette s) {
      this.silhouette = s;
      return this;
    }

    /**
     * Master seed of the bootstrap and the gap reference sets (their streams are derived from
     * it, see {@link KSelector#seed()}).
     */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** Worker threads for the bootstrap and gap fits (results do not depend on it). */
    public Builder threads(int t) {
      this.threads = t;
      return this;
    }

    /**
     * The settings.
     *
     * @throws BadInputException naming the first setting outside its range and the range
     */
    public KSelector build() {
      Silhouette s = threads >= 1 && threads <= Clusterer.MAX_THREADS
          ? silhouette.withThreads(threads) : silhouette;
      return new KSelector(kMin, kMax, fixedK, bootstrapResamples, gapReferences, gapReference,
          selectionRestarts, s, seed, threads);
    }
  }

  /**
   * Scales {@code raw} (once), clusters it at every k of the range and chooses K.
   *
   * <p>The main fit at each k is {@code clusterer.fitScaled} on the scaled data (its restarts in
   * parallel on the clusterer's threads), which is exactly {@code clusterer.fit}'s result. The
   * bootstrap resamples and gap reference sets are then independent tasks, interleaved on one pool
   * of {@link #threads} workers that take the next task when done. Each task draws its randomness
   * only from its own seed (the task's seed in its stream, {@link RandomStream#STABILITY_BOOTSTRAP}
   * or {@link RandomStream#GAP_REFERENCES} of {@link #seed}) and results are combined in task
   * order, so the selection is identical for any thread count.
   */
  public KSelection select(FeatureMatrix raw, Scaler scaler, Clusterer clusterer) {
    return select(raw, scaler, clusterer, Progress.NONE);
  }

  /**
   * As {@link #select(FeatureMatrix, Scaler, Clusterer)}, reporting progress: one step per K
   * fitted, then the bootstrap and gap replicates as a fraction done (at most one report per
   * tenth, from whichever worker crosses it), then the silhouettes. Progress never changes the
   * result.
   */
  public KSelection select(FeatureMatrix raw, Scaler scaler, Clusterer clusterer,
                           Progress progress) {
    FeatureMatrix scaled = scaler.transform(raw);
    int[] ks = new int[kMax - kMin + 1];
    for (int q = 0; q < ks.length; q++) {
      ks[q] = kMin + q;
    }
    long bootstrapSeed = RandomStream.STABILITY_BOOTSTRAP.seed(seed);
    long gapSeed = RandomStream.GAP_REFERENCES.seed(seed);
    Clusterer inner = clusterer.toBuilder().restarts(selectionRestarts)
        .tolerance(Math.max(clusterer.tolerance(), INNER_TOLERANCE)).threads(1).build();
    Clusterer reference = inner.toBuilder()
        .tolerance(Math.max(clusterer.tolerance(), REFERENCE_TOLERANCE)).build();
    List<ClusterModel> models = new ArrayList<>();
    List<Partition> partitions = new ArrayList<>();
    double[] objective = new double[ks.length];
    for (int q = 0; q < ks.length; q++) {
      progress.report("choosing K: fitting K = " + ks[q] + " on " + scaled.rows() + " rows",
          (double) q / ks.length);
      ClusterFit fit = clusterer.fitScaled(scaled, ks[q]);
      models.add(new ClusterModel(scaler, fit));
      partitions.add(Partition.of(fit));
      objective[q] = fit.objective();
    }
    long[] bootSeeds = Restarts.seeds(bootstrapSeed, bootstrapResamples);
    GapStatistic gapStatistic = gapReferences > 0 && allPositive(objective)
        ? new GapStatistic(gapReferences, gapReference, gapSeed, threads) : null;
    GapStatistic.Box box = gapStatistic == null ? null : gapStatistic.box(scaled);
    int gapTasks = gapStatistic == null ? 0 : gapReferences;
    long[] gapSeeds = Restarts.seeds(gapSeed, gapTasks);
    int replicates = Math.max(bootstrapResamples, gapTasks);
    int tasks = 2 * replicates;
    AtomicInteger done = new AtomicInteger();
    AtomicInteger tenthsReported = new AtomicInteger();
    String what = "choosing K: " + bootstrapResamples + " bootstrap resamples and " + gapTasks
        + " gap reference sets";
    if (tasks > 0) {
      progress.report(what, 0);
    }
    List<Work> work = Restarts.inOrder(tasks, threads, t -> {
      Work w = replicate(t, scaled, ks, inner, reference, bootSeeds, box, gapSeeds, gapTasks);
      int tenth = done.incrementAndGet() * 10 / tasks;
      int before = tenthsReported.get();
      if (tenth > before && tenthsReported.compareAndSet(before, tenth)) {
        progress.report(what, tenth / 10.0);
      }
      return w;
    });
    progress.step("choosing K: silhouettes and the choice rule");
    List<BootstrapStability.Replicate> reps = new ArrayList<>();
    List<double[]> logWstar = new ArrayList<>();
    for (Work w : work) {
      if (w != null && w.replicate() != null) {
        reps.add(w.replicate());
      } else if (w != null && w.referenceLogW() != null) {
        logWstar.add(w.referenceLogW());
      }
    }
    double[][] jaccard = bootstrapResamples > 0
        ? BootstrapStability.meanJaccard(ks, partitions, reps) : null;
    GapStatistic.Result gap = gapStatistic == null ? null
        : gapStatistic.combine(ks, objective, logWstar);
    List<KSelectionRow> rows = new ArrayList<>();
    for (int q = 0; q < ks.length; q++) {
      Partition p = partitions.get(q);
      Silhouette.Result sil = silhouette.of(scaled, p);
      double[] cj = jaccard == null ? new double[0] : jaccard[q];
      rows.add(new KSelectionRow(ks[q], objective[q], sil.average(), sil.errorBound(),
          CalinskiHarabasz.of(scaled, p), gap == null ? Double.NaN : gap.gap()[q],
          gap == null ? Double.NaN : gap.se()[q], meanIgnoringNaN(cj), cj));
    }
    int chosen = fixedK != 0 ? fixedK : choose(rows);
    String rule = fixedK != 0 ? "K = " + fixedK + " was fixed by the user; the table is shown for"
        + " reference. (Otherwise: " + RULE + ")" : RULE;
    return new KSelection(rows, models, chosen, fixedK != 0,
        gap == null ? 0 : gap.firstSeMaxK(), rule);
  }

  /** Task t of the pool: even t the bootstrap replicate t/2, odd t the gap reference set t/2. */
  private Work replicate(int t, FeatureMatrix scaled, int[] ks, Clusterer inner,
                         Clusterer reference, long[] bootSeeds, GapStatistic.Box box,
                         long[] gapSeeds, int gapTasks) {
    int b = t / 2;
    if (t % 2 == 0) {
      return b < bootstrapResamples ? new Work(
          BootstrapStability.replicate(scaled, ks, inner, bootSeeds[b]), null) : null;
    }
    return b < gapTasks ? new Work(null,
        GapStatistic.referenceLogW(box, scaled, ks, reference, gapSeeds[b])) : null;
  }

  /** What one pooled task of {@link #select} produced (exactly one field is set). */
  private record Work(BootstrapStability.Replicate replicate, double[] referenceLogW) {
  }

  /** Applies {@link #RULE} to a table. */
  public static int choose(List<KSelectionRow> rows) {
    List<KSelectionRow> usable = new ArrayList<>();
    for (KSelectionRow r : rows) {
      if (r.k() >= 2 && !Double.isNaN(r.silhouette())) {
        usable.add(r);
      }
    }
    if (usable.isEmpty()) {
      return rows.get(0).k();
    }
    List<KSelectionRow> stable = new ArrayList<>();
    for (KSelectionRow r : usable) {
      if (r.stabilityJaccard() >= STABILITY_THRESHOLD) {
        stable.add(r);
      }
    }
    List<KSelectionRow> candidates = stable.isEmpty() ? usable : stable;
    double best = Double.NEGATIVE_INFINITY;
    for (KSelectionRow r : candidates) {
      best = Math.max(best, r.silhouette());
    }
    for (KSelectionRow r : candidates) { // increasing k: the first within the tie band
      if (r.silhouette() >= best - SILHOUETTE_TIE) {
        return r.k();
      }
    }
    throw new AssertionError();
  }

  private static boolean allPositive(double[] v) {
    for (double x : v) {
      if (!(x > 0)) {
        return false;
      }
    }
    return true;
  }

  private static double meanIgnoringNaN(double[] v) {
    double s = 0;
    int c = 0;
    for (double x : v) {
      if (!Double.isNaN(x)) {
        s += x;
        c++;
      }
    }
    return c == 0 ? Double.NaN : s / c;
  }
}
