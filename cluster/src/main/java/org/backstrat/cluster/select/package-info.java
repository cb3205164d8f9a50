/**
 * Choice of the number of clusters K and the diagnostics of a clustering: silhouette (exact or
 * sampled), Calinski–Harabasz, the gap statistic, bootstrap stability and trimming curves, with
 * the rule that combines them. Separate from the engine because a fixed K needs only some of
 * them and a range needs all.
 */
package org.backstrat.cluster.select;
