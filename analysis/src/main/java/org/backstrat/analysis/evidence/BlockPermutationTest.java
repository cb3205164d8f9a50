package org.backstrat.analysis.evidence;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.cluster.kmeans.Restarts;

/**
 * A permutation test of the claim that the strata are multimodal across data domains, not
 * merely the sum of what each domain shows alone. Each permutation shuffles every domain's
 * columns (as a block, so a domain's own joint distribution is kept) across people with its own
 * random order, which keeps every marginal but destroys the association between domains; the
 * permuted data are clustered with the same settings and K as the real ones. The statistic is
 * the share of the one-cluster trimmed objective that K clusters remove,
 * {@code 1 − W_K / W_1} (W = sum of squared distances of the kept people to their centres, in
 * the scaled space, each trimmed with the same α). Under the null hypothesis of independent
 * domains the observed statistic is exchangeable with the permuted ones, so the p-value is
 * {@code (1 + #{permuted ≥ observed}) / (1 + B)} (Phipson &amp; Smyth 2010).
 *
 * <p>Deterministic for a seed: permutation b uses the b-th of {@link Restarts#seeds}; the
 * clusterings run side by side and are combined in permutation order. Checked against a plain R
 * trimmed k-means replaying the same permutations (test resources
 * {@code reference/evidence/block_permutation_trimmed.R}, through the package-private
 * {@code run} that takes the permutations).
 */
public final class BlockPermutationTest {
  private BlockPermutationTest() {
  }

  /**
   * The test's outcome.
   *
   * @param statistic name of the statistic
   * @param observed its value on the data
   * @param permuted its value on every permutation, in permutation order
   * @param pValue (1 + count) / (1 + B)
   * @param domains the domains permuted, as column-name lists
   */
  public record Result(String statistic, double observed, double[] permuted, double pValue,
                       List<List<String>> domains) {
    public Result {
      permuted = permuted.clone();
      domains = domains.stream().map(List::copyOf).toList();
    }

    @Override
    public double[] permuted() {
      return permuted.clone();
    }

    /** Number of permutations B. */
    public int permutations() {
      return permuted.length;
    }
  }

  /** Name of the statistic, as reported. */
  public static final String STATISTIC = "1 - W_K / W_1 (trimmed objective at K over K = 1)";

  /**
   * Runs the test.
   *
   * @param scaled the scaled, weighted features as clustered
   * @param domains column indices of each domain; every column in exactly one
   * @param clusterer the clustering settings
   * @param k the K of the strata
   * @param permutations B
   * @param seed seed of the permutations
   * @param threads threads (results do not depend on them)
   */
  public static Result run(FeatureMatrix scaled, int[][] domains, Clusterer clusterer, int k,
                           int permutations, long seed, int threads) {
    long[] seeds = Restarts.seeds(seed, permutations);
    int n = scaled.rows();
    return run(scaled, domains, b -> orders(n, domains.length, seeds[b]), clusterer, k,
        permutations, threads);
  }

  /**
   * Runs the test on given permutations (so that a reference computed elsewhere can replay
   * them): {@code orders.apply(b)[j]} is the order of people that permutation b gives domain j
   * (row i of the permuted data takes domain j's columns from row {@code orders[j][i]}).
   */
  static Result run(FeatureMatrix scaled, int[][] domains, IntFunction<int[][]> orders,
                    Clusterer clusterer, int k, int permutations, int threads) {
    boolean[] seen = new boolean[scaled.columns()];
    for (int[] d : domains) {
      for (int c : d) {
        if (seen[c]) {
          throw new IllegalArgumentException("column " + c + " is in two domains");
        }
        seen[c] = true;
      }
    }
    for (int c = 0; c < seen.length; c++) {
      if (!seen[c]) {
        throw new IllegalArgumentException("column " + c + " is in no domain");
      }
    }
    Clusterer serial = clusterer.toBuilder().threads(1).build();
    double observed = statistic(scaled, clusterer, k);
    List<Double> perm = Restarts.inOrder(permutations, threads,
        b -> statistic(permute(scaled, domains, orders.apply(b)), serial, k));
    double[] values = new double[permutations];
    int atLeast = 0;
    for (int b = 0; b < permutations; b++) {
      values[b] = perm.get(b);
      if (values[b] >= observed) {
        atLeast++;
      }
    }
    List<List<String>> names = new java.util.ArrayList<>();
    for (int[] d : domains) {
      List<String> n = new java.util.ArrayList<>();
      for (int c : d) {
        n.add(scaled.names().get(c));
      }
      names.add(n);
    }
    return new Result(STATISTIC, observed, values, (1.0 + atLeast) / (1.0 + permutations),
        names);
  }

  /** 1 − W_K / W_1 for these data. */
  static double statistic(FeatureMatrix scaled, Clusterer clusterer, int k) {
    double wk = clusterer.fitScaled(scaled, k).objective();
    double w1 = clusterer.fitScaled(scaled, 1).objective();
    return w1 > 0 ? 1 - wk / w1 : 0;
  }

  /** The data with each domain's columns moved together to a random order of people. */
  static FeatureMatrix permute(FeatureMatrix scaled, int[][] domains, long seed) {
    return permute(scaled, domains, orders(scaled.rows(), domains.length, seed));
  }

  /** One random order of n people per domain, drawn in domain order from one stream. */
  static int[][] orders(int n, int domainCount, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[][] out = new int[domainCount][];
    for (int j = 0; j < domainCount; j++) {
      out[j] = Shuffle.permutation(n, r);
    }
    return out;
  }

  /** The data with domain j's columns taken from row {@code orders[j][i]} into row i. */
  static FeatureMatrix permute(FeatureMatrix scaled, int[][] domains, int[][] orders) {
    int n = scaled.rows();
    int p = scaled.columns();
    double[] src = scaled.rowMajorView();
    double[] out = new double[n * p];
    for (int j = 0; j < domains.length; j++) {
      int[] order = orders[j];
      if (order.length != n) {
        throw new IllegalArgumentException("order of " + order.length + " people for " + n);
      }
      for (int i = 0; i < n; i++) {
        for (int c : domains[j]) {
          out[i * p + c] = src[order[i] * p + c];
        }
      }
    }
    return FeatureMatrix.wrap(n, p, out, scaled.names());
  }
}
