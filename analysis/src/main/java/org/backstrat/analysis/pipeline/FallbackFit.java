package org.backstrat.analysis.pipeline;

import java.util.Objects;
import java.util.Optional;
import org.backstrat.analysis.validation.CrossValidationResult;
import org.backstrat.model.FallbackModel;

/**
 * The fallback stage's result: the model that places people without imaging (questionnaire
 * scores and demographics to stratum), with its repeated cross-validation, or why there is none.
 *
 * @param model the fitted fallback, frozen as it goes into model.json
 * @param validation its repeated stratified cross-validation (same folds as the validation
 *     stage's)
 * @param absentBecause why no fallback was fitted (empty when one was)
 */
public record FallbackFit(Optional<FallbackModel> model,
                          Optional<CrossValidationResult> validation, String absentBecause) {
  public FallbackFit {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(absentBecause, "absentBecause");
  }

  /** No fallback, for this reason. */
  static FallbackFit none(String because) {
    return new FallbackFit(Optional.empty(), Optional.empty(), because);
  }
}
