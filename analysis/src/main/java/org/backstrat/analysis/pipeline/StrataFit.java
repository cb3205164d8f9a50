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
 * @param imputedSetLabels with multiple imputation, each imputed set's own stratum of every
 *     person (feature-row order), numbered as the first set's strata after matching; the first
 *     entry is the first set's labels. Empty without multiple imputation. The consensus is in
 *     {@code labels}; these are what Rubin's rules pool over.
 */
public record StrataFit(KSelection selection, ClusterModel model, int[] labels,
                        boolean[] outlier, double[] distance, int[] kept, int[] keptStrata,
                        int[] keptCohortRows, java.util.List<int[]> imputedSetLabels) {

  /** Copies the list of per-set labels. */
  public StrataFit {
    imputedSetLabels = java.util.List.copyOf(imputedSetLabels);
  }

  /** A fit of one data set (no multiple imputation). */
  public StrataFit(KSelection selection, ClusterModel model, int[] labels, boolean[] outlier,
                   double[] distance, int[] kept, int[] keptStrata, int[] keptCohortRows) {
    this(selection, model, labels, outlier, distance, kept, keptStrata, keptCohortRows,
        java.util.List.of());
  }

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
