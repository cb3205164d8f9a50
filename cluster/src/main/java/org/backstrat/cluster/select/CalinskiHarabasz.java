package org.backstrat.cluster.select;

import org.backstrat.cluster.data.FeatureMatrix;

/**
 * The Calinski–Harabasz index (variance ratio criterion; Calinski &amp; Harabasz 1974):
 * {@code CH = [B / (k - 1)] / [W / (n - k)]}, with B the between-cluster and W the within-cluster
 * sum of squares around the cluster means of the kept rows, n the number of kept rows. Same
 * definition as scikit-learn's {@code calinski_harabasz_score}. Undefined (NaN) for k = 1; W = 0
 * gives 1.0 as in scikit-learn.
 */
public final class CalinskiHarabasz {
  private CalinskiHarabasz() {
  }

  /** The index of {@code partition} on the rows of {@code data}. */
  public static double of(FeatureMatrix data, Partition partition) {
    int k = partition.k();
    int d = data.columns();
    double[] x = data.rowMajorView();
    int[] size = new int[k];
    double[] sum = new double[k * d];
    double[] all = new double[d];
    int n = 0;
    for (int i = 0; i < data.rows(); i++) {
      int l = partition.label(i);
      if (l < 0) {
        continue;
      }
      n++;
      size[l]++;
      for (int j = 0; j < d; j++) {
        sum[l * d + j] += x[i * d + j];
        all[j] += x[i * d + j];
      }
    }
    if (k < 2 || n <= k) {
      return Double.NaN;
    }
    double[] mean = new double[d];
    for (int j = 0; j < d; j++) {
      mean[j] = all[j] / n;
    }
    double[] centre = new double[k * d];
    double between = 0;
    for (int c = 0; c < k; c++) {
      if (size[c] == 0) {
        continue;
      }
      for (int j = 0; j < d; j++) {
        centre[c * d + j] = sum[c * d + j] / size[c];
        double e = centre[c * d + j] - mean[j];
        between += size[c] * e * e;
      }
    }
    double within = 0;
    for (int i = 0; i < data.rows(); i++) {
      int l = partition.label(i);
      if (l < 0) {
        continue;
      }
      for (int j = 0; j < d; j++) {
        double e = x[i * d + j] - centre[l * d + j];
        within += e * e;
      }
    }
    if (within == 0) {
      return 1.0;
    }
    return between * (n - k) / (within * (k - 1.0));
  }

  /** Within-cluster sum of squares of the kept rows around their cluster means. */
  public static double withinSumOfSquares(FeatureMatrix data, Partition partition) {
    int k = partition.k();
    int d = data.columns();
    double[] x = data.rowMajorView();
    int[] size = new int[k];
    double[] sum = new double[k * d];
    for (int i = 0; i < data.rows(); i++) {
      int l = partition.label(i);
      if (l >= 0) {
        size[l]++;
        for (int j = 0; j < d; j++) {
          sum[l * d + j] += x[i * d + j];
        }
      }
    }
    double within = 0;
    for (int i = 0; i < data.rows(); i++) {
      int l = partition.label(i);
      if (l >= 0) {
        for (int j = 0; j < d; j++) {
          double e = x[i * d + j] - sum[l * d + j] / size[l];
          within += e * e;
        }
      }
    }
    return within;
  }
}
