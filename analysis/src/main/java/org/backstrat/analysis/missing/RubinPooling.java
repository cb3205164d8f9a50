package org.backstrat.analysis.missing;

import java.util.List;

/**
 * Rubin's rules (Rubin 1987; as mice's {@code pool}): the m estimates of each parameter are
 * averaged; its variance is the mean within-imputation variance Ū plus (1 + 1/m) times the
 * between-imputation variance B.
 *
 * @param estimate pooled estimate per parameter (mean over the imputed sets)
 * @param within Ū, the mean of the squared standard errors
 * @param between B, the variance of the m estimates (divisor m − 1)
 * @param total T = Ū + (1 + 1/m) B
 * @param imputations m
 */
public record RubinPooling(double[] estimate, double[] within, double[] between, double[] total,
                           int imputations) {

  /**
   * Pools per-set estimates.
   *
   * @param estimates one array of parameter estimates per imputed set
   * @param variances their squared standard errors, same shape
   */
  public static RubinPooling of(List<double[]> estimates, List<double[]> variances) {
    int m = estimates.size();
    if (m < 2 || variances.size() != m) {
      throw new IllegalArgumentException("at least two imputed sets, each with variances");
    }
    int p = estimates.get(0).length;
    double[] q = new double[p];
    double[] u = new double[p];
    double[] b = new double[p];
    double[] t = new double[p];
    for (int k = 0; k < p; k++) {
      for (int i = 0; i < m; i++) {
        q[k] += estimates.get(i)[k] / m;
        u[k] += variances.get(i)[k] / m;
      }
      for (int i = 0; i < m; i++) {
        double e = estimates.get(i)[k] - q[k];
        b[k] += e * e / (m - 1);
      }
      t[k] = u[k] + (1 + 1.0 / m) * b[k];
    }
    return new RubinPooling(q, u, b, t, m);
  }

  /** Pooled standard error √T of parameter k. */
  public double standardError(int k) {
    return Math.sqrt(total[k]);
  }

  /** Fraction of missing information, approximately (1 + 1/m) B / T. */
  public double missingInformation(int k) {
    return total[k] > 0 ? (1 + 1.0 / imputations) * between[k] / total[k] : 0;
  }
}
