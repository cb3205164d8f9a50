package org.backstrat.analysis.missing;

import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Rubin's rules (Rubin 1987) as R mice's {@code pool} applies them: the m estimates of each
 * parameter are averaged (Q̄); its variance is the mean within-imputation variance Ū plus
 * (1 + 1/m) times the between-imputation variance B; inference uses a t distribution with the
 * Barnard–Rubin (1999) small-sample degrees of freedom, which need the complete-data degrees of
 * freedom (n − p for a regression; infinite gives Rubin's original large-sample df). Checked
 * against mice 3.15 {@code pool} on a logistic regression (fixture
 * {@code reference/rubin/heymans_rubin.R}).
 *
 * @param estimate pooled estimate Q̄ per parameter (mean over the imputed sets)
 * @param within Ū, the mean of the squared standard errors
 * @param between B, the variance of the m estimates (divisor m − 1)
 * @param total T = Ū + (1 + 1/m) B
 * @param imputations m
 * @param completeDataDf degrees of freedom had there been no missing data (n − p for a
 *     regression; {@link Double#POSITIVE_INFINITY} when unknown)
 */
public record RubinPooling(double[] estimate, double[] within, double[] between, double[] total,
                           int imputations, double completeDataDf) {
  /** Copies the arrays. */
  public RubinPooling {
    estimate = estimate.clone();
    within = within.clone();
    between = between.clone();
    total = total.clone();
  }

  @Override
  public double[] estimate() {
    return estimate.clone();
  }

  @Override
  public double[] within() {
    return within.clone();
  }

  @Override
  public double[] between() {
    return between.clone();
  }

  @Override
  public double[] total() {
    return total.clone();
  }

  /**
   * Pools per-set estimates with large-sample degrees of freedom (complete-data df infinite).
   *
   * @param estimates one array of parameter estimates per imputed set
   * @param variances their squared standard errors, same shape
   */
  public static RubinPooling of(List<double[]> estimates, List<double[]> variances) {
    return of(estimates, variances, Double.POSITIVE_INFINITY);
  }

  /**
   * Pools per-set estimates.
   *
   * @param estimates one array of parameter estimates per imputed set
   * @param variances their squared standard errors, same shape
   * @param completeDataDf n − p of the complete-data analysis (or infinity)
   */
  public static RubinPooling of(List<double[]> estimates, List<double[]> variances,
                                double completeDataDf) {
    int m = estimates.size();
    if (m < 2 || variances.size() != m) {
      throw new IllegalArgumentException("at least two imputed sets, each with variances");
    }
    if (!(completeDataDf > 0)) {
      throw new IllegalArgumentException("complete-data degrees of freedom must be positive: "
          + completeDataDf);
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
    return new RubinPooling(q, u, b, t, m, completeDataDf);
  }

  /** Pooled standard error √T of parameter k. */
  public double standardError(int k) {
    return Math.sqrt(total[k]);
  }

  /** λ = (1 + 1/m) B / T, the share of the total variance due to the missing data. */
  public double lambda(int k) {
    return total[k] > 0 ? (1 + 1.0 / imputations) * between[k] / total[k] : 0;
  }

  /** Fraction of missing information, approximately λ (kept for callers of the first version). */
  public double missingInformation(int k) {
    return lambda(k);
  }

  /** Relative increase in variance due to nonresponse, r = (1 + 1/m) B / Ū. */
  public double relativeIncrease(int k) {
    return (1 + 1.0 / imputations) * between[k] / within[k];
  }

  /**
   * Barnard–Rubin degrees of freedom, as mice's {@code barnard.rubin}: λ floored at 1e-4,
   * ν_old = (m − 1)/λ², ν_obs = (ν_com + 1)/(ν_com + 3) ν_com (1 − λ), ν = ν_old ν_obs /
   * (ν_old + ν_obs); ν_old alone when ν_com is infinite.
   */
  public double degreesOfFreedom(int k) {
    double lambda = Math.max(1e-4, lambda(k));
    double old = (imputations - 1) / (lambda * lambda);
    if (Double.isInfinite(completeDataDf)) {
      return old;
    }
    double com = completeDataDf;
    double obs = (com + 1) / (com + 3) * com * (1 - lambda);
    return old * obs / (old + obs);
  }

  /** Fraction of missing information, mice's fmi = (r + 2/(ν + 3)) / (r + 1). */
  public double fractionMissingInformation(int k) {
    double r = relativeIncrease(k);
    return (r + 2 / (degreesOfFreedom(k) + 3)) / (r + 1);
  }

  /** Two-sided p-value of Q̄/√T against a t distribution with the Barnard–Rubin df. */
  public double pValue(int k) {
    double stat = Math.abs(estimate[k] / standardError(k));
    return 2 * TDistribution.of(degreesOfFreedom(k)).survivalProbability(stat);
  }

  /** Confidence limits {lower, upper} of level {@code level} (e.g. 0.95) with the t quantile. */
  public double[] confidenceInterval(int k, double level) {
    double q = TDistribution.of(degreesOfFreedom(k)).inverseSurvivalProbability((1 - level) / 2);
    double se = standardError(k);
    return new double[] {estimate[k] - q * se, estimate[k] + q * se};
  }
}
