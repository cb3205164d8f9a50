package org.backstrat.analysis.pipeline;

import org.backstrat.cluster.kmeans.ClusterModel;
import org.backstrat.cluster.select.KSelection;

/**
 * The fit stage's result: the chosen K fitted on everyone, each person's stratum, outlier flag
 * and distance, and who was kept (not trimmed) — the people every later stage describes.
 *
 * @param selection the K-selection table whose chosen row describes this fit (when K was chosen
 *     on a subsample, the chosen row's model is this fit and its per-stratum stability is
 *     matched to this fit's strata)
 * @param model the chosen model (scaler, centres, trim radius)
 * @param labels stratum of each person, 0-based, in feature-row order (outliers: nearest)
 * @param outlier whether each person was trimmed
 * @param distance each person's distance to their stratum centre (scaled space)
 * @param kept indices (into the feature rows) of the people kept, increasing
 * @param keptStrata stratum of each kept person, 0-based
 * @param keptCohortRows cohort row of each kept person
 */
public record StrataFit(KSelection selection, ClusterModel model, int[] labels,
                        boolean[] outlier, double[] distance, int[] kept, int[] keptStrata,
                        int[] keptCohortRows) {

  /** Number of strata. */
  public int k() {
    return model.fit().k();
  }

  /** Indices (into the cohort) of the kept members of stratum c (0-based), in order. */
  public int[] cohortRowsOf(int c) {
    int m = 0;
    for (int s : keptStrata) {
      m += s == c ? 1 : 0;
    }
    int[] out = new int[m];
    int q = 0;
    for (int i = 0; i < keptStrata.length; i++) {
      if (keptStrata[i] == c) {
        out[q++] = keptCohortRows[i];
      }
    }
    return out;
  }
}
