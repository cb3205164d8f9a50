package org.backstrat.cluster.kmeans;

/**
 * Where a new point falls: its nearest centre (0-based cluster index), the Euclidean distance to
 * that centre in the scaled space, and whether it lies beyond the model's trim radius (an outlier;
 * only for trimmed k-means). An outlier still gets its nearest cluster.
 *
 * @param cluster nearest centre, 0-based
 * @param distance Euclidean distance to it in the scaled (and weighted) space
 * @param outlier true when the method trims and the distance exceeds the trim radius
 */
public record Assignment(int cluster, double distance, boolean outlier) {
}
