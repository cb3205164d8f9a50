package org.backstrat.model.person;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.backstrat.model.Placement;

/**
 * One person in one variant of a frozen model, with everything a clinician needs beside the
 * stratum: the probabilities named by stratum, the stratum's description in plain words, where
 * the person sits against each stratum's profile, an outlier warning, and the reasons (the
 * features that pulled the person toward this stratum rather than the runner-up, with values).
 * When the person's data do not allow this variant, only {@code missingFeatures} and
 * {@code reason} are filled.
 *
 * @param variant the variant's name
 * @param basis how the stratum was found (or that none was)
 * @param basisAccuracy cross-validated accuracy of what gave the answer (for clustering: of the
 *     multinomial model predicting the stratum from the variant's features; for the fallback:
 *     of the fallback model); NaN when unknown or not assigned
 * @param placement stratum, distance, outlier flag, probabilities and top columns
 * @param probabilities the probability of every stratum, in stratum order, named
 * @param description what the assigned stratum is, in plain words
 * @param profile the person against each stratum's centre, one row per encoded column
 * @param outlierWarning set when the person lies beyond the trim radius
 * @param reasons the top features in plain words, strongest first
 * @param missingFeatures the variant's features the person lacks (when not assigned, or placed
 *     by the fallback)
 * @param reason why no stratum was given, or why the fallback answered, in words; empty when
 *     the clustering answered
 */
public record VariantAssessment(String variant, Basis basis, double basisAccuracy,
                                Optional<Placement> placement,
                                List<StratumProbability> probabilities, String description,
                                List<ProfileRow> profile, Optional<String> outlierWarning,
                                List<String> reasons, List<String> missingFeatures,
                                String reason) {

  /** How a variant's answer was found. */
  public enum Basis {
    /** Nearest centre of the clustering, all features present. */
    CLUSTERING,
    /**
     * The variant's fallback model (questionnaire and demographics; no imaging): always shown
     * with its own cross-validated accuracy.
     */
    FALLBACK,
    /** Not assigned: a feature the variant needs is missing. */
    NOT_ASSIGNED
  }

  public VariantAssessment {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(placement, "placement");
    probabilities = List.copyOf(probabilities);
    Objects.requireNonNull(description, "description");
    profile = List.copyOf(profile);
    Objects.requireNonNull(outlierWarning, "outlierWarning");
    reasons = List.copyOf(reasons);
    missingFeatures = List.copyOf(missingFeatures);
    Objects.requireNonNull(reason, "reason");
  }

  /** Whether a stratum was given. */
  public boolean assigned() {
    return placement.isPresent();
  }
}
