package org.backstrat.report.model;

import java.util.List;

/**
 * A 2-D projection of the scaled features (e.g. the first two principal components).
 *
 * @param method how it was made (e.g. "PCA of the scaled features")
 * @param xLabel x-axis label (e.g. "PC1 (38% of variance)")
 * @param yLabel y-axis label
 * @param points projected people, in a fixed order
 */
public record Projection(String method, String xLabel, String yLabel, List<ProjectionPoint> points) {
  /** Copies the list. */
  public Projection {
    points = List.copyOf(points);
  }
}
