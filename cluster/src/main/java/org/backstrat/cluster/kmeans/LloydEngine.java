package org.backstrat.cluster.kmeans;

import java.util.Arrays;
import org.backstrat.cluster.data.SquaredEuclidean;

/**
 * One restart of trimmed k-means (plain k-means when nothing is trimmed): trimmed k-means++
 * seeding, then concentration steps (García-Escudero &amp; Gordaliza; as trimcluster and tclust):
 * assign every point to its nearest centre, keep the {@code h = n - floor(alpha n)} nearest
 * points, move each centre to the mean of its kept points. Each step cannot increase the trimmed
 * objective.
 *
 * <p>Speed: every pass over the rows runs on fixed blocks of {@link RowBlocks} (on all threads
 * for large data), each block keeping its own partial sums, combined in block order, so one
 * restart gives bit-identical results on any number of threads. Hamerly's bounds
 * ({@link HamerlyStep}, the kernel the Spark engine runs too) skip the
 * distances to the other centres for points that provably keep their centre (the distance to the
 * own centre is always computed exactly, because the trim needs it). Centre sums are kept
 * incrementally: a full pass sums the kept points from zero, later passes only move the points
 * that changed centre or trim flag. The trim threshold comes from a sampled bracket and selection
 * on the few distances inside it (on small data with few trimmed, selection on the distances
 * near or above the previous step's threshold), never a sort. When Lloyd steps stop, single-point
 * (Hartigan–Wong style) transfers polish the partition (up to 100,000 rows), and the steps resume
 * if any point moved. A restart can stop at a step cap and be resumed later (selective iteration,
 * see {@link Clusterer#keepBest()}).
 */
final class LloydEngine {
  /** Cap on the rounds of single-point transfers per restart. */
  private static final int MAX_TRANSFER_ROUNDS = 2;
  /**
   * Transfers are skipped above this many rows: with many points per cluster a single point
   * changes the objective by O(1/n), and the extra pass over the data is not worth it.
   */
  static final int TRANSFER_MAX_ROWS = 100_000;
  /** From this many rows on, the trim threshold is bracketed by a sample before selection. */
  static final int SAMPLED_SELECTION_ROWS = 65_536;
  /**
   * On small data the distances from this share of the last trim threshold up are gathered to
   * find the next one (see {@code smallThreshold}): a speed setting only, never a result.
   */
  static final double GUESS_MARGIN = 0.9;
  /** Cap on the passes over the data within one round of transfers. */
  private static final int MAX_TRANSFER_PASSES = 10;
  private final double[] x;
  private final int n;
  private final int d;
  private final int k;
  private final int trimCount;
  private final int maxIterations;
  private final double tolerance;

  /**
   * Scratch memory of one running restart, reused across restarts (no content carries over into
   * a result; the last trim threshold is kept only as a starting guess for the next one).
   */
  static final class Workspace {
    final int[] labels;
    final double[] d2;
    final double[] lower;
    final double[] scratch;
    final boolean[] trimmed;
    /** Per block: centre sums (k x d), kept counts (k), changes, kept objective, selection counts. */
    final double[] blockSums;
    final int[] blockCounts;
    final int[] blockChanges;
    final double[] blockObjective;
    final int[] blockLess;
    final int[] blockInside;
    /** Trim threshold of the last trim: kept iff d2 &lt; threshold, or equal and row &lt;= tieCut. */
    double threshold;
    int tieCut;

    Workspace(int n, int k, int d) {
      int blocks = RowBlocks.blockCount(n);
      labels = new int[n];
      d2 = new double[n];
      lower = new double[n];
      scratch = new double[n];
      trimmed = new boolean[n];
      blockSums = new double[blocks * k * d];
      blockCounts = new int[blocks * k];
      blockChanges = new int[blocks];
      blockObjective = new double[blocks];
      blockLess = new int[blocks];
      blockInside = new int[blocks];
    }
  }

  /**
   * What one restart found: its last centres and their trimmed objective; {@code resume} holds
   * the next centres when the restart stopped at its step cap before converging (null when it
   * converged).
   */
  record Restart(double[] centers, double objective, int iterations, double[] objectiveHistory,
                 double[] resume) {
  }

  LloydEngine(double[] x, int n, int d, int k, int trimCount, int maxIterations, double tolerance) {
    this.x = x;
    this.n = n;
    this.d = d;
    this.k = k;
    this.trimCount = trimCount;
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
  }

