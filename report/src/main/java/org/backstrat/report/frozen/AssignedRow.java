package org.backstrat.report.frozen;

import java.util.List;

/**
 * Where one new person falls in one variant of a frozen model. A person missing a required
 * feature gets no stratum: {@code cluster} is 0, the probabilities are empty and
 * {@code reason} names the missing features.
 *
 * @param id the person's id
 * @param variant the variant's name
 * @param cluster stratum id, 1-based (0 when not assigned)
 * @param label stratum label ("" when not assigned)
 * @param outlier whether the distance exceeds the variant's trim radius (trimming methods only)
 * @param distance Euclidean distance to the assigned centre in the scaled space (NaN when not
 *     assigned)
 * @param probabilities soft membership per stratum, {@code p_k = exp(-d_k^2/2) / sum_j
 *     exp(-d_j^2/2)} (empty when not assigned)
 * @param topFeatures up to three encoded columns pulling the person most toward the assigned
 *     stratum rather than the runner-up, strongest first
 * @param reason why no stratum was given ("" when assigned)
 */
public record AssignedRow(String id, String variant, int cluster, String label, boolean outlier,
                          double distance, double[] probabilities, List<String> topFeatures,
                          String reason) {

  public AssignedRow {
    topFeatures = List.copyOf(topFeatures);
  }

  /** Whether the person was given a stratum. */
  public boolean assigned() {
    return cluster > 0;
  }
}
