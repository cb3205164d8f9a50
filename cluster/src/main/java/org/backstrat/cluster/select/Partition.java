package org.backstrat.cluster.select;

import org.backstrat.cluster.kmeans.ClusterFit;

/**
 * A partition of rows into k clusters, with some rows left out (trimmed outliers, label -1).
 * Validity indices are computed on the kept rows only, because trimmed points belong to no
 * cluster.
 *
 * @param labels cluster 0..k-1 per row, or -1 for a row that is left out
 * @param k number of clusters
 */
public record Partition(int[] labels, int k) {

  public Partition {
    labels = labels.clone();
    for (int l : labels) {
      if (l < -1 || l >= k) {
        throw new IllegalArgumentException("label " + l + " outside -1.." + (k - 1));
      }
    }
  }

  /** The kept partition of a fit: outliers get -1. */
  public static Partition of(ClusterFit fit) {
    int[] l = fit.labels();
    for (int i = 0; i < l.length; i++) {
      if (fit.outlier(i)) {
        l[i] = -1;
      }
    }
    return new Partition(l, fit.k());
  }

  /** Label of row i (-1 = left out). */
  public int label(int row) {
    return labels[row];
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  /** Number of rows (kept and left out). */
  public int rows() {
    return labels.length;
  }

  /** Kept rows per cluster. */
  public int[] sizes() {
    int[] s = new int[k];
    for (int l : labels) {
      if (l >= 0) {
        s[l]++;
      }
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Partition p && p.k == k && java.util.Arrays.equals(p.labels, labels);
  }

  @Override
  public int hashCode() {
    return 31 * k + java.util.Arrays.hashCode(labels);
  }

  @Override
  public String toString() {
    return "Partition[k=" + k + ", n=" + labels.length + "]";
  }
}
