package org.backstrat.cluster.kmeans;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.backstrat.cluster.data.SquaredEuclidean;

/**
 * One restart of trimmed k-means (plain k-means when nothing is trimmed): trimmed k-means++
 * seeding, then concentration steps (García-Escudero &amp; Gordaliza; as trimcluster and tclust):
 * assign every point to its nearest centre, keep the {@code h = n - floor(alpha n)} nearest
 * points, move each centre to the mean of its kept points. Each step cannot increase the trimmed
 * objective.
 *
 * <p>Speed: Hamerly's bounds skip the distances to the other centres for points that provably
 * keep their centre (the distance to the own centre is always computed exactly, because the trim
 * needs it); the trim threshold comes from a linear-time selection, not a sort; centre sums are
 * accumulated during the assignment pass over all points and the few trimmed points are then
 * subtracted, so the data are read once per step. When Lloyd steps stop, single-point
 * (Hartigan–Wong style) transfers polish the partition, and the steps resume if any point moved.
 */
final class LloydEngine {
  /** Cap on the rounds of single-point transfers per restart. */
  private static final int MAX_TRANSFER_ROUNDS = 2;
  /**
   * Transfers are skipped above this many rows: with many points per cluster a single point
   * changes the objective by O(1/n), and the extra pass over the data is not worth it.
   */
  static final int TRANSFER_MAX_ROWS = 100_000;
  /**
   * Above this many rows, k-means++ seeding runs on a uniform random sample of this size (drawn
   * with the restart's own random stream), which saves k passes over the data per restart; Lloyd
   * steps on all rows follow.
   */
  static final int SEED_SAMPLE_ROWS = 50_000;
  /** Cap on the passes over the data within one round of transfers. */
  private static final int MAX_TRANSFER_PASSES = 10;
  private final double[] x;
  private final int n;
  private final int d;
  private final int k;
  private final int trimCount;
  private final int maxIterations;
  private final double tolerance;

  /** Per-thread scratch memory, reused across restarts (contents never carry over). */
  static final class Workspace {
    final int[] labels;
    final double[] d2;
    final double[] lower;
    final double[] scratch;
    final boolean[] trimmed;

    Workspace(int n) {
      labels = new int[n];
      d2 = new double[n];
      lower = new double[n];
      scratch = new double[n];
      trimmed = new boolean[n];
    }
  }

  /** What one restart found: its final centres and their trimmed objective. */
  record Restart(double[] centers, double objective, int iterations, double[] objectiveHistory) {
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

