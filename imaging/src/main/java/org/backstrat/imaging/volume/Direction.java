package org.backstrat.imaging.volume;

import java.util.Arrays;

/**
 * Direction cosines of a volume's three index axes in LPS patient coordinates (see the package
 * documentation): column {@code a} is the unit vector along index axis {@code a} (0 = i, 1 = j,
 * 2 = k). Immutable; the matrix is stored row-major, {@code m[3 * row + column]}.
 */
public final class Direction {
  /** Tolerance on unit length and orthogonality of the columns. */
  public static final double ORTHONORMAL_TOLERANCE = 1e-3;

  private static final Direction IDENTITY = new Direction(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});

  private final double[] m;

  private Direction(double[] rowMajor) {
    this.m = rowMajor;
  }

  /** The identity: i towards L, j towards P, k towards S. */
  public static Direction identity() {
    return IDENTITY;
  }

  /**
   * Direction from three column vectors (each of length 3), normalised to unit length.
   *
   * @throws IllegalArgumentException if a column is zero or not finite, or the columns are not
   *     orthogonal within {@link #ORTHONORMAL_TOLERANCE} after normalisation
   */
  public static Direction ofColumns(double[] i, double[] j, double[] k) {
    double[][] cols = {unit(i), unit(j), unit(k)};
    for (int a = 0; a < 3; a++) {
      for (int b = a + 1; b < 3; b++) {
        double dot = dot(cols[a], cols[b]);
        if (Math.abs(dot) > ORTHONORMAL_TOLERANCE * 10) {
          throw new IllegalArgumentException("index axes " + a + " and " + b
              + " are not orthogonal (cosine " + dot + "); sheared grids are not supported");
        }
      }
    }
    double[] m = new double[9];
    for (int c = 0; c < 3; c++) {
      for (int r = 0; r < 3; r++) {
        m[3 * r + c] = cols[c][r];
      }
    }
    return new Direction(m);
  }

  /** Direction from a row-major 3x3 matrix whose columns are the axis directions. */
  public static Direction ofRowMajor(double[] rowMajor) {
    if (rowMajor.length != 9) {
      throw new IllegalArgumentException("need 9 values, got " + rowMajor.length);
    }
    return ofColumns(new double[] {rowMajor[0], rowMajor[3], rowMajor[6]},
        new double[] {rowMajor[1], rowMajor[4], rowMajor[7]},
        new double[] {rowMajor[2], rowMajor[5], rowMajor[8]});
  }

  /** Unit vector (LPS) of index axis {@code axis} (0, 1 or 2); a fresh copy. */
  public double[] column(int axis) {
    return new double[] {m[axis], m[3 + axis], m[6 + axis]};
  }

  /** Element at a row (LPS component) and column (index axis). */
  public double get(int row, int column) {
    return m[3 * row + column];
  }

  /** Row-major copy of the matrix. */
  public double[] toRowMajor() {
    return m.clone();
  }

  /** Determinant: +1 for a right-handed index frame, -1 for a left-handed one. */
  public double determinant() {
    return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
        + m[2] * (m[3] * m[7] - m[4] * m[6]);
  }

  /**
   * The in-slice normal: the cross product of the i and j axis directions, which is the slice
   * normal whatever the sign of the k axis. For a 2-D image this is the only normal there is.
   */
  public double[] sliceNormal() {
    double[] a = column(0);
    double[] b = column(1);
    return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0]};
  }

  /** Axis code of one index axis, e.g. "L", "P" or "S" for the identity (nearest LPS axis). */
  public String axisCode(int axis) {
    double[] c = column(axis);
    int best = 0;
    for (int r = 1; r < 3; r++) {
      if (Math.abs(c[r]) > Math.abs(c[best])) {
        best = r;
      }
    }
    String positive = "LPS";
    String negative = "RAI";
    return String.valueOf(c[best] >= 0 ? positive.charAt(best) : negative.charAt(best));
  }

  /** Three-letter code of the index axes, e.g. "LPS" or "PIL" (where each axis points). */
  public String orientationCode() {
    return axisCode(0) + axisCode(1) + axisCode(2);
  }

  private static double[] unit(double[] v) {
    if (v.length != 3) {
      throw new IllegalArgumentException("direction vector needs 3 components");
    }
    double n = Math.sqrt(dot(v, v));
    if (!(n > 0) || !Double.isFinite(n)) {
      throw new IllegalArgumentException("direction vector is zero or not finite: "
          + Arrays.toString(v));
    }
    return new double[] {v[0] / n, v[1] / n, v[2] / n};
  }

  static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Direction d && Arrays.equals(m, d.m);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(m);
  }

  @Override
  public String toString() {
    return "Direction" + Arrays.toString(m) + " (" + orientationCode() + ")";
  }
}
