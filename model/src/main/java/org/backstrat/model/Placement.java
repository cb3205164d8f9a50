package org.backstrat.model;

import java.util.List;
import java.util.Objects;

/**
 * Where one person falls in one variant of a frozen model, and why (see {@link FrozenVariant#place}
 * for the formulas).
 *
 * @param stratum the nearest stratum (also for an outlier)
 * @param distance Euclidean distance to its centre in the scaled space
 * @param outlier whether the distance exceeds the variant's trim radius (trimming methods only)
 * @param probabilities soft membership per stratum, in stratum order (index = id - 1); sums to 1
 * @param topFeatures up to three encoded columns pulling the person most toward this stratum
 *     rather than the runner-up, strongest first (empty when the model has one stratum)
 */
public record Placement(Stratum stratum, double distance, boolean outlier,
                        double[] probabilities, List<String> topFeatures) {

  public Placement {
    Objects.requireNonNull(stratum, "stratum");
    probabilities = probabilities.clone();
    topFeatures = List.copyOf(topFeatures);
  }

  /** Soft membership per stratum, in stratum order (a copy). */
  @Override
  public double[] probabilities() {
    return probabilities.clone();
  }

  /** The probability of the stratum with this id (1-based). */
  public double probability(int stratumId) {
    return probabilities[stratumId - 1];
  }
}
