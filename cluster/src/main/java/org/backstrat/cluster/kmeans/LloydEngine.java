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
 * subtracted, so the data are read once per step.
 */
final class LloydEngine {
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
    double[] c = seed(new SplittableRandom(seed), ws);
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
    while (true) {
      Arrays.fill(sums, 0);
      Arrays.fill(counts, 0);
      int changes = iter == 0 ? n : assignBounded(c, delta, half, sums, counts, ws);
      if (iter == 0) {
        assignFull(c, sums, counts, label, d2, lower);
      }
      int trimChanges = trim(sums, counts, ws, iter == 0);
      obj = keptSum(d2, trimmed);
      history[iter] = obj;
      iter++;
      if (iter > 1 && changes == 0 && trimChanges == 0) {
        break;
      }
      if (prev - obj <= tolerance * obj || iter >= maxIterations) {
        break;
      }
      prev = obj;
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

  // ---- seeding ---------------------------------------------------------------------------

  /**
   * k-means++ (Arthur &amp; Vassilvitskii 2007) with one robustness change: when trimming, the
   * floor(alpha n) points with the largest D^2 get weight 0 at each draw, so that gross outliers
   * (which dominate D^2) are not chosen as initial centres.
   */
  private double[] seed(SplittableRandom rng, Workspace ws) {
    double[] c = new double[k * d];
    double[] dmin = ws.d2;
    int first = rng.nextInt(n);
    System.arraycopy(x, first * d, c, 0, d);
    for (int i = 0; i < n; i++) {
      dmin[i] = SquaredEuclidean.between(x, i * d, c, 0, d);
    }
    for (int j = 1; j < k; j++) {
      double cap = Double.POSITIVE_INFINITY;
      if (trimCount > 0) {
        System.arraycopy(dmin, 0, ws.scratch, 0, n);
        cap = Selection.kthSmallest(ws.scratch, n, n - trimCount - 1);
      }
      double total = 0;
      for (int i = 0; i < n; i++) {
        double v = dmin[i];
        if (v <= cap) {
          total += v;
        }
      }
      int chosen = -1;
      if (total > 0) {
        double r = rng.nextDouble() * total;
        double acc = 0;
        for (int i = 0; i < n; i++) {
          double v = dmin[i];
          if (v <= cap && v > 0) {
            acc += v;
            chosen = i;
            if (acc > r) {
              break;
            }
          }
        }
      } else {
        chosen = uniformAmongPositive(rng, dmin);
      }
      System.arraycopy(x, chosen * d, c, j * d, d);
      for (int i = 0; i < n; i++) {
        double v = SquaredEuclidean.between(x, i * d, c, j * d, d);
        if (v < dmin[i]) {
          dmin[i] = v;
        }
      }
    }
    return c;
  }

  private int uniformAmongPositive(SplittableRandom rng, double[] dmin) {
    int positive = 0;
    for (int i = 0; i < n; i++) {
      if (dmin[i] > 0) {
        positive++;
      }
    }
    if (positive == 0) {
      throw new IllegalStateException("fewer distinct points than clusters; checked before");
    }
    int target = rng.nextInt(positive);
    for (int i = 0; i < n; i++) {
      if (dmin[i] > 0 && target-- == 0) {
        return i;
      }
    }
    throw new AssertionError();
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
    System.arraycopy(d2, 0, scratch, 0, n);
    return Selection.kthSmallest(scratch, n, n - trimCount - 1);
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
