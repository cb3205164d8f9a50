package org.backstrat.spark.kmeans;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.backstrat.cluster.data.SquaredEuclidean;

/**
 * The driver-side end of k-means||: k centres from the weighted candidates (weight = rows whose
 * nearest candidate it is, trimmed rows not counted): weighted k-means++ in which the candidates
 * with the largest squared distances, holding together up to {@code trimCount} rows, get no
 * chance (the single-machine trimmed k-means++ rule, by weight), then weighted trimmed Lloyd
 * steps on the candidates.
 */
final class LocalSeeding {
  /** Weighted Lloyd steps on the candidates. */
  static final int LLOYD_STEPS = 10;

  private LocalSeeding() {
  }

  static double[] centres(double[] cand, long[] weights, int d, int k, long trimCount,
                          SplittableRandom rng, Supplier<double[]> randomRow) {
    int m = weights.length;
    int positive = 0;
    for (long w : weights) {
      positive += w > 0 ? 1 : 0;
    }
    if (positive < k) {
      // too few candidates own rows (tiny or highly tied data): add random rows
      double[] more = Arrays.copyOf(cand, (m + k) * d);
      long[] moreW = Arrays.copyOf(weights, m + k);
      for (int j = 0; j < k; j++) {
        System.arraycopy(randomRow.get(), 0, more, (m + j) * d, d);
        moreW[m + j] = 1;
      }
      cand = more;
      weights = moreW;
      m += k;
    }
    double[] c = new double[k * d];
    double[] dmin = new double[m];
    int first = pickByWeight(rng, weights, null);
    System.arraycopy(cand, first * d, c, 0, d);
    for (int i = 0; i < m; i++) {
      dmin[i] = SquaredEuclidean.between(cand, i * d, c, 0, d);
    }
    for (int j = 1; j < k; j++) {
      boolean[] excluded = largestHolding(dmin, weights, trimCount);
      double[] p = new double[m];
      for (int i = 0; i < m; i++) {
        p[i] = excluded[i] ? 0 : weights[i] * dmin[i];
      }
      int chosen = pickByWeight(rng, null, p);
      if (chosen < 0) {
        for (int i = 0; i < m && chosen < 0; i++) {
          chosen = dmin[i] > 0 && weights[i] > 0 ? i : -1;
        }
        chosen = chosen < 0 ? 0 : chosen;
      }
      System.arraycopy(cand, chosen * d, c, j * d, d);
      for (int i = 0; i < m; i++) {
        dmin[i] = Math.min(dmin[i], SquaredEuclidean.between(cand, i * d, c, j * d, d));
      }
    }
    return lloyd(cand, weights, d, k, trimCount, c);
  }

  private static double[] lloyd(double[] cand, long[] weights, int d, int k, long trimCount,
                                double[] start) {
    int m = weights.length;
    double[] c = start.clone();
    int[] label = new int[m];
    double[] d2 = new double[m];
    for (int step = 0; step < LLOYD_STEPS; step++) {
      for (int i = 0; i < m; i++) {
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
          double v = SquaredEuclidean.between(cand, i * d, c, j * d, d);
          if (v < best) {
            best = v;
            label[i] = j;
          }
        }
        d2[i] = best;
      }
      boolean[] out = largestHolding(d2, weights, trimCount);
      double[] sums = new double[k * d];
      double[] w = new double[k];
      for (int i = 0; i < m; i++) {
        if (out[i] || weights[i] == 0) {
          continue;
        }
        for (int q = 0; q < d; q++) {
          sums[label[i] * d + q] += weights[i] * cand[i * d + q];
        }
        w[label[i]] += weights[i];
      }
      double[] next = c.clone();
      for (int j = 0; j < k; j++) {
        if (w[j] > 0) {
          for (int q = 0; q < d; q++) {
            next[j * d + q] = sums[j * d + q] / w[j];
          }
        }
      }
      if (Arrays.equals(next, c)) {
        break;
      }
      c = next;
    }
    return c;
  }

  /**
   * Marks the candidates with the largest values whose weights add up to at most
   * {@code trimCount} (largest first; ties by lower index kept).
   */
  static boolean[] largestHolding(double[] v, long[] weights, long trimCount) {
    int m = v.length;
    boolean[] out = new boolean[m];
    if (trimCount == 0) {
      return out;
    }
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> {
      int c = Double.compare(v[b], v[a]);
      return c != 0 ? c : Integer.compare(b, a);
    });
    long removed = 0;
    for (int i : order) {
      if (removed + weights[i] > trimCount) {
        break;
      }
      removed += weights[i];
      out[i] = true;
    }
    return out;
  }

  /** An index drawn with probability proportional to w (long) or p (double); -1 if all 0. */
  private static int pickByWeight(SplittableRandom rng, long[] w, double[] p) {
    int m = w != null ? w.length : p.length;
    double total = 0;
    for (int i = 0; i < m; i++) {
      total += w != null ? w[i] : p[i];
    }
    if (!(total > 0)) {
      return -1;
    }
    double r = rng.nextDouble() * total;
    double acc = 0;
    int last = -1;
    for (int i = 0; i < m; i++) {
      double x = w != null ? w[i] : p[i];
      if (x > 0) {
        acc += x;
        last = i;
        if (acc > r) {
          return i;
        }
      }
    }
    return last;
  }
}
