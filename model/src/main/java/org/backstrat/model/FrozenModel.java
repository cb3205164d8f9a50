package org.backstrat.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.backstrat.core.scoring.ScoringOptions;

/**
 * The frozen model ({@code model.json}, schema {@value #SCHEMA}): everything needed to assign new
 * people to the strata found by {@code analyze} — per variant the feature encodings, the scaler,
 * the centres, the labels and the trim radius — plus the scoring options the cohort was scored
 * with, the missing-data policy and the provenance (software, time, seed, training table,
 * settings). Built by the analysis from its result, read and written by {@link ModelJson},
 * applied by {@link StratumAssigner}; needs neither the analysis nor the report to be used.
 *
 * @param provenance how the model was made
 * @param scoring score-stage options used in training (applied to new cohorts too)
 * @param missing missing-data policy of the training analysis ({@code complete-case} or
 *     {@code impute}); new people with a missing feature are never imputed but get a reason
 * @param variants one entry per analysed variant, in analysis order, names unique
 */
public record FrozenModel(Provenance provenance, ScoringOptions scoring, String missing,
                          List<FrozenVariant> variants) {
  /** The schema identifier this version writes and reads. */
  public static final String SCHEMA = "backstrat.model/2";
  /** The schema of models written before provenance was recorded; refused with a message. */
  public static final String PREVIOUS_SCHEMA = "backstrat.model/1";

  public FrozenModel {
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(scoring, "scoring");
    Objects.requireNonNull(missing, "missing");
    variants = List.copyOf(variants);
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one variant");
    }
    Set<String> names = new HashSet<>();
    for (FrozenVariant v : variants) {
      if (!names.add(v.name())) {
        throw new IllegalArgumentException("variant " + v.name() + " appears twice");
      }
    }
  }

  /** The named variant, if present. */
  public Optional<FrozenVariant> variant(String name) {
    return variants.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** Largest number of strata of any variant. */
  public int maxK() {
    int m = 0;
    for (FrozenVariant v : variants) {
      m = Math.max(m, v.k());
    }
    return m;
  }
}
