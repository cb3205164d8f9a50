package org.backstrat.analysis.pipeline;

import java.util.List;
import org.backstrat.analysis.validation.Calibration;
import org.backstrat.analysis.validation.CrossValidationResult;

/**
 * The validation stage's result: how well the strata can be predicted, by repeated stratified
 * cross-validation of a multinomial logistic regression, from the variant's features and from
 * the questionnaire scores alone (the difference is what the imaging and demographics add).
 *
 * @param allFeatures cross-validation with every feature of the variant
 * @param questionnaireOnly cross-validation with the psychosocial features only, same folds
 * @param imagingOnly cross-validation with the imaging features only, same folds (empty when
 *     the variant has none)
 * @param calibration per stratum, the calibration of the all-features model's held-out
 *     probabilities of that stratum (pooled over repeats, ten bins for the plot)
 */
public record StrataValidation(CrossValidationResult allFeatures,
                               CrossValidationResult questionnaireOnly,
                               java.util.Optional<CrossValidationResult> imagingOnly,
                               List<Calibration.Result> calibration) {
  public StrataValidation {
    calibration = List.copyOf(calibration);
  }
}
