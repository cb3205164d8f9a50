package org.backstrat.cluster.kmeans;

import java.util.SplittableRandom;
import org.backstrat.cluster.data.SquaredEuclidean;

/** Initial centres for the k-means family. */
final class Seeding {
  private Seeding() {
  }


  /**
   * k-means++ (Arthur &amp; Vassilvitskii 2007) with one robustness change: when trimming, the
   * floor(alpha n) points with the largest D^2 get weight 0 at each draw, so that gross outliers
   * (which dominate D^2) are not chosen as initial centres.
   */
  static double[] kMeansPlusPlus(double[] x, int n, int d, int k, int trimCount,
                                 SplittableRandom rng, double[] dmin, double[] scratch) {
    double[] c = new double[k * d];
    int first = rng.nextInt(n);
    System.arraycopy(x, first * d, c, 0, d);
    for (int i = 0; i < n; i++) {
      dmin[i] = SquaredEuclidean.between(x, i * d, c, 0, d);
    }
    for (int j = 1; j < k; j++) {
      double cap = Double.POSITIVE_INFINITY;
      if (trimCount > 0) {
        cap = Selection.kthSmallest(dmin, n, n - trimCount - 1, scratch);
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
        chosen = uniformAmongPositive(rng, dmin, n);
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

  private static int uniformAmongPositive(SplittableRandom rng, double[] dmin, int n) {
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
}
