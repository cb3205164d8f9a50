package org.backstrat.cluster.kmeans;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.data.SquaredEuclidean;
import org.backstrat.core.BadInputException;

/**
 * Clustering settings and the entry point that fits them: {@code Clusterer.builder()
 * .method(ClusterMethod.TRIMMED).trimFraction(0.05).seed(1).build().fit(raw, scaler, k)}.
 * Immutable; settings are checked at {@link Builder#build()}, and {@link #toBuilder()} derives
 * other settings from these.
 *
 * <p>Each restart seeds with (trimmed) k-means++ and iterates to convergence (above
 * {@link #SELECTIVE_ITERATION_ROWS} rows, by default, only the best restarts after a few short
 * steps do: see {@code keepBest}); the restart with the lowest objective wins (the lowest restart
 * number on exact ties). On small data the restarts run side by side on {@code threads} threads;
 * from {@link #WITHIN_RESTART_ROWS} rows on they run in turn and each pass over the rows is split
 * into fixed row blocks over the threads. Either way the result is identical for a given seed
 * whatever the thread count (per-restart seeds, see {@link Restarts}; block partial sums combined
 * in block order).
 *
 * @param method the algorithm
 * @param trimFraction alpha in [0, 0.5): the fraction floor(alpha n) of points trimmed (trimmed
 *     method only; ignored, and reported as 0, by the others)
 * @param restarts number of random starts (default 100)
 * @param seed master seed
 * @param maxIterations cap on steps per restart (default 300)
 * @param tolerance a restart stops when a step lowers the objective by no more than
 *     {@code tolerance * objective} (default 1e-7), or when no assignment changes
 * @param threads worker threads (default: available processors)
 * @param huberConstant Huber method: with {@code c = huberConstant * s}, s the median distance to
 *     the nearest centre of a preliminary trimmed fit, points farther than c get weight
 *     {@code c / distance} (default 1.345 x 1.4826, about 2; see {@link ReweightedEngine})
 * @param momBlocks median-of-means method: number of blocks (default 0 = automatic, see
 *     {@link ReweightedEngine})
 * @param shortSteps trimmed and plain k-means, selective iteration (as tclust's {@code niter1}):
 *     when not every restart is kept (see keepBest), every restart first takes at most this many
 *     steps (default 3; a step is one assignment of all points, the first to the seeds)
 * @param keepBest trimmed and plain k-means, selective iteration (as tclust's {@code nkeep}; the
 *     "selective iteration" of FAST-MCD): only the keepBest restarts with the lowest objective
 *     after the short steps are iterated to convergence; the others are dropped. Restarts that
 *     converged within the short steps are complete anyway. 0 (default) = automatic: every
 *     restart is iterated to convergence up to {@link #SELECTIVE_ITERATION_ROWS} rows, above that
 *     the best max(2, ceil(restarts / 5)) are kept (one bad start, for example two centres
 *     splitting one group, can take dozens of slow steps on large data while it cannot win).
 *     Set it to the number of restarts to iterate every restart fully on any data.
 */
