package org.backstrat.analysis.pipeline;

import java.util.List;
import org.backstrat.analysis.validation.Calibration;
import org.backstrat.analysis.validation.CrossValidationResult;
import org.backstrat.analysis.validation.OddsRatios;

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
 * @param oddsRatios odds ratios of every stratum against stratum 1 per SD of each column, from
 *     the final all-features model fitted on everyone cross-validated, with bootstrap intervals
 *     (the forest plot)
 * @param oddsRatioColumns names of the columns the odds ratios refer to, in column order
 */
public record StrataValidation(CrossValidationResult allFeatures,
                               CrossValidationResult questionnaireOnly,
                               java.util.Optional<CrossValidationResult> imagingOnly,
                               List<Calibration.Result> calibration,
                               OddsRatios.Result oddsRatios, List<String> oddsRatioColumns) {
  public StrataValidation {
    calibration = List.copyOf(calibration);
    oddsRatioColumns = List.copyOf(oddsRatioColumns);
  }
}
