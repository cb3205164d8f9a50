package org.backstrat.analysis.validation;

/**
 * Fits a preprocessing step (scaling, imputation, encoding) on the training rows of one fold.
 * Cross-validation calls {@link #fit} once per fold with only that fold's training rows and
 * applies the result to both training and held-out rows, so no statistic of a held-out row ever
 * reaches the model. Missing values are {@code Double.NaN}.
 */
@FunctionalInterface
public interface FoldTransformFitter {

  /** Fits the step on training rows (not modified). */
  FoldTransform fit(double[][] trainRows);

  /** The step that leaves rows as they are (copies them). */
  static FoldTransformFitter identity() {
    return rows -> double[]::clone;
  }

  /**
   * This step followed by {@code next}: {@code next} is fitted on the training rows as
   * transformed by this step (for example impute, then scale).
   */
  default FoldTransformFitter andThen(FoldTransformFitter next) {
    return rows -> {
      FoldTransform first = fit(rows);
      FoldTransform second = next.fit(first.applyAll(rows));
      return row -> second.apply(first.apply(row));
    };
  }
}
