package org.backstrat.analysis.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Kruskal–Wallis rank sum test that {@code k} groups come from the same distribution, with the
 * correction for ties and the ε² effect size. Gives the same statistic, degrees of freedom and
 * p-value as R's {@code kruskal.test}.
 *
 * <p>With {@code N} non-missing values ranked together (mid-ranks for ties), group sizes
 * {@code n_j} and rank sums {@code R_j}:
 * <pre>
 *   H0 = 12 / (N (N + 1)) * sum_j R_j^2 / n_j - 3 (N + 1)
 *   H  = H0 / (1 - sum(t^3 - t) / (N^3 - N))      (t = size of each group of tied values)
 *   df = k - 1,   p = P(chi^2_df >= H)
 * </pre>
 * (Kruskal &amp; Wallis 1952; Hollander, Wolfe &amp; Chicken, <i>Nonparametric Statistical
 * Methods</i>, 3rd ed., §6.1). The upper tail is the chi-square survival function, evaluated
 * directly so that very small p-values (1e-30 and below) keep full relative precision instead
 * of being lost as {@code 1 - cdf}.
 *
 * <p>Effect size (Tomczak &amp; Tomczak 2014): {@code ε² = H / ((N^2 - 1) / (N + 1)) = H / (N - 1)},
 * between 0 (no separation) and 1 (groups perfectly separated by rank).
 *
 * <p>Special cases: missing values (NaN) and negative labels are dropped; groups without members
 * do not count toward {@code k} (as R drops unused factor levels); a group of one member is
 * allowed. Fewer than two non-empty groups is bad input. When all values are equal the ranks
 * carry no information and {@code H = 0/0}: the statistic, p and ε² are NaN (R reports NaN and
 * NA), and the caller must report the test as not computable.
 */
public final class KruskalWallis {
  private static final KruskalWallis DEFAULT = new KruskalWallis();

  private KruskalWallis() {
  }

  /** The test (it has no options). */
  public static KruskalWallis withDefaults() {
    return DEFAULT;
  }

  /**
   * Result of the test.
   *
   * @param statistic H, corrected for ties (NaN when all values are equal)
   * @param degreesOfFreedom number of non-empty groups minus 1
   * @param p upper-tail chi-square probability of H
   * @param epsilonSquared ε² = H / (N - 1)
   * @param n number of values used (N)
   * @param groups number of non-empty groups (k)
   */
  public record Result(double statistic, int degreesOfFreedom, double p, double epsilonSquared,
                       int n, int groups) {
  }

  /**
   * Tests {@code values} grouped by {@code groupLabels} (any integers; negative = in no group).
   *
   * @throws org.backstrat.core.BadInputException if the arrays differ in length or fewer than two
   *     groups have non-missing values
   */
  public Result test(double[] values, int[] groupLabels) {
    return test(GroupedSample.of(values, groupLabels));
  }

  /** Tests one array of values per group; empty arrays are allowed and ignored. */
  public Result test(double[][] groups) {
    return test(GroupedSample.of(groups));
  }

  Result test(GroupedSample sample) {
    sample.requireTwoGroups("Kruskal-Wallis test");
    int n = sample.size();
    int k = sample.groupCount();
    MidRanks ranks = MidRanks.of(sample.values());
    double[] rankSum = ranks.sumsByGroup(sample);
    // sum_j n_j (Rbar_j - Rbar)^2 is the same quantity as sum R_j^2/n_j - N (N+1)^2 / 4 but is
    // not a difference of two large numbers, so it keeps precision when H is small.
    double meanRank = (n + 1) / 2.0;
    double between = 0;
    for (int j = 0; j < k; j++) {
      double d = rankSum[j] / sample.groupSize(j) - meanRank;
      between += sample.groupSize(j) * d * d;
    }
    double nd = n;
    double h0 = 12.0 / (nd * (nd + 1)) * between;
    double tieFactor = 1 - ranks.tieSum() / (nd * nd * nd - nd);
    double h = tieFactor == 0 ? Double.NaN : h0 / tieFactor;
    int df = k - 1;
    double p = Double.isNaN(h) ? Double.NaN : ChiSquaredDistribution.of(df).survivalProbability(h);
    return new Result(h, df, p, h / (nd - 1), n, k);
  }
}
