package org.backstrat.cluster;

import java.util.SplittableRandom;
import org.backstrat.cluster.data.FeatureMatrix;

/**
 * Synthetic test data with known structure: spherical Gaussian clusters around given centres,
 * followed by gross outliers drawn uniformly from a far box.
 *
 * @param data all rows: the clustered points first (cluster by cluster), then the outliers
 * @param truth true cluster of each row, -1 for outliers
 * @param centers the planted centres
 */
public record Planted(FeatureMatrix data, int[] truth, double[][] centers) {

  /**
   * {@code perCluster} points around each centre with standard deviation {@code sd}, plus
   * {@code outliers} points uniform in [outlierLo, outlierHi]^d.
   */
  public static Planted mixture(long seed, double[][] centers, int perCluster, double sd,
                                int outliers, double outlierLo, double outlierHi) {
    SplittableRandom rng = new SplittableRandom(seed);
    int d = centers[0].length;
    int n = centers.length * perCluster + outliers;
    double[][] rows = new double[n][d];
    int[] truth = new int[n];
    int i = 0;
    for (int c = 0; c < centers.length; c++) {
      for (int m = 0; m < perCluster; m++, i++) {
        for (int j = 0; j < d; j++) {
          rows[i][j] = centers[c][j] + sd * gaussian(rng);
        }
        truth[i] = c;
      }
    }
    for (; i < n; i++) {
      for (int j = 0; j < d; j++) {
        rows[i][j] = outlierLo + (outlierHi - outlierLo) * rng.nextDouble();
      }
      truth[i] = -1;
    }
    return new Planted(FeatureMatrix.of(rows), truth, centers);
  }

  private static double gaussian(SplittableRandom rng) {
    double u = rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  /** Largest distance from a planted centre to the nearest fitted centre. */
  public double worstCenterError(double[][] fitted) {
    double worst = 0;
    for (double[] c : centers) {
      double best = Double.POSITIVE_INFINITY;
      for (double[] f : fitted) {
        double s = 0;
        for (int j = 0; j < c.length; j++) {
          s += (c[j] - f[j]) * (c[j] - f[j]);
        }
        best = Math.min(best, Math.sqrt(s));
      }
      worst = Math.max(worst, best);
    }
    return worst;
  }
}
