package org.backstrat.cluster.select;

import java.util.ArrayList;
import java.util.List;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.kmeans.ClusterMethod;
import org.backstrat.cluster.kmeans.Clusterer;

/**
 * Trimmed-objective curves, the k-means analogue of tclust's {@code ctlcurves}: the trimmed
 * k-means objective for every k of a range and every trim fraction alpha of a grid. Read them as
 * tclust suggests: the smallest alpha beyond which the curves flatten estimates the contamination,
 * and the smallest k beyond which adding a cluster no longer lowers the curve much (at that alpha)
 * is a reasonable K. Each cell is an independent fit with the given clusterer's restarts and seed.
 */
public final class TrimmingCurves {
  private TrimmingCurves() {
  }

  /**
   * One point of a curve.
   *
   * @param k number of clusters
   * @param trimFraction alpha
   * @param objective trimmed objective (sum of squared distances of the kept points)
   * @param trimRadius largest kept distance
   */
  public record Point(int k, double trimFraction, double objective, double trimRadius) {
  }

  /** The objective over {@code ks} x {@code alphas} (rows ordered by k, then alpha). */
  public static List<Point> compute(FeatureMatrix scaled, int[] ks, double[] alphas,
                                    Clusterer clusterer) {
    List<Point> out = new ArrayList<>();
    Clusterer trimmed = clusterer.toBuilder().method(ClusterMethod.TRIMMED).build();
    for (int k : ks) {
      for (double a : alphas) {
        var fit = trimmed.toBuilder().trimFraction(a).build().fitScaled(scaled, k);
        out.add(new Point(k, a, fit.objective(), fit.trimRadius()));
      }
    }
    return out;
  }
}
