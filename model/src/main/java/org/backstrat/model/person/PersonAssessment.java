package org.backstrat.model.person;

import java.util.List;
import java.util.Objects;

/**
 * The assessment of one person against a frozen model: the screening tools' own risk groups and
 * one {@link VariantAssessment} per variant of the model, in model order.
 *
 * @param person the person as entered
 * @param screening the STarT Back and ÖMPSQ-short scores and risk groups
 * @param variants one entry per variant
 */
public record PersonAssessment(PersonRecord person, ScreeningScores screening,
                               List<VariantAssessment> variants) {
  public PersonAssessment {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(screening, "screening");
    variants = List.copyOf(variants);
  }

  /** Whether at least one variant gave a stratum. */
  public boolean anyAssigned() {
    return variants.stream().anyMatch(VariantAssessment::assigned);
  }
}
