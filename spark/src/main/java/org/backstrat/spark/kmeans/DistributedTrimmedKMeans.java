package org.backstrat.spark.kmeans;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.data.SquaredEuclidean;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.cluster.kmeans.Restarts;
import org.backstrat.cluster.kmeans.SampledSeeding;
import org.backstrat.core.BadInputException;

/**
 * Trimmed k-means (plain k-means for alpha 0) on data spread over a Spark cluster, the
 * distributed counterpart of the single-machine engine of the cluster module, with the same
 * steps and the same answer from the same start:
 *
 * <ul>
 *   <li>scaling: {@link DistributedScaler}, the same robust scaler (exact medians and IQRs);
 *   <li>seeding: by default the single-machine engine's own ({@link SampledSeeding}): each
 *       restart draws the same rows with the same random stream (a uniform sample of 50,000
 *       rows above that size, gathered from the blocks in one pass for all restarts) and runs
 *       the same trimmed k-means++ on the driver, so every restart starts from exactly the
 *       single-machine centres at a cost that does not grow with n. On request
 *       ({@link #withSeeding}), and where the sample holds fewer than k distinct rows,
 *       k-means|| (Bahmani et al. 2012) over all rows: a few rounds that each sample about
 *       {@code oversampling * k} rows with probability proportional to their squared distance
 *       to the candidates so far (rows beyond the binade of the trim cap excluded, as the
 *       single-machine trimmed k-means++ excludes the trimmed rows; cap and cost come from one
 *       pass, two passes a round), then a weighted trimmed k-means++ and a few weighted
 *       trimmed Lloyd steps on the candidates on the driver;
 *   <li>concentration steps, two passes each ({@code Run.step}): every block assigns its rows
 *       to the nearest broadcast centre (Hamerly's bounds kept in the block, {@link Centres}),
 *       counts the squared distances in bins over a bracket of the trim radius taken from a
 *       sample and sums the rows below it; then sums the rows up to the radius's bin and sends
 *       that bin's few rows whole. The trim radius is the exact
 *       {@code (n - floor(alpha n))}-th smallest squared distance, taken on the driver from those
 *       rows (or, when the bracket misses, by {@link ExactSelection}: histogram refinement, no
 *       sample), ties kept by lowest global row as on one machine; each block sends its
 *       per-cluster partial sums (k x d + k numbers) and at most one histogram, combined by
 *       {@code treeAggregate}; empty clusters are moved onto the farthest kept row;
 *   <li>restarts and selective iteration as {@link Clusterer}: every restart takes
 *       {@code shortSteps} steps, the best {@link Clusterer#restartsKept} go on to convergence.
 * </ul>
 *
 * <p>Deterministic: each block's partial sums are added in row order, and the blocks' partials
 * are combined exactly (as {@link BigDecimal}s), so the result does not depend on the order in
 * which tasks finish; it depends on the input, the seed and where blocks start (the
 * partitioning; a block that lost its cached state, and so assigns in full rather than by its
 * bounds and sums the rows below the bracket from zero rather than by their changes, can differ
 * for a row exactly as far from two centres and in the last bits of its sums). The single-machine
 * Hartigan–Wong transfers (run there on up to 100,000 rows)
 * are not done: they are sequential by nature.
 */