  /**
   * One restart from the seed: k-means++ seeding, then concentration steps until no point changes
   * (or the objective stalls, or {@code maxIterations}); each pass over the rows runs on the
   * blocks of {@code rb}, with the same result on any number of threads.
   */
  Restart run(long seed, int steps, Workspace ws, RowBlocks rb) {
    return iterate(seedCenters(seed, ws), steps, ws, rb);
  }

  /**
   * Continues a restart that stopped at its step cap, up to {@code maxIterations} steps in all;
   * returns it unchanged when it had converged or has no steps left.
   */
  Restart resume(Restart r, Workspace ws, RowBlocks rb) {
    int left = maxIterations - r.iterations();
    if (r.resume() == null || left <= 0) {
      return r;
    }
    Restart more = iterate(r.resume(), left, ws, rb);
    double[] history = Arrays.copyOf(r.objectiveHistory(), r.iterations() + more.iterations());
    System.arraycopy(more.objectiveHistory(), 0, history, r.iterations(), more.iterations());
    return new Restart(more.centers(), more.objective(), history.length, history, more.resume());
  }

  /**
   * Concentration steps from centres {@code start}, at most {@code steps} of them (stopping early
   * on convergence).
   */
  Restart iterate(double[] start, int steps, Workspace ws, RowBlocks rb) {
    double[] c = start;
    Arrays.fill(ws.trimmed, false);
    double[] sums = new double[k * d];
    int[] counts = new int[k];
    HamerlyStep step = null;
    double[] history = new double[steps];
    double prev = Double.POSITIVE_INFINITY;
    int iter = 0;
    double obj;
    boolean full = true;
    int transferRounds = 0;
    double[] resume = null;
    while (true) {
      if (full) {
        Arrays.fill(sums, 0);
        Arrays.fill(counts, 0);
      }
      int changes = assign(c, full, step, ws, rb);
      int trimChanges = trimCount == 0 ? 0 : trim(ws, rb);
      if (full && iter == 0) {
        trimChanges = n;
      }
      obj = combine(ws, rb.blocks(), sums, counts);
      history[iter++] = obj;
      boolean stable = !full && changes == 0 && trimChanges == 0;
      boolean stalled = prev - obj <= tolerance * obj;
      full = false;
      prev = obj;
      if (!stable && !stalled && iter >= steps) {
        resume = means(sums, counts, c);
        reseedEmpty(resume, counts, ws);
        break;
      }
      if (stable || stalled) {
        if (iter >= steps || transferRounds >= MAX_TRANSFER_ROUNDS
            || n > TRANSFER_MAX_ROWS) {
          break;
        }
        double[] improved = transfer(ws);
        if (improved == null) {
          break;
        }
        transferRounds++;
        c = improved;
        full = true;
        continue;
      }
      double[] next = means(sums, counts, c);
      if (reseedEmpty(next, counts, ws)) {
        full = true; // labels were changed outside the sums: recount from scratch
      }
      step = HamerlyStep.between(c, next, k, d);
      c = next;
    }
    return new Restart(c, obj, iter, Arrays.copyOf(history, iter), resume);
  }

  /**
   * Assigns every point to its nearest centre (lowest index on ties) with exact squared distances
   * summed in index order, and trims; used for the final answer so it never depends on bound
   * bookkeeping, and so that {@link ClusterFit#assignScaled} reproduces it bit for bit. Labels,
   * distances and trim flags are left in {@code ws}; returns the objective.
   */
  double finish(double[] c, Workspace ws, RowBlocks rb) {
    Arrays.fill(ws.trimmed, false);
    rb.forEach((b, from, to) -> assignFullBlock(b, from, to, c, true, ws));
    if (trimCount > 0) {
      trim(ws, rb);
    }
    return combine(ws, rb.blocks(), new double[k * d], new int[k]);
  }

