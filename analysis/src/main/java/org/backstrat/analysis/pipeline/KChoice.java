package org.backstrat.analysis.pipeline;

import java.util.List;
import java.util.Optional;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.cluster.select.KSelection;
import org.backstrat.cluster.select.TrimmingCurves;

/**
 * The K-selection stage's result: how the features are scaled and clustered, the K-selection
 * table with the chosen K, and (for trimmed k-means) the trimmed objective curves.
 *
 * @param raw the features as clustered, in their own units
 * @param scaler the scaler fitted on everyone
 * @param clusterer the clustering settings (method, trim, restarts, seed stream)
 * @param selection the table and the model at every K, computed on {@code sample} when
 *     present, else on everyone
 * @param sample the rows (indices into the features) K was chosen on, when the large-n
 *     strategy subsampled; empty when K was chosen on everyone
 * @param trimmingCurves trimmed objective over trim fractions per K, on the same people as the
 *     table (trimmed k-means only; else empty)
 */
public record KChoice(FeatureMatrix raw, Scaler scaler, Clusterer clusterer, KSelection selection,
                      Optional<int[]> sample, List<TrimmingCurves.Point> trimmingCurves) {

  public KChoice {
    trimmingCurves = List.copyOf(trimmingCurves);
    sample = sample.map(int[]::clone);
  }

  /** The chosen number of strata. */
  public int chosenK() {
    return selection.chosenK();
  }
}