public final class DistributedTrimmedKMeans implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Clusterer settings;
  private final ScaleMethod scaleMethod;
  private final int seedingRounds;
  private final double oversampling;
  private final boolean parallelSeeding;
  private final boolean bracketed;
  /** Factor on both ends of every step's bracket: 1, except in tests that force a miss. */
  private final double bracketScale;

  private DistributedTrimmedKMeans(Clusterer settings, ScaleMethod scaleMethod,
                                   int seedingRounds, double oversampling,
                                   boolean parallelSeeding, boolean bracketed,
                                   double bracketScale) {
    this.settings = settings;
    this.scaleMethod = scaleMethod;
    this.seedingRounds = seedingRounds;
    this.oversampling = oversampling;
    this.parallelSeeding = parallelSeeding;
    this.bracketed = bracketed;
    this.bracketScale = bracketScale;
  }

  /**
   * The engine with the single-machine settings {@code settings} (method trimmed or plain
   * k-means; trim fraction, restarts, seed, steps, tolerance, short steps and restarts kept are
   * used, threads ignored), robust scaling, and the single-machine engine's sampled seeding
   * (see the class comment).
   */
  public static DistributedTrimmedKMeans of(Clusterer settings) {
    return new DistributedTrimmedKMeans(settings, ScaleMethod.ROBUST, 5, 2.0, false, true, 1);
  }

  /** A copy scaling with {@code method}. */
  public DistributedTrimmedKMeans withScaling(ScaleMethod method) {
    return new DistributedTrimmedKMeans(settings, method, seedingRounds, oversampling,
        parallelSeeding, bracketed, bracketScale);
  }

  /**
   * A copy seeding every restart by k-means|| over all rows with {@code rounds} rounds (1 to 50)
   * and oversampling factor {@code oversamplingFactor} (0.5 to 100), instead of the sampled
   * single-machine seeding.
   */
  public DistributedTrimmedKMeans withSeeding(int rounds, double oversamplingFactor) {
    if (rounds < 1 || rounds > 50) {
      throw new BadInputException("seeding rounds " + rounds + ": expected 1 to 50");
    }
    if (!(oversamplingFactor >= 0.5 && oversamplingFactor <= 100)) {
      throw new BadInputException("oversampling " + oversamplingFactor + ": expected 0.5 to 100");
    }
    return new DistributedTrimmedKMeans(settings, scaleMethod, rounds, oversamplingFactor, true,
        bracketed, bracketScale);
  }

  /**
   * A copy that finds every step's trim radius by {@link ExactSelection} alone and sums in a
   * pass of its own (the path a bracket miss takes), for tests that compare the two.
   */
  DistributedTrimmedKMeans exactSelectionOnly() {
    return new DistributedTrimmedKMeans(settings, scaleMethod, seedingRounds, oversampling,
        parallelSeeding, false, bracketScale);
  }

  /**
   * A copy whose every bracket of the trim radius is the sample's bracket times {@code factor}
   * (&gt; 0), for tests that force the bracket to miss the radius (a factor far from 1) and so
   * take the exact-selection fallback inside a bracketed fit.
   */
  DistributedTrimmedKMeans withBracketScaledBy(double factor) {
    if (!(factor > 0 && Double.isFinite(factor))) {
      throw new IllegalArgumentException("bracket factor " + factor + ": expected > 0");
    }
    return new DistributedTrimmedKMeans(settings, scaleMethod, seedingRounds, oversampling,
        parallelSeeding, bracketed, factor);
  }

  /** The single-machine settings used. */
  public Clusterer settings() {
    return settings;
  }

  /**
   * Scales {@code columns} of {@code data} and clusters them into k groups.
   *
   * @throws BadInputException for a missing column, a null or non-finite value (naming column
   *     and row), a constant column, or k that the data cannot hold
   */
  public DistributedFit fit(Dataset<Row> data, List<String> columns, int k) {
    BlockData raw = BlockData.of(data, columns);
    try {
      Scaler scaler = DistributedScaler.fit(raw, scaleMethod);
      BlockData scaled = raw.scaled(scaler);
      // the scaled copy is all the fit reads: make it now and free the raw blocks (an evicted
      // scaled block is recomputed from the source)
      scaled.blocks().count();
      raw.unpersist();
      try {
        return withScaler(fitScaled(scaled, k), scaler);
      } finally {
        scaled.unpersist();
      }
    } finally {
      raw.unpersist();
    }
  }

  private static DistributedFit withScaler(DistributedFit f, Scaler scaler) {
    return new DistributedFit(scaler, f.trimFraction(), f.centers(), f.objective(), f.sizes(),
        f.trimmedRows(), f.trimRadius(), f.iterations(), f.passes(), f.bracketMisses(),
        f.resultBytesPerBlockPerStep());
  }

  /** Clusters already scaled blocks into k groups (restarts from k-means|| seeds). */
  public DistributedFit fitScaled(BlockData data, int k) {
    Run run = new Run(data, k);
    int restarts = settings.restarts();
    int keep = restartsKeptLong(data.rows());
    int firstSteps = keep >= restarts ? settings.maxIterations()
        : Math.min(settings.shortSteps(), settings.maxIterations());
    long[] seeds = Restarts.seeds(settings.seed(), restarts);
    List<double[]> starts = parallelSeeding ? null : run.sampledSeeds(seeds);
    List<Restart> all = new ArrayList<>();
    for (int r = 0; r < restarts; r++) {
      double[] start = starts != null && starts.get(r) != null ? starts.get(r)
          : run.seed(seeds[r]);
      all.add(run.iterate(start, firstSteps));
    }
    if (keep < restarts) {
      Integer[] order = new Integer[restarts];
      for (int r = 0; r < restarts; r++) {
        order[r] = r;
      }
      Arrays.sort(order, Comparator.<Integer>comparingDouble(r -> all.get(r).objective)
          .thenComparingInt(r -> r));
      for (int i = 0; i < keep; i++) {
        Restart r = all.get(order[i]);
        all.set(order[i], run.resume(r));
      }
    }
    Restart best = all.get(0);
    for (Restart r : all) {
      if (r.objective < best.objective) {
        best = r;
      }
    }
    return run.finish(best);
  }

  /**
   * Concentration steps from {@code start} (k x d, scaled space) to convergence, then the final
   * answer: no seeding, no restarts. From the same start the single-machine
   * {@link Clusterer#fitScaledFrom} takes the same steps.
   */
  public DistributedFit fitScaledFrom(BlockData data, double[][] start) {
    Run run = new Run(data, start.length);
    double[] c = new double[start.length * data.columns()];
    for (int j = 0; j < start.length; j++) {
      if (start[j].length != data.columns()) {
        throw new BadInputException("starting centre " + (j + 1) + " has " + start[j].length
            + " values; the data have " + data.columns() + " columns");
      }
      System.arraycopy(start[j], 0, c, j * data.columns(), data.columns());
    }
    return run.finish(run.iterate(c, settings.maxIterations()));
  }

  private int restartsKeptLong(long rows) {
    return settings.restartsKept((int) Math.min(rows, Integer.MAX_VALUE));
  }

  /** One restart's state: centres reached, their objective, steps, and where to resume. */
  private static final class Restart {
    final double[] centers;
    final double objective;
    final int iterations;
    final double[] resume;

    Restart(double[] centers, double objective, int iterations, double[] resume) {
      this.centers = centers;
      this.objective = objective;
      this.iterations = iterations;
      this.resume = resume;
    }
  }

  /** The partial sums of one step: per cluster sums and kept counts, objective, changes. */
  static final class StepSums implements Serializable {
    private static final long serialVersionUID = 1L;
    final BigDecimal[] sums;
    final long[] counts;
    BigDecimal objective = BigDecimal.ZERO;
    long changes;
    /** Rows of the trim radius's bin: {d2, row, label, last flag (-1 none), label changed, x}. */
    final List<double[]> pending = new ArrayList<>();

    StepSums(int k, int d) {
      sums = new BigDecimal[k * d];
      Arrays.fill(sums, BigDecimal.ZERO);
      counts = new long[k];
    }

    /** Exact copies of one block's double sums, counts, objective and changes. */
    static StepSums of(double[] sums, long[] counts, double objective, long changes) {
      StepSums s = new StepSums(counts.length, sums.length / counts.length);
      for (int q = 0; q < sums.length; q++) {
        s.sums[q] = new BigDecimal(sums[q]);
      }
      System.arraycopy(counts, 0, s.counts, 0, counts.length);
      s.objective = new BigDecimal(objective);
      s.changes = changes;
      return s;
    }

    StepSums add(StepSums o) {
      for (int q = 0; q < sums.length; q++) {
        sums[q] = sums[q].add(o.sums[q]);
      }
      for (int j = 0; j < counts.length; j++) {
        counts[j] += o.counts[j];
      }
      objective = objective.add(o.objective);
      changes += o.changes;
      pending.addAll(o.pending);
      return this;
    }
  }

  /** Pass A's result: distance counts by bin, and the sums of the rows below the bracket. */
  static final class Histogram implements Serializable {
    private static final long serialVersionUID = 1L;
    final long[] counts = new long[Cut.BINS + 2];
    final StepSums sums;

    Histogram(int k, int d) {
      sums = new StepSums(k, d);
    }

    Histogram add(Histogram o) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] += o.counts[i];
      }
      sums.add(o.sums);
      return this;
    }
  }

  /** One fit on one data set: the blocks, k, the trim count and the centre ids handed out. */
  private final class Run {
    final JavaRDD<RowBlock> blocks;
    final JavaSparkContext sc;
    final long n;
    final int d;
    final int k;
    final long trimCount;
    final List<String> names;
    long nextVersion = 1;
    long passes;
    long maxResultBytes;
    long bracketMisses;
    long maxGatheredRows;
    double[] sample;

    Run(BlockData data, int k) {
      this.blocks = data.blocks();
      this.sc = JavaSparkContext.fromSparkContext(blocks.context());
      this.n = data.rows();
      this.d = data.columns();
      this.names = data.names();
      this.k = k;
      this.trimCount = (long) Math.floor(settings.effectiveTrimFraction() * n);
      if (k < 1) {
        throw new BadInputException("k = " + k + ": expected at least 1 cluster");
      }
      if (n - trimCount < k) {
        throw new BadInputException("k = " + k + " clusters but only " + (n - trimCount)
            + " rows remain after trimming " + trimCount + " of " + n);
      }
    }

    /** A random base, so that a block's cache never matches another fit's centres. */
    final long versionBase = java.util.concurrent.ThreadLocalRandom.current().nextLong() | 1L;

    /** A new id for centres (never 0; ids are cache keys only and never change a result). */
    long version() {
      long v = versionBase + 2 * nextVersion++;
      return v == 0 ? version() : v;
    }

    Restart resume(Restart r) {
      int left = settings.maxIterations() - r.iterations;
      if (r.resume == null || left <= 0) {
        return r;
      }
      Restart more = iterate(r.resume, left);
      return new Restart(more.centers, more.objective, r.iterations + more.iterations,
          more.resume);
    }

    /** Concentration steps from {@code start}, at most {@code steps}. */
    Restart iterate(double[] start, int steps) {
      double[] c = start;
      double prev = Double.POSITIVE_INFINITY;
      long prevVersion = 0;
      Trim prevTrim = null;
      double[] prevC = null;
      int iter = 0;
      while (true) {
        long version = version();
        Broadcast<Centres> bc = sc.broadcast(prevC == null
            ? new Centres(version, k, d, c, false)
            : Centres.after(version, k, d, c, prevVersion, prevC));
        Step step = step(bc, prevVersion, prevTrim);
        Trim trim = step.trim();
        StepSums s = step.sums();
        bc.unpersist(false);
        double obj = s.objective.doubleValue();
        iter++;
        boolean stable = prevVersion != 0 && s.changes == 0;
        boolean stalled = prev - obj <= settings.tolerance() * obj;
        prev = obj;
        prevVersion = version;
        prevTrim = trim;
        if (!stable && !stalled && iter >= steps) {
          double[] resume = means(s, c);
          reseedEmpty(resume, s.counts, c, version, trim);
          return new Restart(c, obj, iter, resume);
        }
        if (stable || stalled) {
          return new Restart(c, obj, iter, null);
        }
        double[] next = means(s, c);
        reseedEmpty(next, s.counts, c, version, trim);
        prevC = c;
        c = next;
      }
    }

    /** Final assignment with index-order distances, as the single-machine engine's finish. */
    DistributedFit finish(Restart best) {
      long version = version();
      Broadcast<Centres> bc = sc.broadcast(new Centres(version, k, d, best.centers, true));
      Step step = step(bc, 0, null);
      Trim trim = step.trim();
      StepSums s = step.sums();
      bc.unpersist(false);
      double[] c = best.centers;
      Integer[] order = new Integer[k];
      for (int j = 0; j < k; j++) {
        order[j] = j;
      }
      Arrays.sort(order, (a, b) -> {
        if (s.counts[a] != s.counts[b]) {
          return Long.compare(s.counts[b], s.counts[a]);
        }
        return Arrays.compare(c, a * d, a * d + d, c, b * d, b * d + d);
      });
      double[][] centers = new double[k][];
      long[] sizes = new long[k];
      for (int j = 0; j < k; j++) {
        centers[j] = Arrays.copyOfRange(c, order[j] * d, order[j] * d + d);
        sizes[j] = s.counts[order[j]];
      }
      return new DistributedFit(Scaler.identity(names),
          settings.effectiveTrimFraction(), centers, s.objective.doubleValue(), sizes,
          trimCount, Math.sqrt(trim.threshold), best.iterations, passes, bracketMisses,
          maxResultBytes);
    }

    // ---- trim --------------------------------------------------------------------------


    /** One step's sums (over the kept rows) and its trim. */
    record Step(StepSums sums, Trim trim) {
    }

    /**
     * One concentration step for the broadcast centres: assignment, the exact trim radius and
     * the kept rows' sums, in two passes when the radius falls where the sample says it does
     * (nearly always): pass A assigns every row and counts the distances in
     * {@value ExactSelection#BINS} bins over the sample's bracket of the radius; pass B sums the
     * rows below the radius's bin and sends the few rows inside that bin whole (distance, row,
     * label, flags, values), from which the driver finds the exact radius and the tie cut and
     * adds the kept ones. Otherwise (a miss, or a bin too full to send) the radius comes from
     * {@link ExactSelection} and the sums from one more pass. Without trimming: one pass.
     * {@code prevVersion}, {@code prevTrim}: the previous step's centres and trim (0 and null
     * for none), to count the rows that change.
     */
    Step step(Broadcast<Centres> bc, long prevVersion, Trim prevTrim) {
      if (trimCount == 0) {
        Trim all = new Trim(Double.POSITIVE_INFINITY, Long.MAX_VALUE);
        return new Step(sums(bc, Cut.exact(all), prevVersion, prevTrim), all);
      }
      long rank = n - trimCount - 1;
      if (!bracketed) {
        Trim trim = trim(bc, rank);
        return new Step(sums(bc, Cut.exact(trim), prevVersion, prevTrim), trim);
      }
      double[] br = bracket(bc.value());
      double lo = br[0];
      double hi = br[1];
      double scale = hi > lo ? Cut.BINS / (hi - lo) : 0;
      Histogram hist = histogram(bc, lo, hi, scale);
      long[] h = hist.counts;
      long below = 0;
      int bin = 0;
      while (below + h[bin] <= rank) {
        below += h[bin];
        bin++;
      }
      if (bin > 0 && bin <= Cut.BINS && h[bin] <= gatherRowsMax()) {
        StepSums s = sums(bc, new Cut(0, 0, lo, hi, scale, bin), prevVersion, prevTrim)
            .add(hist.sums);
        return new Step(s, resolve(s, rank, below));
      }
      bracketMisses++;
      Trim trim = trim(bc, rank);
      return new Step(sums(bc, Cut.exact(trim), prevVersion, prevTrim), trim);
    }

    /** Most rows of one threshold bin sent whole to the driver in a step (8 MB of values). */
    long gatherRowsMax() {
      return (8L << 20) / (8L * (d + 5));
    }

    /**
     * The bracket {lo, hi} of the trim radius for centres {@code cs}: the sample's distances at
     * the wanted quantile plus and minus 4 standard deviations of a sample quantile and 8 rows
     * (as the single-machine engine brackets its selection).
     */
    double[] bracket(Centres cs) {
      double[] smp = sample();
      int m = smp.length / d;
      double[] v = new double[m];
      double[] near = new double[2];
      for (int i = 0; i < m; i++) {
        SquaredEuclidean.nearest(smp, i * d, cs.values(), k, d, cs.indexOrder(), near);
        v[i] = near[0];
      }
      Arrays.sort(v);
      double q = (double) (n - trimCount - 1) / n;
      double margin = 4 * Math.sqrt(q * (1 - q) * m) + 8;
      int loIdx = (int) Math.floor(q * m - margin);
      int hiIdx = (int) Math.ceil(q * m + margin);
      double lo = loIdx <= 0 ? 0 : v[loIdx];
      double hi = hiIdx >= m - 1 ? Double.MAX_VALUE : v[hiIdx];
      return new double[] {lo * bracketScale, Math.min(hi * bracketScale, Double.MAX_VALUE)};
    }

    /**
     * Pass A: assigns every row, counts its distance's bin ({@link Cut#binOf}), and sums the
     * rows below the bracket (bin 0: kept whenever the radius is in the bracket), so that pass B
     * reads the values of the few rows inside the bracket only.
     */
    Histogram histogram(Broadcast<Centres> bc, double lo, double hi, double scale) {
      int kk = k;
      int dd = d;
      Histogram h = blocks.treeAggregate(new Histogram(kk, dd), (acc, b) -> {
        Centres cs = bc.value();
        RowBlock.State st = cs.assign(b);
        double[] d2 = st.d2;
        int[] labels = st.labels;
        // the sums below the bracket are kept in the block and updated for the rows that
        // entered, left or changed centre since the previous step (as the single machine
        // updates its sums), unless the block does not hold that step's (then from zero)
        boolean again = st.lowVersion == cs.version(); // this pass once more (a retried task)
        boolean incremental = again || cs.prevVersion() != 0 && st.lowVersion == cs.prevVersion();
        if (st.lowLabels == null) {
          st.lowLabels = new int[b.rows];
          st.lowSums = new double[kk * dd];
          st.lowCounts = new long[kk];
        }
        if (!incremental) {
          Arrays.fill(st.lowLabels, -1);
          Arrays.fill(st.lowSums, 0);
          Arrays.fill(st.lowCounts, 0);
        }
        st.lowVersion = 0; // a task that dies half-way leaves no sums that claim to be complete
        int[] low = st.lowLabels;
        double[] sums = st.lowSums;
        long[] counts = st.lowCounts;
        double obj = 0;
        for (int i = 0, p = 0; i < b.rows; i++, p += dd) {
          double v = d2[i];
          int bin = Cut.binOf(v, lo, hi, scale);
          acc.counts[bin]++;
          int now = -1;
          if (bin == 0) {
            now = labels[i];
            obj += v;
          }
          int was = low[i];
          if (now != was) {
            if (was >= 0) {
              int o = was * dd;
              for (int j = 0; j < dd; j++) {
                sums[o + j] -= b.x[p + j];
              }
              counts[was]--;
            }
            if (now >= 0) {
              int o = now * dd;
              for (int j = 0; j < dd; j++) {
                sums[o + j] += b.x[p + j];
              }
              counts[now]++;
            }
            low[i] = now;
          }
        }
        st.lowVersion = cs.version();
        acc.sums.add(StepSums.of(sums, counts, obj, 0));
        return acc;
      }, Histogram::add, 2);
      passes++;
      maxResultBytes = Math.max(maxResultBytes, (Cut.BINS + 2) * 8L
          + (long) (k * d + 1) * 24 + k * 8L + 8);
      return h;
    }

    /**
     * The exact trim of a bracketed step from the rows of the radius's bin ({@code s.pending},
     * {@code below} rows lie below the bin): the radius is the distance at ascending rank
     * {@code rank} (ties by row), and the kept ones among those rows are added to {@code s}
     * and their changes counted.
     */
    Trim resolve(StepSums s, long rank, long below) {
      List<double[]> p = new ArrayList<>(s.pending);
      p.sort(Comparator.<double[]>comparingDouble(r -> r[0]).thenComparingDouble(r -> r[1]));
      double t = p.get((int) (rank - below))[0];
      long less = below;
      long equal = 0;
      for (double[] r : p) {
        if (r[0] < t) {
          less++;
        } else if (r[0] == t) {
          equal++;
        }
      }
      long keepEqual = rank + 1 - less;
      long tieCut = Long.MAX_VALUE;
      if (equal > keepEqual) {
        long seen = 0;
        for (double[] r : p) { // sorted by distance, then row
          if (r[0] == t && ++seen == keepEqual) {
            tieCut = (long) r[1];
            break;
          }
        }
      }
      BigDecimal obj = s.objective;
      for (double[] r : p) {
        boolean out = r[0] > t || (r[0] == t && (long) r[1] > tieCut);
        if (r[3] < 0 || r[4] != 0 || (out ? 1 : 0) != r[3]) {
          s.changes++;
        }
        if (!out) {
          int a = (int) r[2];
          for (int j = 0; j < d; j++) {
            s.sums[a * d + j] = s.sums[a * d + j].add(new BigDecimal(r[5 + j]));
          }
          s.counts[a]++;
          obj = obj.add(new BigDecimal(r[0]));
        }
      }
      s.objective = obj;
      maxGatheredRows = Math.max(maxGatheredRows, p.size());
      s.pending.clear();
      return new Trim(t, tieCut);
    }

    /** Threshold at 0-based ascending rank {@code rank} of the squared distances, ties by row. */
    Trim trim(Broadcast<Centres> bc, long rank) {
      ExactSelection.Stats stats = new ExactSelection.Stats();
      ExactSelection.Result r = ExactSelection.select(blocks, n,
          (b, src, from, to, out) -> System.arraycopy(bc.value().assign(b).d2, from, out, 0,
              to - from),
          List.of(new ExactSelection.Target(0, rank)), stats).get(0);
      passes += stats.passes;
      maxResultBytes = Math.max(maxResultBytes, stats.bytesPerBlock);
      double t = r.value();
      long keepEqual = rank + 1 - r.below();
      if (r.equal() <= keepEqual) {
        return new Trim(t, Long.MAX_VALUE);
      }
      // more rows at exactly t than are kept: keep the lowest rows, as on one machine
      List<long[]> perBlock = new ArrayList<>(blocks.map(b -> {
        double[] d2 = bc.value().assign(b).d2;
        long c = 0;
        for (int i = 0; i < b.rows; i++) {
          c += d2[i] == t ? 1 : 0;
        }
        return new long[] {b.firstRow, c};
      }).collect());
      passes++;
      perBlock.sort(Comparator.comparingLong(a -> a[0]));
      long before = 0;
      long blockStart = -1;
      for (long[] pb : perBlock) {
        if (before + pb[1] >= keepEqual) {
          blockStart = pb[0];
          break;
        }
        before += pb[1];
      }
      long want = keepEqual - before;
      long start = blockStart;
      List<Long> cut = blocks.filter(b -> b.firstRow == start).map(b -> {
        double[] d2 = bc.value().assign(b).d2;
        long seen = 0;
        for (int i = 0; i < b.rows; i++) {
          if (d2[i] == t && ++seen == want) {
            return b.firstRow + i;
          }
        }
        throw new IllegalStateException("tie count changed between passes");
      }).collect();
      passes++;
      return new Trim(t, cut.get(0));
    }

    // ---- sums --------------------------------------------------------------------------

    /**
     * Pass B: per-cluster sums and kept counts of the rows that {@code cut} keeps, the
     * objective, and how many rows changed label or trim flag since the step of centres
     * {@code prevVersion} with trim {@code prevTrim} (every row when 0 or when a block no
     * longer holds that step); the rows in the cut's bin are sent whole ({@link #resolve}).
     */
    StepSums sums(Broadcast<Centres> bc, Cut cut, long prevVersion, Trim prevTrim) {
      int kk = k;
      int dd = d;
      double pt = prevTrim == null ? 0 : prevTrim.threshold();
      long ptie = prevTrim == null ? 0 : prevTrim.tieCut();
      StepSums s = blocks.treeAggregate(new StepSums(kk, dd), (acc, b) -> {
        Centres cs = bc.value();
        RowBlock.State st = cs.assign(b);
        int rows = b.rows;
        if (st.newLabels == null) {
          st.lastLabels = new int[rows];
          st.lastOut = new boolean[rows];
          st.newLabels = new int[rows];
          st.newOut = new boolean[rows];
        }
        if (prevVersion != 0 && st.flagVersion == prevVersion) {
          // the previous step's flags, completed with its trim, become the committed ones
          for (int q = 0; q < st.pendCount; q++) {
            double v = st.pendD2[q];
            int i = st.pendIdx[q];
            st.newOut[i] = v > pt || (v == pt && b.firstRow + i > ptie);
          }
          int[] l = st.lastLabels;
          st.lastLabels = st.newLabels;
          st.newLabels = l;
          boolean[] o = st.lastOut;
          st.lastOut = st.newOut;
          st.newOut = o;
          st.lastVersion = prevVersion;
        }
        boolean compare = prevVersion != 0 && st.lastVersion == prevVersion;
        st.flagVersion = 0;
        st.pendCount = 0;
        double[] sums = new double[kk * dd];
        long[] counts = new long[kk];
        double obj = 0;
        long changes = 0;
        StepSums part = new StepSums(kk, dd); // the rows of the radius's bin
        for (int i = 0, p = 0; i < rows; i++, p += dd) {
          double v = st.d2[i];
          int a = st.labels[i];
          int where = cut.where(v, b.firstRow + i);
          st.newLabels[i] = a;
          if (where == Cut.PENDING) {
            if (st.pendCount == st.pendIdx.length) {
              st.pendIdx = Arrays.copyOf(st.pendIdx, Math.max(16, 2 * st.pendCount));
              st.pendD2 = Arrays.copyOf(st.pendD2, st.pendIdx.length);
            }
            st.pendIdx[st.pendCount] = i;
            st.pendD2[st.pendCount++] = v;
            double[] r = new double[5 + dd];
            r[0] = v;
            r[1] = b.firstRow + i;
            r[2] = a;
            r[3] = compare ? (st.lastOut[i] ? 1 : 0) : -1;
            r[4] = compare && st.lastLabels[i] != a ? 1 : 0;
            System.arraycopy(b.x, p, r, 5, dd);
            part.pending.add(r);
            continue;
          }
          boolean out = where == Cut.OUT;
          st.newOut[i] = out;
          if (!compare || st.lastLabels[i] != a || st.lastOut[i] != out) {
            changes++;
          }
          if (!out && v >= cut.lo()) { // rows below a bracket were summed in pass A
            int o = a * dd;
            for (int j = 0; j < dd; j++) {
              sums[o + j] += b.x[p + j];
            }
            counts[a]++;
            obj += v;
          }
        }
        st.flagVersion = cs.version();
        return acc.add(StepSums.of(sums, counts, obj, changes)).add(part);
      }, StepSums::add, 2);
      passes++;
      maxResultBytes = Math.max(maxResultBytes, (long) (k * d + 1) * 24 + k * 8L + 8
          + (long) s.pending.size() * (d + 5) * 8);
      return s;
    }

    double[] means(StepSums s, double[] old) {
      double[] next = new double[k * d];
      for (int j = 0; j < k; j++) {
        if (s.counts[j] == 0) {
          System.arraycopy(old, j * d, next, j * d, d);
          continue;
        }
        double inv = 1.0 / s.counts[j];
        for (int q = 0; q < d; q++) {
          next[j * d + q] = s.sums[j * d + q].doubleValue() * inv;
        }
      }
      return next;
    }

    /**
     * Moves each empty cluster's centre onto the kept row farthest from its centre (lowest row
     * on ties, never the same row twice), as the single-machine engine does.
     */
    void reseedEmpty(double[] next, long[] counts, double[] current, long version, Trim trim) {
      List<Long> used = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        if (counts[j] != 0) {
          continue;
        }
        Broadcast<Centres> bc = sc.broadcast(new Centres(version, k, d, current, false));
        double t = trim.threshold();
        long tieCut = trim.tieCut();
        List<Long> exclude = List.copyOf(used);
        List<double[]> best = blocks.map(b -> {
          double[] d2 = bc.value().assign(b).d2; // this step's, cached unless recomputed
          int far = -1;
          for (int i = 0; i < b.rows; i++) {
            boolean out = d2[i] > t || (d2[i] == t && b.firstRow + i > tieCut);
            if (!out && !exclude.contains(b.firstRow + i) && (far < 0 || d2[i] > d2[far])) {
              far = i;
            }
          }
          if (far < 0) {
            return new double[0];
          }
          double[] r = new double[2 + b.d];
          r[0] = d2[far];
          r[1] = b.firstRow + far;
          System.arraycopy(b.x, far * b.d, r, 2, b.d);
          return r;
        }).collect();
        passes++;
        bc.unpersist(false);
        double[] pick = null;
        for (double[] r : best) {
          if (r.length > 0 && (pick == null || r[0] > pick[0]
              || (r[0] == pick[0] && r[1] < pick[1]))) {
            pick = r;
          }
        }
        if (pick == null) {
          continue;
        }
        System.arraycopy(pick, 2, next, j * d, d);
        used.add((long) pick[1]);
        counts[j] = 1;
      }
    }

    // ---- sampled seeding (the single-machine engine's) ----------------------------------

    /**
     * Every restart's starting centres as the single-machine engine seeds it
     * ({@link SampledSeeding}: the same rows drawn by the same random stream, the same trimmed
     * k-means++), the rows of all restarts gathered in one pass; null for all when n exceeds
     * the single machine's int rows, and null for a restart whose sample holds fewer than k
     * distinct rows (k-means|| seeds it then).
     */
    List<double[]> sampledSeeds(long[] seeds) {
      if (n > Integer.MAX_VALUE) {
        return null;
      }
      List<SampledSeeding> seedings = new ArrayList<>();
      for (long s : seeds) {
        seedings.add(SampledSeeding.start(s, (int) n));
      }
      long[] wanted = seedings.stream().flatMapToInt(s -> Arrays.stream(s.rows()))
          .asLongStream().sorted().distinct().toArray();
      double[] values = rows(wanted);
      List<double[]> out = new ArrayList<>();
      for (SampledSeeding s : seedings) {
        int[] rows = s.rows();
        double[] sample = new double[rows.length * d];
        for (int r = 0; r < rows.length; r++) {
          int i = Arrays.binarySearch(wanted, rows[r]);
          System.arraycopy(values, i * d, sample, r * d, d);
        }
        out.add(s.centres(sample, d, k, (int) trimCount));
        if (this.sample == null) {
          this.sample = sample; // the first restart's rows bracket every step's trim radius
        }
      }
      return out;
    }

    /**
     * The rows whose distances bracket each step's trim radius ({@link #bracket}): a uniform
     * sample of {@link SampledSeeding#SAMPLE_ROWS} rows (with repeats; every row when n is not
     * larger), row-major; the first restart's seeding sample when there was one, else drawn
     * with the fit's seed and gathered in one pass.
     */
    double[] sample() {
      if (sample == null) {
        long[] wanted;
        if (n <= SampledSeeding.SAMPLE_ROWS) {
          wanted = java.util.stream.LongStream.range(0, n).toArray();
        } else {
          SplittableRandom rng = new SplittableRandom(settings.seed() ^ 0x6A09E667F3BCC909L);
          wanted = new long[SampledSeeding.SAMPLE_ROWS];
          for (int i = 0; i < wanted.length; i++) {
            wanted[i] = rng.nextLong(n);
          }
          wanted = Arrays.stream(wanted).sorted().distinct().toArray();
        }
        sample = rows(wanted);
      }
      return sample;
    }

    /** The values of the sorted, distinct global rows {@code wanted}, row-major, in one pass. */
    double[] rows(long[] wanted) {
      Broadcast<long[]> bw = sc.broadcast(wanted);
      int dd = d;
      List<double[]> parts = new ArrayList<>(blocks.map(b -> {
        long[] w = bw.value();
        int lo = lowerBound(w, b.firstRow);
        int hi = lowerBound(w, b.firstRow + b.rows);
        double[] out = new double[1 + (hi - lo) * dd];
        out[0] = b.firstRow;
        for (int i = lo; i < hi; i++) {
          System.arraycopy(b.x, (int) (w[i] - b.firstRow) * dd, out, 1 + (i - lo) * dd, dd);
        }
        return out;
      }).collect());
      passes++;
      bw.unpersist(false);
      parts.sort(Comparator.comparingDouble(p -> p[0]));
      double[] values = new double[wanted.length * d];
      int at = 0;
      for (double[] p : parts) {
        System.arraycopy(p, 1, values, at, p.length - 1);
        at += p.length - 1;
      }
      return values;
    }

    // ---- k-means|| seeding -------------------------------------------------------------

    double[] seed(long restartSeed) {
      SplittableRandom rng = new SplittableRandom(restartSeed);
      long runId = version();
      List<double[]> cands = new ArrayList<>();
      cands.add(row(rng.nextLong(n)));
      double l = oversampling * k;
      for (int round = 0; round < seedingRounds; round++) {
        Broadcast<double[]> bc = sc.broadcast(flatten(cands));
        double[] capCost = seedCapAndCost(bc, runId);
        double c = capCost[0];
        double total = capCost[1];
        if (!(total > 0)) {
          bc.unpersist(false);
          break;
        }
        long salt = restartSeed * 31 + round;
        List<double[]> picked = new ArrayList<>(blocks.flatMap(b -> {
          double[] s = seedDistances(b, bc.value(), runId);
          List<double[]> out = new ArrayList<>();
          for (int i = 0; i < b.rows; i++) {
            if (s[i] > 0 && s[i] < c && uniform(salt, b.firstRow + i) < l * s[i] / total) {
              double[] r = new double[1 + b.d];
              r[0] = b.firstRow + i;
              System.arraycopy(b.x, i * b.d, r, 1, b.d);
              out.add(r);
            }
          }
          return out.iterator();
        }).collect());
        passes++;
        bc.unpersist(false);
        picked.sort(Comparator.comparingDouble(r -> r[0]));
        for (double[] r : picked) {
          cands.add(Arrays.copyOfRange(r, 1, r.length));
        }
      }
      double[] flat = flatten(cands);
      int m = cands.size();
      Broadcast<double[]> bc = sc.broadcast(flat);
      double c = seedCapAndCost(bc, runId)[0];
      long[] weights = blocks.treeAggregate(new long[m], (acc, b) -> {
        double[] s = seedDistances(b, bc.value(), runId);
        double[] cs = bc.value();
        for (int i = 0; i < b.rows; i++) {
          if (s[i] >= c) {
            continue;
          }
          double best = Double.POSITIVE_INFINITY;
          int a = 0;
          for (int q = 0; q < m; q++) {
            double v = SquaredEuclidean.between(b.x, i * b.d, cs, q * b.d, b.d);
            if (v < best) {
              best = v;
              a = q;
            }
          }
          acc[a]++;
        }
        return acc;
      }, (a, o) -> {
        for (int q = 0; q < a.length; q++) {
          a[q] += o[q];
        }
        return a;
      }, 2);
      passes++;
      bc.unpersist(false);
      return LocalSeeding.centres(flat, weights, d, k, trimCount, rng,
          () -> row(rng.nextLong(n)));
    }

    /**
     * In one pass: the seeding trim cap and the cost below it. Rows are counted and summed by
     * the binade (exponent) of their squared distance; the cap is the upper end of the binade
     * holding rank n - floor(alpha n) (so it keeps the wanted rows and at most the rest of that
     * binade: seeding only needs gross outliers left out, the exact trim is for the steps), and
     * the cost is the exact sum of the squared distances below the cap. Returns {cap, cost};
     * without trimming the cap is infinite.
     */
    double[] seedCapAndCost(Broadcast<double[]> bc, long runId) {
      BinadeSums zero = new BinadeSums();
      BinadeSums h = blocks.treeAggregate(zero, (acc, b) -> {
        double[] s = seedDistances(b, bc.value(), runId);
        double[] sums = new double[BinadeSums.BINS];
        long[] counts = new long[BinadeSums.BINS];
        for (int i = 0; i < b.rows; i++) {
          int e = Math.getExponent(s[i]) + 1023;
          counts[e]++;
          sums[e] += s[i];
        }
        return acc.add(counts, sums);
      }, BinadeSums::merge, 2);
      passes++;
      long keep = n - trimCount;
      long cum = 0;
      BigDecimal cost = BigDecimal.ZERO;
      for (int e = 0; e < BinadeSums.BINS; e++) {
        cum += h.counts[e];
        if (h.sums.containsKey(e)) {
          cost = cost.add(h.sums.get(e));
        }
        if (trimCount > 0 && cum >= keep) {
          return new double[] {Math.scalb(1.0, e - 1022), cost.doubleValue()};
        }
      }
      return new double[] {Double.POSITIVE_INFINITY, cost.doubleValue()};
    }

    /** Global row {@code r}. */
    double[] row(long r) {
      List<double[]> got = blocks.filter(b -> r >= b.firstRow && r < b.firstRow + b.rows)
          .map(b -> Arrays.copyOfRange(b.x, (int) (r - b.firstRow) * b.d,
              (int) (r - b.firstRow + 1) * b.d)).collect();
      passes++;
      return got.get(0);
    }
  }

  /** The trim of one step: kept iff d2 &lt; threshold, or equal and global row &lt;= tieCut. */
  record Trim(double threshold, long tieCut) implements Serializable {
  }

  /**
   * Where a step's sums pass puts a row: kept or out by an exact trim ({@code bin < 0}: kept iff
   * d2 &lt; t, or equal and global row &lt;= tieCut), or by the bin of its distance among
   * {@link #BINS} equal bins over [lo, hi] (bin 0 below lo, {@code BINS + 1} above hi): kept
   * below bin {@code bin}, out above it, pending in it.
   */
  record Cut(double t, long tieCut, double lo, double hi, double scale, int bin)
      implements Serializable {
    static final int BINS = ExactSelection.BINS;
    static final int KEPT = 0;
    static final int OUT = 1;
    static final int PENDING = 2;

    static Cut exact(Trim trim) {
      return new Cut(trim.threshold(), trim.tieCut(), Double.NEGATIVE_INFINITY, 0, 0, -1);
    }

    /** The bin of squared distance {@code v}; monotone in v. */
    static int binOf(double v, double lo, double hi, double scale) {
      if (v < lo) {
        return 0;
      }
      if (v > hi) {
        return BINS + 1;
      }
      return 1 + Math.min(BINS - 1, (int) ((v - lo) * scale));
    }

    int where(double v, long row) {
      if (bin < 0) {
        return v > t || (v == t && row > tieCut) ? OUT : KEPT;
      }
      int b = binOf(v, lo, hi, scale);
      return b < bin ? KEPT : b > bin ? OUT : PENDING;
    }
  }

  /** Counts and exact sums of squared distances by binade (biased exponent 0..2047). */
  static final class BinadeSums implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int BINS = 2048;
    final long[] counts = new long[BINS];
    final java.util.TreeMap<Integer, BigDecimal> sums = new java.util.TreeMap<>();

    BinadeSums add(long[] c, double[] s) {
      for (int e = 0; e < BINS; e++) {
        if (c[e] > 0) {
          counts[e] += c[e];
          sums.merge(e, new BigDecimal(s[e]), BigDecimal::add);
        }
      }
      return this;
    }

    BinadeSums merge(BinadeSums o) {
      for (int e = 0; e < BINS; e++) {
        counts[e] += o.counts[e];
      }
      o.sums.forEach((e, v) -> sums.merge(e, v, BigDecimal::add));
      return this;
    }
  }

  /**
   * A block's squared distances to the nearest of the candidates {@code c} of seeding run
   * {@code runId}, updated with the candidates added since the block last saw that run.
   */
  static double[] seedDistances(RowBlock b, double[] c, long runId) {
    RowBlock.State st = b.state();
    int d = b.d;
    int m = c.length / d;
    if (st.seedD2 == null) {
      st.seedD2 = new double[b.rows];
      st.seedRun = 0;
    }
    if (st.seedRun != runId || st.seedCount > m) {
      Arrays.fill(st.seedD2, Double.POSITIVE_INFINITY);
      st.seedCount = 0;
      st.seedRun = runId;
    }
    for (int q = st.seedCount; q < m; q++) {
      for (int i = 0; i < b.rows; i++) {
        double v = SquaredEuclidean.between(b.x, i * d, c, q * d, d);
        if (v < st.seedD2[i]) {
          st.seedD2[i] = v;
        }
      }
    }
    st.seedCount = m;
    return st.seedD2;
  }

  /** The first index of sorted {@code a} whose value is at least {@code v}. */
  static int lowerBound(long[] a, long v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** A uniform number in [0, 1) that depends only on {@code salt} and the global row. */
  static double uniform(long salt, long row) {
    long z = salt * 0x9E3779B97F4A7C15L + row * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }

  private static double[] flatten(List<double[]> rows) {
    int d = rows.get(0).length;
    double[] out = new double[rows.size() * d];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, out, i * d, d);
    }
    return out;
  }
}
