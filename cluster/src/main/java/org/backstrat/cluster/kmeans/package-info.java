/**
 * The robust clustering engine: trimmed, reweighted (Huber, median-of-means) and plain k-means
 * and k-medoids, with seeding, restarts and block-parallel passes that give bit-identical
 * results for any thread count. Robust methods keep gross outliers (5% and more in real cohorts)
 * from dragging the centres.
 */
package org.backstrat.cluster.kmeans;
