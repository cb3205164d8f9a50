package org.backstrat.cluster.data;

/**
 * Squared Euclidean distance between two rows stored in flat arrays: the one inner loop every
 * algorithm here spends its time in. Four independent accumulators let the CPU overlap the
 * additions (the JIT does not reorder floating-point sums by itself); the summation order is fixed,
 * so results are deterministic. {@link #inIndexOrder} sums in plain index order instead, as a
 * simple loop anywhere else would: the distances a fit reports (and its trim radius) use it, so
 * that code that re-assigns a training point with such a loop reproduces its distance bit for
 * bit and never calls a kept point an outlier by one rounding.
 */
public final class SquaredEuclidean {
  private SquaredEuclidean() {
  }

  /** {@code sum_j (a[aOff + j] - b[bOff + j])^2} for j in 0..d-1. */
  public static double between(double[] a, int aOff, double[] b, int bOff, int d) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < d; j += 4) {
      double t0 = a[aOff + j] - b[bOff + j];
      double t1 = a[aOff + j + 1] - b[bOff + j + 1];
      double t2 = a[aOff + j + 2] - b[bOff + j + 2];
      double t3 = a[aOff + j + 3] - b[bOff + j + 3];
      s0 += t0 * t0;
      s1 += t1 * t1;
      s2 += t2 * t2;
      s3 += t3 * t3;
    }
    for (; j < d; j++) {
      double t = a[aOff + j] - b[bOff + j];
      s0 += t * t;
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** {@code sum_j (a[aOff + j] - b[bOff + j])^2}, added in index order j = 0, 1, ..., d-1. */
  public static double inIndexOrder(double[] a, int aOff, double[] b, int bOff, int d) {
    double s = 0;
    for (int j = 0; j < d; j++) {
      double t = a[aOff + j] - b[bOff + j];
      s += t * t;
    }
    return s;
  }

  /**
   * The nearest of the {@code k} centres {@code c} (row-major, d columns) to the row of {@code x}
   * at offset {@code p}, lowest index on ties: the assignment kernel of every k-means engine here
   * (single machine and distributed), so that they label and measure rows identically. Returns
   * the centre's index; {@code out[0]} receives its squared distance and {@code out[1]} the
   * second smallest (infinite when k = 1). {@code indexOrder} selects {@link #inIndexOrder}
   * over {@link #between}.
   */
  public static int nearest(double[] x, int p, double[] c, int k, int d, boolean indexOrder,
                            double[] out) {
    double best = Double.POSITIVE_INFINITY;
    double second = Double.POSITIVE_INFINITY;
    int a = 0;
    for (int j = 0; j < k; j++) {
      double v = indexOrder ? inIndexOrder(x, p, c, j * d, d) : between(x, p, c, j * d, d);
      if (v < best) {
        second = best;
        best = v;
        a = j;
      } else if (v < second) {
        second = v;
      }
    }
    out[0] = best;
    out[1] = second;
    return a;
  }
}
