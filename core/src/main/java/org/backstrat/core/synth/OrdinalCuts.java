package org.backstrat.core.synth;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Cut points of an ordered-probit variable whose latent is a mixture of normals: given the
 * mixture (weights, means, SDs) and target shares of the K categories, finds the K − 1 cuts
 * c<sub>1</sub> &lt; … &lt; c<sub>K−1</sub> with P(latent &lt; c<sub>k</sub>) equal to the
 * cumulative target share. This lets a spec state published marginal distributions directly,
 * while the stratum shifts of the latent only decide who lands in which category.
 */
final class OrdinalCuts {

  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);
  private static final int BISECTION_STEPS = 200;

  private OrdinalCuts() {
  }

  /**
   * The cuts; a category with share 0 gets two equal cuts. Solved by bisection on the mixture
   * CDF, which is continuous and increasing, to double precision.
   */
  static double[] solve(double[] weights, double[] means, double[] sds, double[] shares) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < means.length; i++) {
      lo = Math.min(lo, means[i] - 40 * sds[i]);
      hi = Math.max(hi, means[i] + 40 * sds[i]);
    }
    double[] cuts = new double[shares.length - 1];
    double cumulative = 0;
    for (int k = 0; k < cuts.length; k++) {
      cumulative += shares[k];
      cuts[k] = quantile(weights, means, sds, Math.min(1, cumulative), lo, hi);
    }
    return cuts;
  }

  /** Mixture CDF at x (weights are normalised). */
  static double cdf(double[] weights, double[] means, double[] sds, double x) {
    double total = 0;
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      total += weights[i];
      sum += weights[i] * STANDARD.cumulativeProbability((x - means[i]) / sds[i]);
    }
    return sum / total;
  }

  private static double quantile(double[] weights, double[] means, double[] sds, double p,
                                 double lo, double hi) {
    double a = lo;
    double b = hi;
    for (int step = 0; step < BISECTION_STEPS && b - a > 0; step++) {
      double mid = 0.5 * (a + b);
      if (mid == a || mid == b) {
        break;
      }
      if (cdf(weights, means, sds, mid) < p) {
        a = mid;
      } else {
        b = mid;
      }
    }
    return 0.5 * (a + b);
  }
}
