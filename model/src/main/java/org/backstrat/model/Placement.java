package org.backstrat.model;

import java.util.List;
import java.util.Objects;

/**
 * Where one person falls in one variant of a frozen model, and why (see {@link FrozenVariant#place}
 * and {@link FallbackModel#place} for the formulas).
 *
 * @param stratum the nearest stratum (also for an outlier), or the most probable one (fallback)
 * @param distance Euclidean distance to its centre in the scaled space; NaN for the fallback
 * @param outlier whether the distance exceeds the variant's trim radius (trimming methods only;
 *     always false for the fallback, which measures no distance)
 * @param probabilities soft membership per stratum, in stratum order (index = id - 1); sums to 1
 * @param topFeatures up to three encoded columns pulling the person most toward this stratum
 *     rather than the runner-up, strongest first (empty when the model has one stratum)
 * @param basis what placed the person: the clustering (every feature present) or the
 *     variant's fallback model (no imaging)
 */
public record Placement(Stratum stratum, double distance, boolean outlier,
                        double[] probabilities, List<String> topFeatures, Basis basis) {

  /** What placed a person. */
  public enum Basis {
    /** The nearest centre of the clustering: every feature was present. */
    CLUSTERING,
    /**
     * The variant's fallback model (questionnaire and demographics, no imaging): less sure than
     * the clustering, shown with its own cross-validated accuracy.
     */
    FALLBACK
  }

  public Placement {
    Objects.requireNonNull(stratum, "stratum");
    Objects.requireNonNull(basis, "basis");
    probabilities = probabilities.clone();
    topFeatures = List.copyOf(topFeatures);
  }

  /** A placement by the clustering (the form every placement had before fallbacks). */
  public Placement(Stratum stratum, double distance, boolean outlier, double[] probabilities,
                   List<String> topFeatures) {
    this(stratum, distance, outlier, probabilities, topFeatures, Basis.CLUSTERING);
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
