package org.backstrat.analysis.missing;

/**
 * Ordinary least squares with the classical standard errors (R's {@code lm}), the complete-data
 * analysis whose results {@link RubinPooling} combines across imputed sets.
 *
 * @param coefficients intercept first, then one per column
 * @param variances squared standard errors: σ̂² (XᵀX)⁻¹ diagonal, σ̂² = RSS / (n − p)
 */
public record LinearRegression(double[] coefficients, double[] variances) {

  /** Fits y on the columns of x with an intercept. */
  public static LinearRegression fit(double[][] x, double[] y) {
    int n = x.length;
    int q = x[0].length + 1;
    double[][] xtx = new double[q][q];
    double[] xty = new double[q];
    double[] r = new double[q];
    for (int i = 0; i < n; i++) {
      r[0] = 1;
      System.arraycopy(x[i], 0, r, 1, q - 1);
      for (int a = 0; a < q; a++) {
        xty[a] += r[a] * y[i];
        for (int b = 0; b < q; b++) {
          xtx[a][b] += r[a] * r[b];
        }
      }
    }
    double[][] inv = Linear.inverse(xtx);
    double[] beta = Linear.times(inv, xty);
    double rss = 0;
    for (int i = 0; i < n; i++) {
      r[0] = 1;
      System.arraycopy(x[i], 0, r, 1, q - 1);
      double e = y[i] - Linear.dot(r, beta);
      rss += e * e;
    }
    double s2 = rss / (n - q);
    double[] v = new double[q];
    for (int a = 0; a < q; a++) {
      v[a] = s2 * inv[a][a];
    }
    return new LinearRegression(beta, v);
  }
}
