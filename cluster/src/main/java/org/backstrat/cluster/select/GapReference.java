package org.backstrat.cluster.select;

/** The null reference distribution of the gap statistic (as {@code cluster::clusGap}'s spaceH0). */
public enum GapReference {
  /**
   * Uniform in the box spanned by the principal components of the centred data, rotated back
   * (Tibshirani et al. 2001, reference (b); clusGap {@code spaceH0 = "scaledPCA"}). The default.
   */
  SCALED_PCA,
  /** Uniform in the box of each feature's range (clusGap {@code spaceH0 = "original"}). */
  ORIGINAL
}
