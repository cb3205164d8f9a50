package org.backstrat.analysis.missing;

/**
 * Binary logistic regression by maximum likelihood (Newton–Raphson, as R's {@code glm} with
 * {@code family = binomial} fits it), with the standard errors from the inverse Fisher
 * information: the complete-data analysis of a 0/1 outcome whose results {@link RubinPooling}
 * combines across imputed sets. Where the outcome is separated by the columns the maximum
 * likelihood estimate does not exist: the fit then says it did not converge rather than report
 * a huge coefficient as if it were an estimate.
 *
 * @param coefficients intercept first, then one per column (log odds ratios)
 * @param variances squared standard errors: the diagonal of (XᵀWX)⁻¹ at the estimate
 * @param converged whether the deviance settled (relative change below 1e-10) with finite,
 *     moderate coefficients (|β| &lt; 30 on the logit scale)
 * @param completeDataDf n − p, the residual degrees of freedom R reports
 */
public record LogisticRegression(double[] coefficients, double[] variances, boolean converged,
                                 int completeDataDf) {
  private static final int MAX_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-10;
  private static final double SEPARATED = 30;

  /** Copies the arrays. */
  public LogisticRegression {
    coefficients = coefficients.clone();
    variances = variances.clone();
  }

  @Override
  public double[] coefficients() {
    return coefficients.clone();
  }

  @Override
  public double[] variances() {
    return variances.clone();
  }

  /**
   * Fits y on the columns of x with an intercept.
   *
   * @param x one row per person, one column per predictor
   * @param y the 0/1 outcome per person
   */
  public static LogisticRegression fit(double[][] x, boolean[] y) {
    int n = x.length;
    if (n == 0 || y.length != n) {
      throw new IllegalArgumentException(n + " rows, " + y.length + " outcomes");
    }
    int q = x[0].length + 1;
    double[] beta = new double[q];
    double[] r = new double[q];
    double deviance = Double.POSITIVE_INFINITY;
    boolean settled = false;
    double[][] info = new double[q][q];
    for (int iter = 0; iter < MAX_ITERATIONS && !settled; iter++) {
      info = new double[q][q];
      double[] score = new double[q];
      double dev = 0;
      for (int i = 0; i < n; i++) {
        row(x[i], r);
        double eta = Linear.dot(r, beta);
        double p = 1 / (1 + Math.exp(-eta));
        double w = p * (1 - p);
        double e = (y[i] ? 1 : 0) - p;
        dev -= 2 * (y[i] ? logistic(eta) : logistic(-eta));
        for (int a = 0; a < q; a++) {
          score[a] += r[a] * e;
          for (int b = 0; b <= a; b++) {
            info[a][b] += r[a] * w * r[b];
          }
        }
      }
      for (int a = 0; a < q; a++) {
        for (int b = 0; b < a; b++) {
          info[b][a] = info[a][b];
        }
      }
      settled = Math.abs(dev - deviance) < TOLERANCE * (Math.abs(dev) + 0.1);
      deviance = dev;
      if (!settled) {
        double[] step;
        try {
          step = Linear.times(Linear.inverse(info), score);
        } catch (ArithmeticException singular) {
          break; // a column without information (e.g. an empty level): no estimate
        }
        for (int a = 0; a < q; a++) {
          beta[a] += step[a];
        }
      }
    }
    // information at the final estimate
    info = new double[q][q];
    for (int i = 0; i < n; i++) {
      row(x[i], r);
      double p = 1 / (1 + Math.exp(-Linear.dot(r, beta)));
      double w = p * (1 - p);
      for (int a = 0; a < q; a++) {
        for (int b = 0; b < q; b++) {
          info[a][b] += r[a] * w * r[b];
        }
      }
    }
    double[][] inv;
    try {
      inv = Linear.inverse(info);
    } catch (ArithmeticException singular) {
      double[] nan = new double[q];
      java.util.Arrays.fill(nan, Double.NaN);
      return new LogisticRegression(beta, nan, false, n - q);
    }
    double[] v = new double[q];
    boolean moderate = true;
    for (int a = 0; a < q; a++) {
      v[a] = inv[a][a];
      moderate &= Double.isFinite(beta[a]) && Math.abs(beta[a]) < SEPARATED
          && Double.isFinite(v[a]);
    }
    return new LogisticRegression(beta, v, settled && moderate, n - q);
  }

  /** log(1 / (1 + e^(−η))), stable for large |η|. */
  private static double logistic(double eta) {
    return eta >= 0 ? -Math.log1p(Math.exp(-eta)) : eta - Math.log1p(Math.exp(eta));
  }

  private static void row(double[] xi, double[] r) {
    r[0] = 1;
    System.arraycopy(xi, 0, r, 1, r.length - 1);
  }
}
