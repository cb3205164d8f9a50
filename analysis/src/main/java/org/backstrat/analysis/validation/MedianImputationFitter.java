package org.backstrat.analysis.validation;

import java.util.Arrays;

/**
 * Replaces missing values (NaN) by the training rows' median of the column (the mean of the two
 * middle values for an even count). With indicators, a 0/1 column "was missing" is appended for
 * every column that had a missing value in the training rows, in column order (scikit-learn's
 * {@code SimpleImputer(add_indicator=True)} with its default "missing-only" rule); a held-out row
 * missing in a column that was complete in training is imputed without an indicator. For binary
 * or ordinal columns the median is a valid category, which is why median rather than mean
 * imputation is offered.
 */
public final class MedianImputationFitter implements FoldTransformFitter {

  private final boolean indicators;

  private MedianImputationFitter(boolean indicators) {
    this.indicators = indicators;
  }

  /** Median imputation without indicator columns. */
  public static MedianImputationFitter withoutIndicators() {
    return new MedianImputationFitter(false);
  }

  /** Median imputation with indicator columns appended. */
  public static MedianImputationFitter withIndicators() {
    return new MedianImputationFitter(true);
  }

  /**
   * @throws IllegalArgumentException when a column has no observed value in the training rows
   *     (there is nothing to impute from)
   */
  @Override
  public FoldTransform fit(double[][] trainRows) {
    int p = trainRows.length == 0 ? 0 : trainRows[0].length;
    double[] median = new double[p];
    boolean[] hadMissing = new boolean[p];
    double[] values = new double[trainRows.length];
    int indicatorCount = 0;
    for (int j = 0; j < p; j++) {
      int count = 0;
      for (double[] row : trainRows) {
        if (Double.isNaN(row[j])) {
          hadMissing[j] = true;
        } else {
          values[count++] = row[j];
        }
      }
      if (count == 0) {
        throw new IllegalArgumentException(
            "column " + j + " has no observed value in the training rows; cannot impute it");
      }
      Arrays.sort(values, 0, count);
      median[j] = count % 2 == 1 ? values[count / 2]
          : 0.5 * (values[count / 2 - 1] + values[count / 2]);
      if (hadMissing[j]) {
        indicatorCount++;
      }
    }
    int width = p + (indicators ? indicatorCount : 0);
    return row -> {
      if (row.length != p) {
        throw new IllegalArgumentException("expected " + p + " columns, got " + row.length);
      }
      double[] out = new double[width];
      int extra = p;
      for (int j = 0; j < p; j++) {
        boolean missing = Double.isNaN(row[j]);
        out[j] = missing ? median[j] : row[j];
        if (indicators && hadMissing[j]) {
          out[extra++] = missing ? 1.0 : 0.0;
        }
      }
      return out;
    };
  }
}
