package org.backstrat.core.scoring;

/**
 * Shape check shared by the column-wise scoring functions: a block of item columns must have
 * the expected number of columns, all of one length. A wrong shape is a programming error
 * (the cohort scorer builds these blocks), so it is reported as {@link IllegalArgumentException}.
 */
final class ColumnBlock {
  private ColumnBlock() {
  }

  /** The common length of the columns, after checking their count and lengths. */
  static int rows(double[][] columns, int expectedColumns, String what) {
    if (columns.length != expectedColumns) {
      throw new IllegalArgumentException("expected " + expectedColumns + " " + what
          + " columns, got " + columns.length);
    }
    int n = columns[0].length;
    for (double[] c : columns) {
      if (c.length != n) {
        throw new IllegalArgumentException(what + " columns of different lengths");
      }
    }
    return n;
  }
}
