package org.backstrat.cluster.kmeans;

import java.util.List;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.core.BadInputException;

/**
 * A fitted clustering together with the scaler that maps raw features into its space: everything
 * needed to report centres in original units and to assign new people.
 *
 * @param scaler the transform fitted on the training data (with any feature weights)
 * @param fit the clustering in the scaled space
 */
public record ClusterModel(Scaler scaler, ClusterFit fit) {

  /** Feature names, in column order. */
  public List<String> features() {
    return scaler.features();
  }

  /** Centre j in original units. */
  public double[] centerOriginal(int cluster) {
    return scaler.inverse(fit.center(cluster));
  }

  /** All centres in original units, one row per cluster. */
  public double[][] centersOriginal() {
    double[][] c = new double[fit.k()][];
    for (int j = 0; j < c.length; j++) {
      c[j] = centerOriginal(j);
    }
    return c;
  }

  /**
   * Assigns a new point given in original units (same feature order as {@link #features()}):
   * nearest centre, distance in the scaled space, outlier when beyond the trim radius.
   *
   * @throws BadInputException when the point has the wrong length or a non-finite value
   */
  public Assignment assign(double[] rawPoint) {
    for (int j = 0; j < rawPoint.length; j++) {
      if (!Double.isFinite(rawPoint[j])) {
        throw new BadInputException("feature " + (j < features().size() ? features().get(j) : j)
            + ": " + rawPoint[j] + " is not a finite number");
      }
    }
    return fit.assignScaled(scaler.transformPoint(rawPoint));
  }
}
