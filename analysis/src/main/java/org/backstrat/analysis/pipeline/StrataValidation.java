package org.backstrat.analysis.pipeline;

import org.backstrat.analysis.validation.CrossValidationResult;

/**
 * The validation stage's result: how well the strata can be predicted, by repeated stratified
 * cross-validation of a multinomial logistic regression, from the variant's features and from
 * the questionnaire scores alone (the difference is what the imaging and demographics add).
 *
 * @param allFeatures cross-validation with every feature of the variant
 * @param questionnaireOnly cross-validation with the psychosocial features only, same folds
 */
public record StrataValidation(CrossValidationResult allFeatures,
                               CrossValidationResult questionnaireOnly) {
}
