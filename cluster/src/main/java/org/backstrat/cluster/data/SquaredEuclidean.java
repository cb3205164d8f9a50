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
    int j = 0;
    // three centres per sweep over the row: the row's values are loaded once for all three and
    // the three sums advance side by side; each sum takes exactly the steps of between() or
    // inIndexOrder(), so the distances (and the labels) are bit-identical to centre-by-centre
    for (; j + 2 < k; j += 3) {
      double v0;
      double v1;
      double v2;
      int o0 = j * d;
      int o1 = o0 + d;
      int o2 = o1 + d;
      if (indexOrder) {
        v0 = 0;
        v1 = 0;
        v2 = 0;
        for (int q = 0; q < d; q++) {
          double xq = x[p + q];
          double t0 = xq - c[o0 + q];
          double t1 = xq - c[o1 + q];
          double t2 = xq - c[o2 + q];
          v0 += t0 * t0;
          v1 += t1 * t1;
          v2 += t2 * t2;
        }
      } else {
        // four partial sums per centre, as between() keeps them
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        double e0 = 0;
        double e1 = 0;
        double e2 = 0;
        double e3 = 0;
        int q = 0;
        for (; q + 3 < d; q += 4) {
          double x0 = x[p + q];
          double x1 = x[p + q + 1];
          double x2 = x[p + q + 2];
          double x3 = x[p + q + 3];
          double t0 = x0 - c[o0 + q];
          double t1 = x1 - c[o0 + q + 1];
          double t2 = x2 - c[o0 + q + 2];
          double t3 = x3 - c[o0 + q + 3];
          a0 += t0 * t0;
          a1 += t1 * t1;
          a2 += t2 * t2;
          a3 += t3 * t3;
          t0 = x0 - c[o1 + q];
          t1 = x1 - c[o1 + q + 1];
          t2 = x2 - c[o1 + q + 2];
          t3 = x3 - c[o1 + q + 3];
          b0 += t0 * t0;
          b1 += t1 * t1;
          b2 += t2 * t2;
          b3 += t3 * t3;
          t0 = x0 - c[o2 + q];
          t1 = x1 - c[o2 + q + 1];
          t2 = x2 - c[o2 + q + 2];
          t3 = x3 - c[o2 + q + 3];
          e0 += t0 * t0;
          e1 += t1 * t1;
          e2 += t2 * t2;
          e3 += t3 * t3;
        }
        for (; q < d; q++) {
          double xq = x[p + q];
          double t0 = xq - c[o0 + q];
          double t1 = xq - c[o1 + q];
          double t2 = xq - c[o2 + q];
          a0 += t0 * t0;
          b0 += t1 * t1;
          e0 += t2 * t2;
        }
        v0 = (a0 + a1) + (a2 + a3);
        v1 = (b0 + b1) + (b2 + b3);
        v2 = (e0 + e1) + (e2 + e3);
      }
      if (v0 < best) {
        second = best;
        best = v0;
        a = j;
      } else if (v0 < second) {
        second = v0;
      }
      if (v1 < best) {
        second = best;
        best = v1;
        a = j + 1;
      } else if (v1 < second) {
        second = v1;
      }
      if (v2 < best) {
        second = best;
        best = v2;
        a = j + 2;
      } else if (v2 < second) {
        second = v2;
      }
    }
    for (; j < k; j++) {
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