public record Clusterer(ClusterMethod method, double trimFraction, int restarts, long seed,
                        int maxIterations, double tolerance, int threads, double huberConstant,
                        int momBlocks, int shortSteps, int keepBest) {

  /** Default trim fraction alpha. */
  public static final double DEFAULT_TRIM_FRACTION = 0.05;
  /** Above this many rows, selective iteration is on by default (see keepBest). */
  public static final int SELECTIVE_ITERATION_ROWS = 100_000;
  /** From this many rows on, each restart's passes use all threads (restarts run in turn). */
  public static final int WITHIN_RESTART_ROWS = 32_768;
  /** Most restarts allowed (each has its seed; more gain nothing measurable). */
  public static final int MAX_RESTARTS = 10_000;
  /** Most steps per restart allowed. */
  public static final int MAX_ITERATIONS = 100_000;
  /** Most worker threads allowed. */
  public static final int MAX_THREADS = 4_096;
  /** Most median-of-means blocks allowed. */
  public static final int MAX_MOM_BLOCKS = 100_000;

  public Clusterer {
    if (method == null) {
      throw new BadInputException("method must be given");
    }
    if (!(trimFraction >= 0 && trimFraction < 0.5)) {
      throw new BadInputException("trim fraction " + trimFraction + ": expected a number in [0, 0.5)");
    }
    requireRange("restarts", restarts, 1, MAX_RESTARTS);
    requireRange("max iterations", maxIterations, 1, MAX_ITERATIONS);
    if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
      throw new BadInputException("tolerance " + tolerance + ": expected a number >= 0");
    }
    requireRange("threads", threads, 1, MAX_THREADS);
    if (!(huberConstant > 0) || !Double.isFinite(huberConstant)) {
      throw new BadInputException("Huber constant " + huberConstant + ": expected a number > 0");
    }
    requireRange("median-of-means blocks", momBlocks, 0, MAX_MOM_BLOCKS);
    requireRange("short steps", shortSteps, 1, MAX_ITERATIONS);
    requireRange("restarts kept (0 = automatic)", keepBest, 0, MAX_RESTARTS);
  }

  private static void requireRange(String setting, int value, int min, int max) {
    if (value < min || value > max) {
      throw new BadInputException(setting + " " + value + ": expected a whole number from " + min
          + " to " + max);
    }
  }

  /** Trimmed k-means, alpha 0.05, 100 restarts, seed 1, 300 steps, tolerance 1e-7, all cores. */
  public static Clusterer withDefaults() {
    return builder().build();
  }

  /** A builder holding the defaults of {@link #withDefaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to derive other settings from them. */
  public Builder toBuilder() {
    return new Builder().method(method).trimFraction(trimFraction).restarts(restarts).seed(seed)
        .maxIterations(maxIterations).tolerance(tolerance).threads(threads)
        .huberConstant(huberConstant).momBlocks(momBlocks).shortSteps(shortSteps)
        .keepBest(keepBest);
  }

  /**
   * Collects clustering settings; {@link #build()} checks them all at once (each with its
   * allowed range) and returns the immutable {@link Clusterer}. Setters may be called in any
   * order; none resets another.
   */
  public static final class Builder {
    private ClusterMethod method = ClusterMethod.TRIMMED;
    private double trimFraction = DEFAULT_TRIM_FRACTION;
    private int restarts = 100;
    private long seed = 1L;
    private int maxIterations = 300;
    private double tolerance = 1e-7;
    private int threads = Runtime.getRuntime().availableProcessors();
    private double huberConstant = 1.345 * 1.4826;
    private int momBlocks;
    private int shortSteps = 3;
    private int keepBest;

    private Builder() {
    }

    /** The algorithm (default trimmed k-means). */
    public Builder method(ClusterMethod m) {
      this.method = m;
      return this;
    }

    /** Trim fraction alpha in [0, 0.5) (default 0.05; trimmed method only). */
    public Builder trimFraction(double alpha) {
      this.trimFraction = alpha;
      return this;
    }

    /** Random starts, 1 to {@value Clusterer#MAX_RESTARTS} (default 100). */
    public Builder restarts(int r) {
      this.restarts = r;
      return this;
    }

    /** Master seed of the restarts (default 1). */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** Cap on steps per restart, 1 to {@value Clusterer#MAX_ITERATIONS} (default 300). */
    public Builder maxIterations(int m) {
      this.maxIterations = m;
      return this;
    }

    /** Relative convergence tolerance, >= 0 (default 1e-7). */
    public Builder tolerance(double t) {
      this.tolerance = t;
      return this;
    }

    /** Worker threads, 1 to {@value Clusterer#MAX_THREADS} (results do not depend on it). */
    public Builder threads(int t) {
      this.threads = t;
      return this;
    }

    /** Huber constant, > 0 (Huber method only). */
    public Builder huberConstant(double c) {
      this.huberConstant = c;
      return this;
    }

    /** Median-of-means blocks (0 = automatic). */
    public Builder momBlocks(int b) {
      this.momBlocks = b;
      return this;
    }

    /** Short steps before the selection of restarts (tclust niter1). */
    public Builder shortSteps(int steps) {
      this.shortSteps = steps;
      return this;
    }

    /** Restarts iterated to convergence after the short steps (tclust nkeep; 0 = automatic). */
    public Builder keepBest(int keep) {
      this.keepBest = keep;
      return this;
    }

    /**
     * The settings.
     *
     * @throws BadInputException naming the first setting outside its range and the range
     */
    public Clusterer build() {
      return new Clusterer(method, trimFraction, restarts, seed, maxIterations, tolerance,
          threads, huberConstant, momBlocks, shortSteps, keepBest);
    }
  }

  /**
   * How many restarts are iterated to convergence on {@code rows} rows: {@code keepBest} when
   * set (at most all restarts), else all up to {@link #SELECTIVE_ITERATION_ROWS} rows and
   * max(2, ceil(restarts / 5)) above.
   */
  public int restartsKept(int rows) {
    if (keepBest > 0) {
      return Math.min(keepBest, restarts);
    }
    if (rows <= SELECTIVE_ITERATION_ROWS) {
      return restarts;
    }
    return Math.min(restarts, Math.max(2, (restarts + 4) / 5));
  }

  /** The trim fraction actually used: alpha for the trimmed method, 0 for the others. */
  public double effectiveTrimFraction() {
    return method == ClusterMethod.TRIMMED ? trimFraction : 0;
  }

  /** Scales {@code raw} with {@code scaler}, clusters it into k groups, and returns the model. */
  public ClusterModel fit(FeatureMatrix raw, Scaler scaler, int k) {
    checkFinite(raw);
    return new ClusterModel(scaler, fitScaled(scaler.transform(raw), k));
  }

  /**
   * Clusters an already scaled (and weighted) matrix into k groups.
   *
   * @throws BadInputException for k &lt; 1, fewer rows (after trimming) than k, fewer distinct
   *     rows than k, or a non-finite cell
   */
  public ClusterFit fitScaled(FeatureMatrix scaled, int k) {
    checkFinite(scaled);
    int n = scaled.rows();
    if (k < 1) {
      throw new BadInputException("k = " + k + ": expected at least 1 cluster");
    }
    if (n < k) {
      throw new BadInputException("k = " + k + " clusters but only " + n + " rows");
    }
    int trimCount = (int) Math.floor(effectiveTrimFraction() * n);
    if (n - trimCount < k) {
      throw new BadInputException("k = " + k + " clusters but only " + (n - trimCount)
          + " rows remain after trimming " + trimCount + " of " + n);
    }
    int distinct = distinctRowsUpTo(scaled, k);
    if (distinct < k) {
      throw new BadInputException("k = " + k + " clusters but the data have only " + distinct
          + " distinct rows");
    }
    return switch (method) {
      case TRIMMED, KMEANS -> fitLloyd(scaled, k, trimCount);
      case HUBER, MOM -> new ReweightedEngine(this, scaled, k).fit();
      case KMEDOIDS -> new MedoidEngine(this, scaled, k).fit();
    };
  }

  /**
   * Trimmed (or plain) k-means concentration steps from the given centres, without seeding or
   * restarts: one restart of this engine started at {@code startCenters} ({@code k x d}, scaled
   * space), iterated to convergence or {@code maxIterations}, then finished and numbered as
   * {@link #fitScaled} does. Lets another engine (the distributed one of the spark module) be
   * checked against this one from the same start.
   *
   * @throws BadInputException when the method is not trimmed or plain k-means, the centres do
   *     not match the data's columns, or the data cannot be clustered into k groups
   */
  public ClusterFit fitScaledFrom(FeatureMatrix scaled, double[][] startCenters) {
    if (method != ClusterMethod.TRIMMED && method != ClusterMethod.KMEANS) {
      throw new BadInputException("starting centres are supported for trimmed and plain k-means,"
          + " not " + method);
    }
    checkFinite(scaled);
    int k = startCenters.length;
    int n = scaled.rows();
    int d = scaled.columns();
    int trimCount = (int) Math.floor(effectiveTrimFraction() * n);
    if (k < 1 || n - trimCount < k) {
      throw new BadInputException("k = " + k + " clusters but only " + (n - trimCount)
          + " rows remain after trimming " + trimCount + " of " + n);
    }
    double[] start = new double[k * d];
    for (int j = 0; j < k; j++) {
      if (startCenters[j].length != d) {
        throw new BadInputException("starting centre " + (j + 1) + " has "
            + startCenters[j].length + " values; the data have " + d + " columns");
      }
      System.arraycopy(startCenters[j], 0, start, j * d, d);
    }
    LloydEngine engine = new LloydEngine(scaled.rowMajorView(), n, d, k, trimCount,
        maxIterations, tolerance);
    try (RowBlocks rb = new RowBlocks(n, threads)) {
      LloydEngine.Workspace ws = new LloydEngine.Workspace(n, k, d);
      LloydEngine.Restart r = engine.iterate(start, maxIterations, ws, rb);
      double objective = engine.finish(r.centers(), ws, rb);
      double[] dist = ws.d2;
      double[] weights = new double[n];
      for (int i = 0; i < n; i++) {
        dist[i] = Math.sqrt(dist[i]);
        weights[i] = ws.trimmed[i] ? 0 : 1;
      }
      return canonical(method, effectiveTrimFraction(), k, d, ws.labels, ws.trimmed, dist,
          r.centers(), objective, r.iterations(), weights, r.objectiveHistory());
    }
  }

  private ClusterFit fitLloyd(FeatureMatrix m, int k, int trimCount) {
    int n = m.rows();
    int d = m.columns();
    double[] x = m.rowMajorView();
    LloydEngine engine = new LloydEngine(x, n, d, k, trimCount, maxIterations, tolerance);
    int keep = restartsKept(n);
    int firstSteps = keep >= restarts ? maxIterations : Math.min(shortSteps, maxIterations);
    // Large data: restarts one after the other, each pass over the rows split over all threads;
    // small data: restarts side by side. The arithmetic is the same either way (fixed row blocks
    // combined in block order), so the result does not depend on the choice or the thread count.
    boolean withinRestart = threads > 1 && (n >= WITHIN_RESTART_ROWS || restarts < threads);
    try (RowBlocks rb = new RowBlocks(n, withinRestart ? threads : 1)) {
      LloydEngine.Workspace shared = withinRestart ? new LloydEngine.Workspace(n, k, d) : null;
      List<LloydEngine.Restart> all = runRestarts(restarts, seed, shared, n, k, d,
          (r, s, w) -> engine.run(s, firstSteps, w, rb));
      if (keep < restarts) {
        Integer[] order = new Integer[restarts];
        for (int r = 0; r < restarts; r++) {
          order[r] = r;
        }
        Arrays.sort(order, (p, q) -> {
          int c = Double.compare(all.get(p).objective(), all.get(q).objective());
          return c != 0 ? c : Integer.compare(p, q);
        });
        List<LloydEngine.Restart> resumed = runRestarts(keep, seed, shared, n, k, d,
            (r, s, w) -> engine.resume(all.get(order[r]), w, rb));
        for (int r = 0; r < keep; r++) {
          all.set(order[r], resumed.get(r));
        }
      }
      LloydEngine.Restart best = all.get(0);
      for (LloydEngine.Restart r : all) {
        if (r.objective() < best.objective()) {
          best = r;
        }
      }
      LloydEngine.Workspace ws = shared != null ? shared : new LloydEngine.Workspace(n, k, d);
      double objective = engine.finish(best.centers(), ws, rb);
      int[] labels = ws.labels;
      double[] dist = ws.d2;
      boolean[] trimmed = ws.trimmed;
      double[] weights = new double[n];
      for (int i = 0; i < n; i++) {
        dist[i] = Math.sqrt(dist[i]);
        weights[i] = trimmed[i] ? 0 : 1;
      }
      return canonical(method, effectiveTrimFraction(), k, d, labels, trimmed, dist,
          best.centers(), objective, best.iterations(), weights, best.objectiveHistory());
    }
  }

  /**
   * Runs {@code count} restart tasks: in turn on the shared workspace when given (each task's
   * passes then use all threads), else side by side with one workspace per worker thread.
   */
  private List<LloydEngine.Restart> runRestarts(
      int count, long masterSeed, LloydEngine.Workspace shared, int n, int k, int d,
      Restarts.Task<LloydEngine.Workspace, LloydEngine.Restart> task) {
    if (shared == null) {
      return Restarts.runAll(count, masterSeed, threads, () -> new LloydEngine.Workspace(n, k, d),
          task);
    }
    long[] seeds = Restarts.seeds(masterSeed, count);
    List<LloydEngine.Restart> out = new ArrayList<>(count);
    for (int r = 0; r < count; r++) {
      out.add(task.run(r, seeds[r], shared));
    }
    return out;
  }

  /**
   * Renumbers clusters: largest kept size first, ties by the lexicographic order of the centres,
   * so that equal partitions get equal numbers.
   */
  static ClusterFit canonical(ClusterMethod method, double alpha, int k, int d, int[] labels,
                              boolean[] outliers, double[] distances, double[] centers,
                              double objective, int iterations, double[] weights,
                              double[] history) {
    int[] size = new int[k];
    for (int i = 0; i < labels.length; i++) {
      if (!outliers[i]) {
        size[labels[i]]++;
      }
    }
    Integer[] order = new Integer[k];
    for (int j = 0; j < k; j++) {
      order[j] = j;
    }
    Arrays.sort(order, (a, b) -> {
      if (size[a] != size[b]) {
        return Integer.compare(size[b], size[a]);
      }
      return Arrays.compare(centers, a * d, a * d + d, centers, b * d, b * d + d);
    });
    int[] newIndex = new int[k];
    double[] c = new double[k * d];
    for (int j = 0; j < k; j++) {
      newIndex[order[j]] = j;
      System.arraycopy(centers, order[j] * d, c, j * d, d);
    }
    for (int i = 0; i < labels.length; i++) {
      labels[i] = newIndex[labels[i]];
    }
    return new ClusterFit(method, alpha, k, d, labels, outliers, distances, c, objective,
        iterations, weights, history);
  }

  private static void checkFinite(FeatureMatrix m) {
    if (m.knownFinite()) {
      return; // checked by the reader, with row and column in its message
    }
    double[] v = m.rowMajorView();
    int d = m.columns();
    for (int p = 0; p < v.length; p++) {
      if (!Double.isFinite(v[p])) {
        throw BadInputException.at("data", p / d + 1, m.names().get(p % d),
            Double.toString(v[p]), "a finite number (NaN and infinity cannot be clustered)");
      }
    }
  }

  /** Number of distinct rows, counting only until {@code limit} are found. */
  static int distinctRowsUpTo(FeatureMatrix m, int limit) {
    int n = m.rows();
    int d = m.columns();
    double[] x = m.rowMajorView();
    int[] reps = new int[limit];
    int found = 0;
    for (int i = 0; i < n && found < limit; i++) {
      boolean isNew = true;
      for (int r = 0; r < found && isNew; r++) {
        isNew = SquaredEuclidean.between(x, i * d, x, reps[r] * d, d) != 0;
      }
      if (isNew) {
        reps[found++] = i;
      }
    }
    return found;
  }
}
