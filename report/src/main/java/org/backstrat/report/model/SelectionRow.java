package org.backstrat.report.model;

/**
 * Criteria for one candidate K; NaN where a criterion was not computed (e.g. silhouette at K = 1).
 *
 * @param k number of strata
 * @param silhouette mean silhouette width
 * @param calinskiHarabasz Calinski–Harabasz index
 * @param gap gap statistic
 * @param gapSe standard error of the gap (s_k)
 * @param stabilityJaccard mean bootstrap Jaccard over strata
 * @param objective clustering objective (sum of squared distances of kept points, scaled space)
 */
public record SelectionRow(int k, double silhouette, double calinskiHarabasz, double gap, double gapSe,
                           double stabilityJaccard, double objective) {
}
