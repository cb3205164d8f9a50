package org.backstrat.model;

/**
 * What training found for one variant, kept beside the frozen model so that whoever applies it
 * sees how it was made: how many people it was fitted on, how many were trimmed, how large each
 * stratum was, the clustering objective, and how well the strata could be predicted from the
 * features (cross-validated accuracy of the multinomial logistic regression).
 *
 * @param nUsed people clustered (kept and trimmed)
 * @param nOutliers people trimmed as outliers
 * @param sizes kept people per stratum, in stratum order
 * @param objective the clustering criterion of the fit (see {@code ClusterFit}); NaN if unknown
 * @param accuracyMean mean cross-validated accuracy; NaN when validation did not run
 * @param accuracySd standard deviation of the accuracy over folds and repeats; NaN when unknown
 */
public record TrainingSummary(int nUsed, int nOutliers, int[] sizes, double objective,
                              double accuracyMean, double accuracySd) {

  public TrainingSummary {
    sizes = sizes.clone();
    if (nOutliers < 0 || nOutliers > nUsed) {
      throw new IllegalArgumentException("0 <= n_outliers <= n_used, not " + nOutliers + " of "
          + nUsed);
    }
  }

  /** Kept people per stratum (a copy). */
  @Override
  public int[] sizes() {
    return sizes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainingSummary t && t.nUsed == nUsed && t.nOutliers == nOutliers
        && java.util.Arrays.equals(t.sizes, sizes)
        && Double.compare(t.objective, objective) == 0
        && Double.compare(t.accuracyMean, accuracyMean) == 0
        && Double.compare(t.accuracySd, accuracySd) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(nUsed, nOutliers, java.util.Arrays.hashCode(sizes), objective,
        accuracyMean, accuracySd);
  }

  @Override
  public String toString() {
    return "TrainingSummary[nUsed=" + nUsed + ", nOutliers=" + nOutliers + ", sizes="
        + java.util.Arrays.toString(sizes) + ", objective=" + objective + ", accuracyMean="
        + accuracyMean + ", accuracySd=" + accuracySd + "]";
  }
}