  private double[] seedCenters(long seed, Workspace ws) {
    SampledSeeding seeding = SampledSeeding.start(seed, n);
    if (!seeding.sampled()) {
      return seeding.centresFromAll(x, d, k, trimCount, ws.d2, ws.scratch);
    }
    int[] rows = seeding.rows();
    double[] sample = new double[rows.length * d];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(x, rows[r] * d, sample, r * d, d);
    }
    double[] c = seeding.centres(sample, d, k, trimCount);
    return c != null ? c : seeding.centresFromAll(x, d, k, trimCount, ws.d2, ws.scratch);
  }

  // ---- assignment ------------------------------------------------------------------------

  /**
   * One assignment pass over all blocks: labels, squared distances to the own centre, Hamerly
   * lower bounds, and per-block centre sums and counts over all points (trimmed ones are
   * subtracted by {@link #trim}). Returns the number of points whose centre changed.
   */
  private int assign(double[] c, boolean full, HamerlyStep step, Workspace ws, RowBlocks rb) {
    if (full) {
      rb.forEach((b, from, to) -> assignFullBlock(b, from, to, c, false, ws));
      return n;
    }
    rb.forEach((b, from, to) -> assignBoundedBlock(b, from, to, step, ws));
    int changes = 0;
    for (int b = 0; b < rb.blocks(); b++) {
      changes += ws.blockChanges[b];
    }
    return changes;
  }

  /** Zeroes block b's sums and counts; returns the offset of its sums. */
  private int clearBlock(Workspace ws, int b) {
    int so = b * k * d;
    Arrays.fill(ws.blockSums, so, so + k * d, 0);
    Arrays.fill(ws.blockCounts, b * k, b * k + k, 0);
    return so;
  }

  /**
   * Full assignment of one block; {@code indexOrder} selects the distance summed in index order
   * (for the reported final distances, see {@link SquaredEuclidean#inIndexOrder}).
   */
  private void assignFullBlock(int b, int from, int to, double[] c, boolean indexOrder,
                               Workspace ws) {
    int[] label = ws.labels;
    boolean[] trimmed = ws.trimmed;
    double[] d2 = ws.d2;
    double[] lower = ws.lower;
    double[] sums = ws.blockSums;
    int[] counts = ws.blockCounts;
    int so = clearBlock(ws, b);
    int co = b * k;
    double obj = 0;
    double[] near = new double[2];
    for (int i = from, p = from * d; i < to; i++, p += d) {
      int a = SquaredEuclidean.nearest(x, p, c, k, d, indexOrder, near);
      double best = near[0];
      label[i] = a;
      d2[i] = best;
      lower[i] = Math.sqrt(near[1]);
      obj += best;
      if (!trimmed[i]) {
        addRow(sums, so + a * d, p);
        counts[co + a]++;
      }
    }
    ws.blockChanges[b] = to - from;
    ws.blockObjective[b] = obj;
  }

  /**
   * Hamerly-bounded assignment of one block ({@link HamerlyStep}, the kernel the Spark engine
   * runs too); the block's sums and counts receive only the changes (kept points that moved to
   * another centre).
   */
  private void assignBoundedBlock(int b, int from, int to, HamerlyStep step, Workspace ws) {
    BlockMoves moves = new BlockMoves(ws, clearBlock(ws, b), b * k);
    ws.blockObjective[b] = step.reassign(x, from, to, ws.labels, ws.d2, ws.lower, moves);
    ws.blockChanges[b] = moves.changes;
  }

  /** Counts a block's relabelled rows and moves the kept ones between its centre sums. */
  private final class BlockMoves implements HamerlyStep.Moves {
    private final boolean[] trimmed;
    private final double[] sums;
    private final int[] counts;
    private final int so;
    private final int co;
    int changes;

    BlockMoves(Workspace ws, int so, int co) {
      this.trimmed = ws.trimmed;
      this.sums = ws.blockSums;
      this.counts = ws.blockCounts;
      this.so = so;
      this.co = co;
    }

    @Override
    public void moved(int row, int from, int to) {
      changes++;
      if (!trimmed[row]) {
        moveRow(sums, so + from * d, so + to * d, row * d);
        counts[co + from]--;
        counts[co + to]++;
      }
    }
  }

  /**
   * Adds the per-block sums and counts (changes since the last pass, or everything after a full
   * pass from zero) in block order to {@code sums} and {@code counts}; returns the objective, the
   * per-block objectives added in block order.
   */
  private double combine(Workspace ws, int blocks, double[] sums, int[] counts) {
    double obj = 0;
    int kd = k * d;
    for (int b = 0; b < blocks; b++) {
      int so = b * kd;
      for (int q = 0; q < kd; q++) {
        sums[q] += ws.blockSums[so + q];
      }
      for (int j = 0; j < k; j++) {
        counts[j] += ws.blockCounts[b * k + j];
      }
      obj += ws.blockObjective[b];
    }
    return obj;
  }

  /** Moves row {@code x[p..p+d)} from the sums at {@code from} to those at {@code to}. */
  private void moveRow(double[] sums, int from, int to, int p) {
    for (int j = 0; j < d; j++) {
      double v = x[p + j];
      sums[from + j] -= v;
      sums[to + j] += v;
    }
  }

  /** Adds row {@code x[p..p+d)} to {@code sums[o..o+d)}. */
  private void addRow(double[] sums, int o, int p) {
    for (int j = 0; j < d; j++) {
      sums[o + j] += x[p + j];
    }
  }

  // ---- single-point transfers -------------------------------------------------------------

  /**
   * Hartigan–Wong style single-point transfers on the kept points of a converged Lloyd partition:
   * moving point x from cluster A (size a) to B (size b) changes the sum of squares by
   * {@code b/(b+1) |x - c_B|^2 - a/(a-1) |x - c_A|^2}; every strictly improving move is made, with
   * the means updated at once, pass after pass until none is left. Lloyd steps alone stop at
   * partitions that such a move still improves (common on binary data). Returns the new means, or
   * null when no point moved.
   */
  private double[] transfer(Workspace ws) {
    int[] label = ws.labels;
    boolean[] trimmed = ws.trimmed;
    double[] mean = new double[k * d];
    int[] cnt = new int[k];
    for (int i = 0; i < n; i++) {
      if (!trimmed[i]) {
        addRow(mean, label[i] * d, i * d);
        cnt[label[i]]++;
      }
    }
    for (int j = 0; j < k; j++) {
      for (int q = 0; q < d && cnt[j] > 0; q++) {
        mean[j * d + q] /= cnt[j];
      }
    }
    int moves = 0;
    // the size factors a/(a-1) and b/(b+1) of every cluster, recomputed only when its size
    // changes (the same divisions as at each use, done once per size instead of per point)
    double[] shrink = new double[k];
    double[] grow = new double[k];
    for (int j = 0; j < k; j++) {
      sizeFactors(cnt, j, shrink, grow);
    }
    for (int pass = 0; pass < MAX_TRANSFER_PASSES; pass++) {
      int passMoves = 0;
      for (int i = 0, p = 0; i < n; i++, p += d) {
        int a = label[i];
        if (trimmed[i] || cnt[a] <= 1) {
          continue;
        }
        double remove = shrink[a] * SquaredEuclidean.between(x, p, mean, a * d, d);
        double bestAdd = remove * (1 - 1e-12);
        int best = -1;
        for (int b = 0; b < k; b++) {
          if (b == a) {
            continue;
          }
          double add = grow[b] * SquaredEuclidean.between(x, p, mean, b * d, d);
          if (add < bestAdd) {
            bestAdd = add;
            best = b;
          }
        }
        if (best >= 0) {
          for (int q = 0; q < d; q++) {
            double v = x[p + q];
            mean[a * d + q] = (mean[a * d + q] * cnt[a] - v) / (cnt[a] - 1);
            mean[best * d + q] = (mean[best * d + q] * cnt[best] + v) / (cnt[best] + 1);
          }
          cnt[a]--;
          cnt[best]++;
          sizeFactors(cnt, a, shrink, grow);
          sizeFactors(cnt, best, shrink, grow);
          label[i] = best;
          passMoves++;
        }
      }
      moves += passMoves;
      if (passMoves == 0) {
        break;
      }
    }
    return moves == 0 ? null : mean;
  }

  /**
   * Cluster j's factors in the transfer's change of the sum of squares: {@code a / (a - 1)} for
   * removing a point (unused at one member, where no point leaves) and {@code b / (b + 1)} for
   * adding one, a and b its size.
   */
  private static void sizeFactors(int[] cnt, int j, double[] shrink, double[] grow) {
    shrink[j] = cnt[j] / (cnt[j] - 1.0);
    grow[j] = cnt[j] / (cnt[j] + 1.0);
  }

  // ---- trimming --------------------------------------------------------------------------

  /**
   * Marks the trimCount largest distances as trimmed (ties: the lowest rows are kept), updates the
   * block sums for the points whose flag changed, and leaves the kept objective per block;
   * returns how many trim flags changed.
   */
  private int trim(Workspace ws, RowBlocks rb) {
    threshold(ws, rb);
    rb.forEach((b, from, to) -> trimBlock(b, from, to, ws));
    int changes = 0;
    for (int b = 0; b < rb.blocks(); b++) {
      changes += ws.blockChanges[b];
    }
    return changes;
  }

  private void trimBlock(int b, int from, int to, Workspace ws) {
    double[] d2 = ws.d2;
    boolean[] trimmed = ws.trimmed;
    int[] label = ws.labels;
    double[] sums = ws.blockSums;
    int[] counts = ws.blockCounts;
    double t = ws.threshold;
    int tieCut = ws.tieCut;
    int so = b * k * d;
    int co = b * k;
    int changes = 0;
    double obj = 0;
    for (int i = from; i < to; i++) {
      double v = d2[i];
      boolean out = v > t || (v == t && i > tieCut);
      if (out != trimmed[i]) {
        changes++;
        trimmed[i] = out;
        int o = so + label[i] * d;
        int p = i * d;
        if (out) {
          for (int j = 0; j < d; j++) {
            sums[o + j] -= x[p + j];
          }
          counts[co + label[i]]--;
        } else {
          addRow(sums, o, p);
          counts[co + label[i]]++;
        }
      }
      if (!out) {
        obj += v;
      }
    }
    ws.blockChanges[b] = changes;
    ws.blockObjective[b] = obj;
  }

  /**
   * Finds the trim threshold t, the largest kept squared distance (the (h-1)-th smallest, h = n -
   * trimCount), and the tie cut (the row of the last kept point at exactly t), without sorting:
   * below {@link #SAMPLED_SELECTION_ROWS} rows with at most a tenth trimmed, from the few
   * distances near the last threshold or above it ({@code smallThreshold}); on large data a
   * regular sample of 8192 distances brackets the wanted rank (margin: 4 standard deviations of
   * the sample quantile), one parallel pass gathers the distances inside the bracket and counts
   * those below, and selection on the gathered few gives t exactly (when the bracket misses, which
   * is very unlikely, everything is gathered).
   */
  private void threshold(Workspace ws, RowBlocks rb) {
    double[] d2 = ws.d2;
    int rank = n - trimCount - 1;
    if (n < SAMPLED_SELECTION_ROWS && Selection.nearTop(n, rank)) {
      smallThreshold(ws, rank);
      return;
    }
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    if (n >= SAMPLED_SELECTION_ROWS) {
      int samples = 8192;
      double[] s = new double[samples];
      for (int i = 0; i < samples; i++) {
        s[i] = d2[(int) ((long) i * n / samples)];
      }
      Arrays.sort(s);
      double q = (double) rank / n;
      double margin = 4 * Math.sqrt(q * (1 - q) * samples) + 8;
      int loIdx = (int) Math.floor(q * samples - margin);
      int hiIdx = (int) Math.ceil(q * samples + margin);
      lo = loIdx <= 0 ? Double.NEGATIVE_INFINITY : s[loIdx];
      hi = hiIdx >= samples - 1 ? Double.POSITIVE_INFINITY : s[hiIdx];
    }
    long gathered = gather(lo, hi, ws, rb);
    int less = (int) (gathered >>> 32);
    int inside = (int) gathered;
    if (rank < less || rank >= less + inside) {
      gathered = gather(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, ws, rb);
      less = 0;
      inside = (int) gathered;
    }
    double[] g = ws.scratch;
    double t = Selection.kthSmallest(g, inside, rank - less);
    int below = less;
    int equal = 0;
    for (int i = 0; i < inside; i++) {
      if (g[i] < t) {
        below++;
      } else if (g[i] == t) {
        equal++;
      }
    }
    setThreshold(ws, t, rank + 1 - below, equal);
  }

  /**
   * The threshold on small data with few trimmed (the default 5%), where a pass over the
   * distances costs more than anything done with the few largest: the distances from a bound
   * {@code lo} up are gathered in one pass (no branch: each is written and the write position
   * advances only for those kept), and t is selected among them. The bound is
   * {@link #GUESS_MARGIN} times the workspace's last threshold, from the previous step of this
   * restart (or of an earlier one), which moves little from step to step; when fewer than
   * {@code n - rank} distances reach it (the threshold fell further, or there is none yet), t
   * comes from a heap of the largest distances ({@link Selection#fromTop}) instead. Either way t
   * is exactly the rank-th smallest distance, and the counts below and at t are exact, so the
   * trim does not depend on the bound.
   */
  private void smallThreshold(Workspace ws, int rank) {
    double[] d2 = ws.d2;
    double[] g = ws.scratch;
    int top = n - rank;
    double lo = ws.threshold * GUESS_MARGIN;
    if (lo > 0) {
      int w = 0;
      for (int i = 0; i < n; i++) {
        double v = d2[i];
        g[w] = v;
        w += v >= lo ? 1 : 0;
      }
      if (w >= top) {
        // every distance >= t is among the w gathered (t >= lo): t is their top-th largest
        double t = Selection.kthSmallest(g, w, w - top);
        int atLeast = 0;
        int equal = 0;
        for (int i = 0; i < w; i++) {
          double v = g[i];
          if (v >= t) {
            atLeast++;
            if (v == t) {
              equal++;
            }
          }
        }
        setThreshold(ws, t, rank + 1 - (n - atLeast), equal);
        return;
      }
    }
    double t = Selection.fromTop(d2, n, rank, g);
    int below = 0;
    int equal = 0;
    for (int i = 0; i < n; i++) {
      double v = d2[i];
      if (v < t) {
        below++;
      } else if (v == t) {
        equal++;
      }
    }
    setThreshold(ws, t, rank + 1 - below, equal);
  }

  /**
   * Stores threshold t and the tie cut: when more points lie exactly at t ({@code equal}) than
   * are kept there ({@code keepEqual}), the row of the last kept one (lowest rows kept).
   */
  private void setThreshold(Workspace ws, double t, int keepEqual, int equal) {
    double[] d2 = ws.d2;
    int tieCut = n;
    if (equal > keepEqual) {
      for (int i = 0; i < n; i++) {
        if (d2[i] == t && --keepEqual == 0) {
          tieCut = i;
          break;
        }
      }
    }
    ws.threshold = t;
    ws.tieCut = tieCut;
  }

  /**
   * Copies the distances in [lo, hi] to the front of the scratch array (block by block, in block
   * order) and counts those below lo; returns {@code (below << 32) | inside}.
   */
  private long gather(double lo, double hi, Workspace ws, RowBlocks rb) {
    double[] d2 = ws.d2;
    double[] g = ws.scratch;
    rb.forEach((b, from, to) -> {
      int less = 0;
      int w = from;
      for (int i = from; i < to; i++) {
        double v = d2[i];
        if (v < lo) {
          less++;
        } else if (v <= hi) {
          g[w++] = v;
        }
      }
      ws.blockLess[b] = less;
      ws.blockInside[b] = w - from;
    });
    long less = 0;
    int inside = 0;
    for (int b = 0; b < rb.blocks(); b++) {
      less += ws.blockLess[b];
      int m = ws.blockInside[b];
      System.arraycopy(g, b * RowBlocks.BLOCK_ROWS, g, inside, m);
      inside += m;
    }
    return (less << 32) | inside;
  }

  // ---- centre update ---------------------------------------------------------------------

  private double[] means(double[] sums, int[] counts, double[] old) {
    double[] next = new double[k * d];
    for (int j = 0; j < k; j++) {
      if (counts[j] == 0) {
        System.arraycopy(old, j * d, next, j * d, d);
        continue;
      }
      double inv = 1.0 / counts[j];
      for (int q = 0; q < d; q++) {
        next[j * d + q] = sums[j * d + q] * inv;
      }
    }
    return next;
  }

  /**
   * An empty cluster (no kept point) is moved onto the kept point farthest from its centre
   * (lowest row on ties; never the same point twice): deterministic, and it cannot increase the
   * objective because that point's distance drops to zero. Returns whether any cluster was
   * reseeded.
   */
  private boolean reseedEmpty(double[] c, int[] counts, Workspace ws) {
    double[] d2 = ws.d2;
    boolean[] trimmed = ws.trimmed;
    boolean any = false;
    for (int j = 0; j < k; j++) {
      if (counts[j] != 0) {
        continue;
      }
      int far = -1;
      for (int i = 0; i < n; i++) {
        if (!trimmed[i] && (far < 0 || d2[i] > d2[far])) {
          far = i;
        }
      }
      System.arraycopy(x, far * d, c, j * d, d);
      d2[far] = 0; // so a second empty cluster picks another point
      ws.labels[far] = j;
      ws.lower[far] = 0; // its bound referred to the old centre: force an exact check
      counts[j] = 1;
      any = true;
    }
    return any;
  }
}
