package org.backstrat.cluster.data;

/**
 * How features are centred and scaled before clustering, so that no feature dominates the
 * Euclidean distance only because of its unit.
 */
public enum ScaleMethod {
  /**
   * Centre at the median, divide by the interquartile range (R's default quantile type 7). Robust
   * to the gross outliers the trimmed methods are built for. When a column's IQR is 0 (for example
   * a mostly-constant or binary column with a lopsided split) the scale falls back to the sample
   * standard deviation, then to the mean absolute deviation from the median; a column with no
   * spread at all is refused.
   */
  ROBUST,
  /** Centre at the mean, divide by the sample standard deviation (n - 1), as R's {@code scale()}. */
  ZSCORE,
  /** Leave values as they are (centre 0, scale 1). */
  NONE;

  /** Parses the command-line spelling: robust, zscore, none (case-insensitive). */
  public static ScaleMethod parse(String text) {
    for (ScaleMethod m : values()) {
      if (m.name().equalsIgnoreCase(text.trim())) {
        return m;
      }
    }
    throw new org.backstrat.core.BadInputException(
        "scale \"" + text + "\": expected one of robust, zscore, none");
  }
}
