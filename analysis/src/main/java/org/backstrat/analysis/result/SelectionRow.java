package org.backstrat.analysis.result;

/**
 * One row of the choice-of-K table: the criteria computed for one K (NaN where not computed).
 *
 * @param k number of strata
 * @param silhouette mean silhouette width of the kept people
 * @param calinskiHarabasz Calinski–Harabasz index
 * @param gap gap statistic
 * @param gapSe standard error of the gap (s_k)
 * @param stabilityJaccard mean over strata of the bootstrap mean Jaccard similarity
 * @param objective the clustering objective at this K
 */
public record SelectionRow(int k, double silhouette, double calinskiHarabasz, double gap,
                           double gapSe, double stabilityJaccard, double objective) {
}
