package org.backstrat.analysis.features;

import java.util.Arrays;

/**
 * Median/mode imputation with indicator columns, for the {@code impute} missing-data policy.
 * Fitted on the rows it is given (inside each cross-validation training fold, never on held-out
 * rows) and applied to any rows: a missing numeric or ordinal cell gets the fitted median, a
 * missing 0/1 cell the fitted mode (ties to 0), and for every column that had missing cells in
 * the fitting rows a 0/1 indicator column {@code <column>_missing} is appended.
 */
public final class Imputer {
  private final double[] fill;
  private final int[] indicatorOf;

  private Imputer(double[] fill, int[] indicatorOf) {
    this.fill = fill;
    this.indicatorOf = indicatorOf;
  }

  /**
   * Fits fill values on {@code rows}.
   *
   * @param rows the fitting rows (NaN = missing)
   * @param binary per column, true for 0/1 columns (mode) and false for numeric (median)
   */
  public static Imputer fit(double[][] rows, boolean[] binary) {
    int p = binary.length;
    double[] fill = new double[p];
    int indicators = 0;
    int[] indicatorOf = new int[p];
    Arrays.fill(indicatorOf, -1);
    for (int j = 0; j < p; j++) {
      double[] col = new double[rows.length];
      int m = 0;
      for (double[] r : rows) {
        if (!Double.isNaN(r[j])) {
          col[m++] = r[j];
        }
      }
      if (m < rows.length) {
        indicatorOf[j] = indicators++;
      }
      if (m == 0) {
        fill[j] = 0; // nothing observed: the indicator carries all the information
      } else if (binary[j]) {
        int ones = 0;
        for (int i = 0; i < m; i++) {
          ones += col[i] == 1 ? 1 : 0;
        }
        fill[j] = 2 * ones > m ? 1 : 0;
      } else {
        double[] sorted = Arrays.copyOf(col, m);
        Arrays.sort(sorted);
        fill[j] = m % 2 == 1 ? sorted[m / 2] : 0.5 * (sorted[m / 2 - 1] + sorted[m / 2]);
      }
    }
    return new Imputer(fill, indicatorOf);
  }

  /** Number of indicator columns appended by {@link #apply}. */
  public int indicatorCount() {
    int n = 0;
    for (int i : indicatorOf) {
      n += i >= 0 ? 1 : 0;
    }
    return n;
  }

  /** Index of the indicator column of a source column in the output, or -1 when none. */
  public int indicatorColumn(int column) {
    return indicatorOf[column] < 0 ? -1 : fill.length + indicatorOf[column];
  }

  /** The fill value of a column. */
  public double fillValue(int column) {
    return fill[column];
  }

  /** Imputed copies of the rows with indicator columns appended. */
  public double[][] apply(double[][] rows) {
    int p = fill.length;
    int width = p + indicatorCount();
    double[][] out = new double[rows.length][width];
    for (int i = 0; i < rows.length; i++) {
      double[] r = rows[i];
      for (int j = 0; j < p; j++) {
        boolean missing = Double.isNaN(r[j]);
        out[i][j] = missing ? fill[j] : r[j];
        if (indicatorOf[j] >= 0) {
          out[i][p + indicatorOf[j]] = missing ? 1 : 0;
        }
      }
    }
    return out;
  }
}
