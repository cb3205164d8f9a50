package org.backstrat.analysis.missing;

/**
 * The small dense linear algebra imputation and pooling need (normal equations of a few dozen
 * columns): Gauss–Jordan inverse with partial pivoting, Cholesky factor, products.
 */
final class Linear {
  private Linear() {
  }

  /** The inverse of a symmetric positive definite (or at least non-singular) matrix. */
  static double[][] inverse(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][2 * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n + i] = 1;
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] t = m[c];
      m[c] = m[pivot];
      m[pivot] = t;
      double d = m[c][c];
      if (Math.abs(d) < 1e-300) {
        throw new ArithmeticException("singular matrix");
      }
      for (int k = 0; k < 2 * n; k++) {
        m[c][k] /= d;
      }
      for (int r = 0; r < n; r++) {
        if (r != c && m[r][c] != 0) {
          double f = m[r][c];
          for (int k = 0; k < 2 * n; k++) {
            m[r][k] -= f * m[c][k];
          }
        }
      }
    }
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(m[i], n, inv[i], 0, n);
    }
    return inv;
  }

  /** Lower-triangular L with L Lᵀ = a (a symmetrised first; tiny negative pivots clamp to 0). */
  static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0.5 * (a[i][j] + a[j][i]);
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          l[i][i] = Math.sqrt(Math.max(s, 0));
        } else {
          l[i][j] = l[j][j] > 0 ? s / l[j][j] : 0;
        }
      }
    }
    return l;
  }

  static double[] times(double[][] a, double[] x) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = dot(a[i], x);
    }
    return out;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
