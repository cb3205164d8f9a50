package org.backstrat.analysis.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Dunn's post-hoc test: all pairwise comparisons of mean ranks after a Kruskal–Wallis test,
 * with the tie-corrected variance (Dunn 1964, <i>Technometrics</i> 6:241; tie correction as in
 * Zar, <i>Biostatistical Analysis</i>, and R's {@code dunn.test}).
 *
 * <p>Values are ranked jointly over all groups (mid-ranks). For groups {@code a}, {@code b}
 * with mean ranks {@code Rbar_a}, {@code Rbar_b} and sizes {@code n_a}, {@code n_b}:
 * <pre>
 *   z = (Rbar_a - Rbar_b) / sqrt( (N (N + 1) / 12 - sum(t^3 - t) / (12 (N - 1))) (1/n_a + 1/n_b) )
 *   p = 2 P(Z &gt;= |z|)
 * </pre>
 * p-values are unadjusted; adjust them across the pairs with {@link PValueAdjustment}.
 * When all values are equal the variance is 0 and z, p are NaN. Missing values, negative labels
 * and empty groups are handled as in {@link KruskalWallis}.
 */
public final class DunnTest {
  private static final DunnTest DEFAULT = new DunnTest();
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private DunnTest() {
  }

  /** The test (it has no options). */
  public static DunnTest withDefaults() {
    return DEFAULT;
  }

  /**
   * One pairwise comparison.
   *
   * @param groupA label of the first group (the smaller label)
   * @param groupB label of the second group
   * @param z mean rank of A minus mean rank of B, over its standard error
   * @param p two-sided, unadjusted
   */
  public record Comparison(int groupA, int groupB, double z, double p) {
  }

  /**
   * All pairs, ordered (a, b) with a before b in ascending label order, as R's pairwise output.
   *
   * @param comparisons the pairs
   */
  public record Result(List<Comparison> comparisons) {
    public Result {
      comparisons = List.copyOf(comparisons);
    }
  }

  /** Compares every pair of groups of {@code values} labelled by {@code groupLabels}. */
  public Result test(double[] values, int[] groupLabels) {
    return test(GroupedSample.of(values, groupLabels));
  }

  Result test(GroupedSample sample) {
    sample.requireTwoGroups("Dunn's test");
    int n = sample.size();
    int k = sample.groupCount();
    MidRanks ranks = MidRanks.of(sample.values());
    double[] rankSum = ranks.sumsByGroup(sample);
    double nd = n;
    double variance = nd * (nd + 1) / 12 - ranks.tieSum() / (12 * (nd - 1));
    List<Comparison> out = new ArrayList<>(k * (k - 1) / 2);
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        double na = sample.groupSize(a);
        double nb = sample.groupSize(b);
        double se = Math.sqrt(variance * (1 / na + 1 / nb));
        double z = se > 0 ? (rankSum[a] / na - rankSum[b] / nb) / se : Double.NaN;
        double p = Double.isNaN(z) ? Double.NaN : 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z));
        out.add(new Comparison(sample.label(a), sample.label(b), z, Math.min(1, p)));
      }
    }
    return new Result(out);
  }
}
