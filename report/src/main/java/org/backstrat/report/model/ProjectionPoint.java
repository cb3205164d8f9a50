package org.backstrat.report.model;

/**
 * One person in the 2-D projection; deliberately without id, so no identifier reaches the report.
 *
 * @param x first projected coordinate
 * @param y second projected coordinate
 * @param stratumId assigned (nearest) stratum id
 * @param outlier true when trimmed by the robust clustering
 */
public record ProjectionPoint(double x, double y, int stratumId, boolean outlier) {
}
