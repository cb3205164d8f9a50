package org.backstrat.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One person in one variant of a frozen model: where they fall, or, when they lack a feature
 * the variant needs, which features were missing (they get no stratum; nothing is imputed).
 *
 * @param id the person's id
 * @param variant the variant's name
 * @param placement the stratum, distance, probabilities and reasons; empty when not assigned
 * @param missingFeatures the variant's features this person lacks, in feature order (empty when
 *     assigned)
 */
public record AssignedRow(String id, String variant, Optional<Placement> placement,
                          List<String> missingFeatures) {

  public AssignedRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(placement, "placement");
    missingFeatures = List.copyOf(missingFeatures);
    if (placement.isPresent() == !missingFeatures.isEmpty()) {
      throw new IllegalArgumentException("a row is placed exactly when no feature is missing");
    }
  }

  /** Whether the person was given a stratum. */
  public boolean assigned() {
    return placement.isPresent();
  }

  /** Why no stratum was given ({@code missing a b}), or empty when assigned. */
  public String reason() {
    return missingFeatures.isEmpty() ? "" : "missing " + String.join(" ", missingFeatures);
  }
}
