package org.backstrat.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One person in one variant of a frozen model: where they fall, or, when they lack a feature
 * the variant needs, which features were missing (they get no stratum, or the fallback's when
 * only the imaging is missing and the variant has a fallback model; nothing is imputed).
 *
 * @param id the person's id
 * @param variant the variant's name
 * @param placement the stratum, distance, probabilities and reasons; empty when not assigned
 * @param missingFeatures the variant's features this person lacks, in feature order (empty when
 *     placed by the clustering)
 */
public record AssignedRow(String id, String variant, Optional<Placement> placement,
                          List<String> missingFeatures) {

  public AssignedRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(placement, "placement");
    missingFeatures = List.copyOf(missingFeatures);
    if (placement.isEmpty() && missingFeatures.isEmpty()) {
      throw new IllegalArgumentException("a row without a stratum must say what was missing");
    }
    if (placement.isPresent() && placement.get().basis() == Placement.Basis.CLUSTERING
        && !missingFeatures.isEmpty()) {
      throw new IllegalArgumentException("the clustering places only people with every feature");
    }
  }

  /** Whether the person was given a stratum. */
  public boolean assigned() {
    return placement.isPresent();
  }

  /**
   * Why no stratum was given ({@code missing a b}), or that the fallback placed the person
   * ({@code fallback: missing a b}); empty when the clustering placed them.
   */
  public String reason() {
    if (missingFeatures.isEmpty()) {
      return "";
    }
    return (placement.isPresent() ? "fallback: missing " : "missing ")
        + String.join(" ", missingFeatures);
  }
}
