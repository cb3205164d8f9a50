package org.backstrat.cluster.select;

/**
 * One row of the K-selection table (summary.json's {@code selection} list, plus detail).
 *
 * @param k number of clusters
 * @param objective the clustering objective at this k (see ClusterFit)
 * @param silhouette average silhouette width of the kept rows (NaN for k = 1)
 * @param silhouetteErrorBound 0 when exact; else the approximate 95% error bound of the estimate
 * @param calinskiHarabasz Calinski–Harabasz index of the kept rows (NaN for k = 1)
 * @param gap gap statistic (NaN when not computed)
 * @param gapSe its standard error (NaN when not computed)
 * @param stabilityJaccard mean over clusters of the per-cluster bootstrap mean Jaccard (NaN when
 *     not computed)
 * @param clusterJaccard per-cluster bootstrap mean Jaccard, in cluster order (empty when not
 *     computed)
 */
public record KSelectionRow(int k, double objective, double silhouette,
                            double silhouetteErrorBound, double calinskiHarabasz, double gap,
                            double gapSe, double stabilityJaccard, double[] clusterJaccard) {
  public KSelectionRow {
    clusterJaccard = clusterJaccard.clone();
  }

  @Override
  public double[] clusterJaccard() {
    return clusterJaccard.clone();
  }
}
