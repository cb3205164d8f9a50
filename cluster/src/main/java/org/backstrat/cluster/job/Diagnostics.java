package org.backstrat.cluster.job;

import java.util.Locale;
import org.backstrat.core.BadInputException;

/**
 * How much the {@code cluster} verb computes about a clustering besides the clustering itself.
 * At a fixed K the diagnostics are only reported, so by default they are {@link #CHEAP}: they
 * cost a small, fixed amount whatever the number of rows. Choosing K over a range needs
 * {@link #FULL} ones, because the rule reads them.
 */
public enum Diagnostics {
  /**
   * Calinski–Harabasz on all kept rows (one pass) and the silhouette exactly up to
   * {@link org.backstrat.cluster.select.Silhouette#CHEAP_EXACT_LIMIT} kept rows, else estimated
   * from a stratified sample of
   * {@link org.backstrat.cluster.select.Silhouette#CHEAP_SAMPLE_SIZE} rows (seed 1, see
   * {@link org.backstrat.cluster.select.Silhouette#cheap()}); no stability, no gap statistic
   * unless asked for. The default at a fixed K.
   */
  CHEAP,
  /**
   * The silhouette exactly up to 20,000 kept rows (else a 5,000-row stratified sample), the
   * Calinski–Harabasz index, the gap statistic (100 reference sets) and bootstrap stability (100
   * resamples), at every k of the range. Always used to choose K over a range.
   */
  FULL;

  /** Parses {@code cheap} or {@code full} (any case). */
  public static Diagnostics parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--diagnostics " + s + ": expected cheap or full");
    }
  }

  /** The name on the command line and in clustering.json. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
