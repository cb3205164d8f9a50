package org.backstrat.analysis.strata;


/**
 * The burden of a group of features in each stratum: the mean standardised centroid of the
 * group's columns, z = (centroid − mean of the people clustered) / their SD. The names and
 * sentences built on it are {@link StrataInWords}'s.
 */
public final class StratumNamer {

  private StratumNamer() {
  }

  /**
   * Mean z-score of the selected columns of each centroid.
   *
   * @param centroids centroids in original units, strata x features
   * @param mean per-feature mean of the people clustered
   * @param sd per-feature SD of the people clustered (0 gives z = 0)
   * @param columns feature indices to average
   */
  public static double[] burden(double[][] centroids, double[] mean, double[] sd,
                                int[] columns) {
    double[] out = new double[centroids.length];
    for (int c = 0; c < centroids.length; c++) {
      double s = 0;
      for (int j : columns) {
        s += sd[j] > 0 ? (centroids[c][j] - mean[j]) / sd[j] : 0;
      }
      out[c] = columns.length == 0 ? 0 : s / columns.length;
    }
    return out;
  }
}
