package org.backstrat.analysis.validation;

import java.util.Arrays;

/** Solves symmetric positive definite systems by Cholesky factorisation (dense, row-major). */
final class Cholesky {
  private Cholesky() {
  }

  /**
   * Solves a x = b for the m×m matrix a; false when a is not numerically positive definite.
   *
   * @param l workspace of m·m values
   */
  static boolean solve(double[] a, double[] b, double[] l, double[] x, int m) {
    Arrays.fill(l, 0);
    double maxDiag = 0;
    for (int i = 0; i < m; i++) {
      maxDiag = Math.max(maxDiag, a[i * m + i]);
    }
    double floor = maxDiag * 1e-14;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i * m + j];
        for (int q = 0; q < j; q++) {
          s -= l[i * m + q] * l[j * m + q];
        }
        if (i == j) {
          if (!(s > floor)) {
            return false;
          }
          l[i * m + i] = Math.sqrt(s);
        } else {
          l[i * m + j] = s / l[j * m + j];
        }
      }
    }
    for (int i = 0; i < m; i++) {
      double s = b[i];
      for (int q = 0; q < i; q++) {
        s -= l[i * m + q] * x[q];
      }
      x[i] = s / l[i * m + i];
    }
    for (int i = m - 1; i >= 0; i--) {
      double s = x[i];
      for (int q = i + 1; q < m; q++) {
        s -= l[q * m + i] * x[q];
      }
      x[i] = s / l[i * m + i];
    }
    return true;
  }
}
