package org.backstrat.cluster.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A dense numeric table of {@code rows} observations by {@code columns} features, held as one
 * row-major {@code double[]} so the distance loops of the clustering engine walk memory in order
 * and never box. Immutable in the sense of this API: the array is never exposed for writing;
 * {@link #wrap} takes ownership of the caller's array (no copy, for large data), {@link #of}
 * copies.
 *
 * <p>Cells must be finite; callers that read user files check that with a clear message first
 * ({@link #requireFinite}).
 */
public final class FeatureMatrix {
  private final int rows;
  private final int columns;
  private final double[] values;
  private final List<String> names;
  /** Every cell is known to be finite (a reader refused the others): no need to scan again. */
  private final boolean knownFinite;

  private FeatureMatrix(int rows, int columns, double[] values, List<String> names) {
    this(rows, columns, values, names, false);
  }

  private FeatureMatrix(int rows, int columns, double[] values, List<String> names,
                        boolean knownFinite) {
    if (rows < 0 || columns < 1) {
      throw new IllegalArgumentException("need rows >= 0 and columns >= 1: " + rows + "x" + columns);
    }
    if ((long) rows * columns != values.length) {
      throw new IllegalArgumentException(
          "array length " + values.length + " is not " + rows + " x " + columns);
    }
    if (names.size() != columns) {
      throw new IllegalArgumentException(names.size() + " names for " + columns + " columns");
    }
    this.rows = rows;
    this.columns = columns;
    this.values = values;
    this.names = List.copyOf(names);
    this.knownFinite = knownFinite;
  }

  /**
   * Takes ownership of a row-major array (cell (i, j) at {@code i * columns + j}); the caller
   * must not modify it afterwards.
   */
  public static FeatureMatrix wrap(int rows, int columns, double[] rowMajor, List<String> names) {
    return new FeatureMatrix(rows, columns, Objects.requireNonNull(rowMajor), names);
  }

  /**
   * As {@link #wrap}, for an array whose cells the caller has already checked to be finite (a
   * reader that refuses NaN and infinities, naming their row and column): {@link #knownFinite}
   * is then true, and the clustering engine does not scan the cells again. The check is the
   * caller's; nothing is verified here.
   */
  public static FeatureMatrix wrapFinite(int rows, int columns, double[] rowMajor,
                                         List<String> names) {
    return new FeatureMatrix(rows, columns, Objects.requireNonNull(rowMajor), names, true);
  }

  /**
   * Whether every cell is known to be finite without looking ({@link #wrapFinite}, or rows
   * selected from such a matrix); false means unknown, not that a cell is not finite.
   */
  public boolean knownFinite() {
    return knownFinite;
  }

  /** Copies rows given as arrays (all of the same length); names default to V1..Vd when null. */
  public static FeatureMatrix of(double[][] data, List<String> names) {
    if (data.length == 0) {
      throw new IllegalArgumentException("no rows");
    }
    int d = data[0].length;
    double[] v = new double[data.length * d];
    for (int i = 0; i < data.length; i++) {
      if (data[i].length != d) {
        throw new IllegalArgumentException("row " + i + " has " + data[i].length + " values, not " + d);
      }
      System.arraycopy(data[i], 0, v, i * d, d);
    }
    return new FeatureMatrix(data.length, d, v, names == null ? defaultNames(d) : names);
  }

  /** Copies rows given as arrays, with columns named V1..Vd as R names headerless columns. */
  public static FeatureMatrix of(double[][] data) {
    return of(data, null);
  }

  /** R's names for unnamed columns: V1, V2, ... */
  public static List<String> defaultNames(int columns) {
    List<String> n = new ArrayList<>(columns);
    for (int j = 1; j <= columns; j++) {
      n.add("V" + j);
    }
    return n;
  }

  /** Number of observations. */
  public int rows() {
    return rows;
  }

  /** Number of features. */
  public int columns() {
    return columns;
  }

  /** Feature names, in column order. */
  public List<String> names() {
    return names;
  }

  /** One cell. */
  public double get(int row, int column) {
    return values[row * columns + column];
  }

  /** A copy of one row. */
  public double[] row(int row) {
    return Arrays.copyOfRange(values, row * columns, (row + 1) * columns);
  }

  /** A copy of one column. */
  public double[] column(int column) {
    double[] c = new double[rows];
    for (int i = 0, p = column; i < rows; i++, p += columns) {
      c[i] = values[p];
    }
    return c;
  }

  /**
   * The backing row-major array, for the engine's hot loops in this library. Callers must treat it
   * as read-only.
   */
  public double[] rowMajorView() {
    return values;
  }

  /** A new matrix with the given rows, in the given order (rows may repeat, as in a bootstrap). */
  public FeatureMatrix selectRows(int[] rowIndices) {
    double[] v = new double[rowIndices.length * columns];
    for (int r = 0; r < rowIndices.length; r++) {
      System.arraycopy(values, rowIndices[r] * columns, v, r * columns, columns);
    }
    return new FeatureMatrix(rowIndices.length, columns, v, names, knownFinite);
  }

  /**
   * Throws {@link IllegalArgumentException} naming the first non-finite cell; readers of user
   * files report such cells as bad input before building a matrix.
   */
  public FeatureMatrix requireFinite() {
    for (int p = 0; p < values.length; p++) {
      if (!Double.isFinite(values[p])) {
        throw new IllegalArgumentException("row " + (p / columns + 1) + ", column "
            + names.get(p % columns) + ": " + values[p] + " is not a finite number");
      }
    }
    return this;
  }
}
