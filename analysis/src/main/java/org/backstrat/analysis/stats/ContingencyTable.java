package org.backstrat.analysis.stats;

import org.backstrat.core.BadInputException;

/**
 * An r × c table of counts, validated (rectangular, non-negative) and with empty rows and
 * columns removed. A level that nobody in the compared groups has carries no information and
 * would make expected counts zero (R's {@code chisq.test} then returns NaN); dropping it is the
 * documented choice of every test in this package.
 */
final class ContingencyTable {
  private final long[][] counts;
  private final long[] rowSums;
  private final long[] colSums;
  private final long total;

  private ContingencyTable(long[][] counts) {
    this.counts = counts;
    int r = counts.length;
    int c = r == 0 ? 0 : counts[0].length;
    rowSums = new long[r];
    colSums = new long[c];
    long t = 0;
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        rowSums[i] += counts[i][j];
        colSums[j] += counts[i][j];
      }
      t += rowSums[i];
    }
    total = t;
  }

  /** Validates {@code table} and drops its all-zero rows and columns. */
  static ContingencyTable of(long[][] table) {
    if (table.length == 0) {
      throw new BadInputException("contingency table has no rows");
    }
    int c = table[0].length;
    for (long[] row : table) {
      if (row.length != c) {
        throw new BadInputException("contingency table is not rectangular: rows of length "
            + c + " and " + row.length);
      }
      for (long v : row) {
        if (v < 0) {
          throw new BadInputException("contingency table has a negative count: " + v);
        }
      }
    }
    boolean[] keepRow = new boolean[table.length];
    boolean[] keepCol = new boolean[c];
    int nr = 0;
    int nc = 0;
    for (int i = 0; i < table.length; i++) {
      for (int j = 0; j < c; j++) {
        if (table[i][j] > 0) {
          keepRow[i] = true;
          keepCol[j] = true;
        }
      }
      nr += keepRow[i] ? 1 : 0;
    }
    for (int j = 0; j < c; j++) {
      nc += keepCol[j] ? 1 : 0;
    }
    long[][] kept = new long[nr][nc];
    int a = 0;
    for (int i = 0; i < table.length; i++) {
      if (keepRow[i]) {
        int b = 0;
        for (int j = 0; j < c; j++) {
          if (keepCol[j]) {
            kept[a][b++] = table[i][j];
          }
        }
        a++;
      }
    }
    return new ContingencyTable(kept);
  }

  /** Cross-tabulates category codes (rows) against group labels (columns), like R's {@code table}. */
  static ContingencyTable crossTabulate(GroupedSample sample) {
    double[] levels = distinctSorted(sample.values());
    long[][] t = new long[levels.length][sample.groupCount()];
    for (int i = 0; i < sample.size(); i++) {
      int level = java.util.Arrays.binarySearch(levels, sample.value(i));
      t[level][sample.group(i)]++;
    }
    return of(t);
  }

  static double[] distinctSorted(double[] values) {
    double[] s = values.clone();
    java.util.Arrays.sort(s);
    int m = 0;
    for (int i = 0; i < s.length; i++) {
      if (i == 0 || s[i] != s[i - 1]) {
        s[m++] = s[i];
      }
    }
    return java.util.Arrays.copyOf(s, m);
  }

  int rows() {
    return counts.length;
  }

  int columns() {
    return colSums.length;
  }

  long count(int i, int j) {
    return counts[i][j];
  }

  long rowSum(int i) {
    return rowSums[i];
  }

  long colSum(int j) {
    return colSums[j];
  }

  long total() {
    return total;
  }

  /** A copy of the counts. */
  long[][] counts() {
    long[][] copy = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }

  /** Expected counts under independence, {@code E_ij = R_i C_j / N}. */
  double[][] expected() {
    double[][] e = new double[rows()][columns()];
    for (int i = 0; i < rows(); i++) {
      for (int j = 0; j < columns(); j++) {
        e[i][j] = (double) rowSums[i] * colSums[j] / total;
      }
    }
    return e;
  }

  /** True when the table still has at least two rows and two columns (a test is possible). */
  boolean isTestable() {
    return rows() >= 2 && columns() >= 2;
  }

  void requireTestable(String test) {
    if (!isTestable()) {
      throw new BadInputException(test + " needs at least 2 non-empty rows and 2 non-empty columns;"
          + " after dropping empty ones the table is " + rows() + " x " + columns());
    }
  }
}
