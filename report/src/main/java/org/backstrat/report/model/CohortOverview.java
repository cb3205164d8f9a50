package org.backstrat.report.model;

import java.util.List;

/**
 * The cohort as read: where it came from, how many rows, and why rows were excluded.
 * Per-variant counts (used, outliers) live in {@link VariantReport}.
 *
 * @param source name of the input (file name, or "synthetic cohort, seed 42"); never a path with user names if avoidable
 * @param nRead rows read
 * @param exclusions reasons and counts, in the order to print
 */
public record CohortOverview(String source, int nRead, List<Exclusion> exclusions) {
  /** Copies the list. */
  public CohortOverview {
    exclusions = List.copyOf(exclusions);
  }
}
