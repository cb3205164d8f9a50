/**
 * Validation of a stratification: how well the strata can be predicted from the features.
 *
 * <p>{@link org.backstrat.analysis.validation.MultinomialLogisticTrainer} fits multinomial
 * logistic regression (maximum likelihood or L2, Newton–Raphson, reference class 0 as in R
 * {@code nnet::multinom}); {@link org.backstrat.analysis.validation.RepeatedCrossValidation} runs
 * repeated stratified k-fold cross-validation with preprocessing
 * ({@link org.backstrat.analysis.validation.FoldTransformFitter}) fitted inside each training fold,
 * and reports {@link org.backstrat.analysis.validation.ClassificationMetrics} per fold and pooled.
 * Reference values: src/test/resources/reference/validation (R nnet, scikit-learn, scipy, mpmath).
 */
package org.backstrat.analysis.validation;