  Restart run(long seed, Workspace ws) {
    double[] c = seedCenters(new SplittableRandom(seed), ws);
    int[] label = ws.labels;
    double[] d2 = ws.d2;
    double[] lower = ws.lower;
    boolean[] trimmed = ws.trimmed;
    Arrays.fill(trimmed, false);
    double[] sums = new double[k * d];
    int[] counts = new int[k];
    double[] delta = new double[k];
    double[] half = new double[k];
    double[] history = new double[maxIterations];
    double prev = Double.POSITIVE_INFINITY;
    int iter = 0;
    double obj;
    boolean full = true;
    int transferRounds = 0;
    while (true) {
      Arrays.fill(sums, 0);
      Arrays.fill(counts, 0);
      int changes;
      if (full) {
        assignFull(c, sums, counts, label, d2, lower);
        changes = n;
      } else {
        changes = assignBounded(c, delta, half, sums, counts, ws);
      }
      int trimChanges = trim(sums, counts, ws, iter == 0);
      obj = keptSum(d2, trimmed);
      history[iter++] = obj;
      boolean stable = !full && changes == 0 && trimChanges == 0;
      boolean stalled = prev - obj <= tolerance * obj;
      full = false;
      prev = obj;
      if (stable || stalled || iter >= maxIterations) {
        if (iter >= maxIterations || transferRounds >= MAX_TRANSFER_ROUNDS
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
      reseedEmpty(next, counts, ws);
      moved(c, next, delta);
      c = next;
      halfSeparations(c, half);
    }
    return new Restart(c, obj, iter, Arrays.copyOf(history, iter));
  }

  /**
   * Assigns every point to its nearest centre (lowest index on ties) with exact squared distances,
   * and trims; used for the final answer so it never depends on bound bookkeeping.
   */
  double finish(double[] c, int[] label, double[] d2, boolean[] trimmed, double[] scratch) {
    double[] sums = new double[k * d];
    int[] counts = new int[k];
    double[] lower = new double[n];
    assignFull(c, sums, counts, label, d2, lower);
    Arrays.fill(trimmed, false);
    if (trimCount > 0) {
      double t = threshold(d2, scratch);
      markTrimmed(d2, t, trimmed);
    }
    return keptSum(d2, trimmed);
  }

  private double[] seedCenters(SplittableRandom rng, Workspace ws) {
    if (n <= SEED_SAMPLE_ROWS) {
      return Seeding.kMeansPlusPlus(x, n, d, k, trimCount, rng, ws.d2, ws.scratch);
    }
    int m = SEED_SAMPLE_ROWS;
    double[] sample = new double[m * d];
    for (int r = 0; r < m; r++) {
      System.arraycopy(x, rng.nextInt(n) * d, sample, r * d, d);
    }
    int sampleTrim = (int) Math.floor((double) trimCount / n * m);
    if (Clusterer.distinctRowsUpTo(
        org.backstrat.cluster.data.FeatureMatrix.wrap(m, d, sample,
            org.backstrat.cluster.data.FeatureMatrix.defaultNames(d)), k) < k) {
      return Seeding.kMeansPlusPlus(x, n, d, k, trimCount, rng, ws.d2, ws.scratch);
    }
    return Seeding.kMeansPlusPlus(sample, m, d, k, sampleTrim, rng, new double[m], new double[m]);
  }

  // ---- assignment ------------------------------------------------------------------------

  private void assignFull(double[] c, double[] sums, int[] counts, int[] label, double[] d2,
                          double[] lower) {
    for (int i = 0, p = 0; i < n; i++, p += d) {
      double best = Double.POSITIVE_INFINITY;
      double second = Double.POSITIVE_INFINITY;
      int a = 0;
      for (int j = 0; j < k; j++) {
        double v = SquaredEuclidean.between(x, p, c, j * d, d);
        if (v < best) {
          second = best;
          best = v;
          a = j;
        } else if (v < second) {
          second = v;
        }
      }
      label[i] = a;
      d2[i] = best;
      lower[i] = Math.sqrt(second);
      addRow(sums, a, p);
      counts[a]++;
    }
  }

  /** Hamerly-bounded assignment; returns the number of points whose centre changed. */
  private int assignBounded(double[] c, double[] delta, double[] half, double[] sums,
                            int[] counts, Workspace ws) {
    int[] label = ws.labels;
    double[] d2 = ws.d2;
    double[] lower = ws.lower;
    int maxJ = 0;
    for (int j = 1; j < k; j++) {
      if (delta[j] > delta[maxJ]) {
        maxJ = j;
      }
    }
    double maxDelta = delta[maxJ];
    double secondDelta = 0;
    for (int j = 0; j < k; j++) {
      if (j != maxJ && delta[j] > secondDelta) {
        secondDelta = delta[j];
      }
    }
    int changes = 0;
    for (int i = 0, p = 0; i < n; i++, p += d) {
      int a = label[i];
      double lb = lower[i] - (a == maxJ ? secondDelta : maxDelta);
      double own2 = SquaredEuclidean.between(x, p, c, a * d, d);
      double own = Math.sqrt(own2);
      if (own <= lb || own <= half[a]) {
        lower[i] = lb;
        d2[i] = own2;
      } else {
        double best = own2;
        double second = Double.POSITIVE_INFINITY;
        int b = a;
        for (int j = 0; j < k; j++) {
          if (j == a) {
            continue;
          }
          double v = SquaredEuclidean.between(x, p, c, j * d, d);
          if (v < best) {
            second = best;
            best = v;
            b = j;
          } else if (v < second) {
            second = v;
          }
        }
        if (b != a) {
          changes++;
          label[i] = b;
        }
        d2[i] = best;
        lower[i] = Math.sqrt(second);
      }
      addRow(sums, label[i], p);
      counts[label[i]]++;
    }
    return changes;
  }

  private void addRow(double[] sums, int cluster, int p) {
    int o = cluster * d;
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
        addRow(mean, label[i], i * d);
        cnt[label[i]]++;
      }
    }
    for (int j = 0; j < k; j++) {
      for (int q = 0; q < d && cnt[j] > 0; q++) {
        mean[j * d + q] /= cnt[j];
      }
    }
    int moves = 0;
    for (int pass = 0; pass < MAX_TRANSFER_PASSES; pass++) {
      int passMoves = 0;
      for (int i = 0, p = 0; i < n; i++, p += d) {
        int a = label[i];
        if (trimmed[i] || cnt[a] <= 1) {
          continue;
        }
        double remove = cnt[a] / (cnt[a] - 1.0) * SquaredEuclidean.between(x, p, mean, a * d, d);
        double bestAdd = remove * (1 - 1e-12);
        int best = -1;
        for (int b = 0; b < k; b++) {
          if (b == a) {
            continue;
          }
          double add = cnt[b] / (cnt[b] + 1.0) * SquaredEuclidean.between(x, p, mean, b * d, d);
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

  // ---- trimming --------------------------------------------------------------------------

  /**
   * Marks the trimCount largest distances as trimmed and removes them from the centre sums;
   * returns how many trim flags changed since the last step.
   */
  private int trim(double[] sums, int[] counts, Workspace ws, boolean firstStep) {
    if (trimCount == 0) {
      return 0;
    }
    double[] d2 = ws.d2;
    boolean[] trimmed = ws.trimmed;
    double t = threshold(d2, ws.scratch);
    int keepEqual = equalToKeep(d2, t);
    int changes = 0;
    for (int i = 0; i < n; i++) {
      double v = d2[i];
      boolean out;
      if (v > t) {
        out = true;
      } else if (v == t) {
        out = keepEqual-- <= 0;
      } else {
        out = false;
      }
      if (out != trimmed[i]) {
        changes++;
        trimmed[i] = out;
      }
      if (out) {
        int a = ws.labels[i];
        int o = a * d;
        int p = i * d;
        for (int j = 0; j < d; j++) {
          sums[o + j] -= x[p + j];
        }
        counts[a]--;
      }
    }
    return firstStep ? n : changes;
  }

  /** The largest kept squared distance: the (h-1)-th smallest, h = n - trimCount. */
  private double threshold(double[] d2, double[] scratch) {
    return Selection.kthSmallest(d2, n, n - trimCount - 1, scratch);
  }

  /** How many points at exactly the threshold are kept (the first ones by row index). */
  private int equalToKeep(double[] d2, double t) {
    int less = 0;
    for (int i = 0; i < n; i++) {
      if (d2[i] < t) {
        less++;
      }
    }
    return n - trimCount - less;
  }

  private void markTrimmed(double[] d2, double t, boolean[] trimmed) {
    int keepEqual = equalToKeep(d2, t);
    for (int i = 0; i < n; i++) {
      double v = d2[i];
      trimmed[i] = v > t || (v == t && keepEqual-- <= 0);
    }
  }

  private static double keptSum(double[] d2, boolean[] trimmed) {
    double s = 0;
    for (int i = 0; i < d2.length; i++) {
      if (!trimmed[i]) {
        s += d2[i];
      }
    }
    return s;
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
   * objective because that point's distance drops to zero.
   */
  private void reseedEmpty(double[] c, int[] counts, Workspace ws) {
    double[] d2 = ws.d2;
    boolean[] trimmed = ws.trimmed;
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
    }
  }

  private void moved(double[] c, double[] next, double[] delta) {
    for (int j = 0; j < k; j++) {
      delta[j] = Math.sqrt(SquaredEuclidean.between(c, j * d, next, j * d, d));
    }
  }

  private void halfSeparations(double[] c, double[] half) {
    for (int j = 0; j < k; j++) {
      double m = Double.POSITIVE_INFINITY;
      for (int q = 0; q < k; q++) {
        if (q != j) {
          m = Math.min(m, SquaredEuclidean.between(c, j * d, c, q * d, d));
        }
      }
      half[j] = 0.5 * Math.sqrt(m);
    }
  }
}
