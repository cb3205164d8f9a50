package org.backstrat.analysis.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.kmeans.ClusterFit;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.cluster.kmeans.Restarts;

/**
 * Prediction strength (Tibshirani &amp; Walther 2005) exactly as R {@code fpc::prediction.strength}
 * computes it with centroid classification, and split-half reproducibility. Each split puts a
 * random half of the people (the first ⌊n/2⌋ of a random permutation) in A and the rest in B;
 * both halves are clustered with the same settings; each half's people are classified to the
 * nearest centre of the other half's clustering. For a half, the strength of its cluster c is
 * the share of pairs of people in c that the other half's centres also put together; the
 * split's prediction strength is the mean over the two halves of their weakest cluster's
 * strength, and the result is the mean over splits. Tibshirani and Walther read 0.8 to 0.9 and
 * above as a well-supported K.
 *
 * <p>Split-half reproducibility: per half, the adjusted Rand index between its own clustering
 * and its classification by the other half's centres, averaged over both halves and all splits.
 *
 * <p>Neither measure tests whether the strata are more than the separate data domains: a cohort
 * whose domains were shuffled independently still gives high values when a domain is itself
 * multimodal. Deterministic for a seed: split s uses the s-th of {@link Restarts#seeds}.
 */
public final class PredictionStrength {
  private PredictionStrength() {
  }

  /**
   * Prediction strength and split-half reproducibility at one K.
   *
   * @param k number of clusters
   * @param strength mean prediction strength over the splits
   * @param perSplit each split's prediction strength
   * @param splitHalfAri mean split-half adjusted Rand index
   */
  public record Result(int k, double strength, double[] perSplit, double splitHalfAri) {
    public Result {
      perSplit = perSplit.clone();
    }

    @Override
    public double[] perSplit() {
      return perSplit.clone();
    }
  }

  /** The random halves of one split: A = first ⌊n/2⌋ of the permutation. */
  public static int[][] halves(int n, long seed) {
    int[] perm = Shuffle.permutation(n, new SplittableRandom(seed));
    int na = n / 2;
    int[] a = java.util.Arrays.copyOfRange(perm, 0, na);
    int[] b = java.util.Arrays.copyOfRange(perm, na, n);
    return new int[][] {a, b};
  }

  /**
   * Runs {@code splits} random splits at each K.
   *
   * @param scaled the scaled, weighted features as clustered
   * @param clusterer the clustering settings
   * @param ks the K values
   * @param splits number of random splits (fpc's M)
   * @param seed seed of the splits
   * @param threads threads (results do not depend on them)
   */
  public static List<Result> run(FeatureMatrix scaled, Clusterer clusterer, int[] ks, int splits,
                                 long seed, int threads) {
    long[] seeds = Restarts.seeds(seed, splits);
    List<Result> out = new ArrayList<>();
    Clusterer serial = clusterer.toBuilder().threads(1).build();
    for (int k : ks) {
      List<double[]> per = Restarts.inOrder(splits, threads, s -> {
        int[][] h = halves(scaled.rows(), seeds[s]);
        return ofSplit(scaled, serial, k, h[0], h[1]);
      });
      double[] strength = new double[splits];
      double ari = 0;
      double mean = 0;
      for (int s = 0; s < splits; s++) {
        strength[s] = per.get(s)[0];
        mean += strength[s] / splits;
        ari += per.get(s)[1] / splits;
      }
      out.add(new Result(k, mean, strength, ari));
    }
    return out;
  }

  /**
   * One split: {prediction strength, split-half ARI}, clustering both halves with the
   * clusterer (halves too small for k clusters give NaN).
   */
  public static double[] ofSplit(FeatureMatrix scaled, Clusterer clusterer, int k, int[] a,
                                 int[] b) {
    ClusterFit fa;
    ClusterFit fb;
    try {
      fa = clusterer.fitScaled(scaled.selectRows(a), k);
      fb = clusterer.fitScaled(scaled.selectRows(b), k);
    } catch (RuntimeException e) {
      return new double[] {Double.NaN, Double.NaN};
    }
    int[] aByB = classify(scaled, a, fb);
    int[] bByA = classify(scaled, b, fa);
    double psA = weakestCluster(fa.labels(), aByB, k);
    double psB = weakestCluster(fb.labels(), bByA, k);
    double ari = 0.5 * (AdjustedRand.of(fa.labels(), aByB) + AdjustedRand.of(fb.labels(), bByA));
    return new double[] {0.5 * (psA + psB), ari};
  }

  /**
   * fpc's per-half strength: min over the half's own clusters c of
   * Σ_d n_cd (n_cd − 1) / (n_c (n_c − 1)), 1 for clusters of at most one person.
   *
   * @param own the half's own clustering
   * @param predicted the half's classification by the other half's centres
   */
  public static double weakestCluster(int[] own, int[] predicted, int k) {
    long[][] t = new long[k][k];
    long[] size = new long[k];
    for (int i = 0; i < own.length; i++) {
      t[own[i]][predicted[i]]++;
      size[own[i]]++;
    }
    double min = Double.POSITIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double ps = 1.0;
      if (size[c] > 1) {
        double s = 0;
        for (long v : t[c]) {
          s += (double) v * v - v;
        }
        ps = s / ((double) size[c] * (size[c] - 1));
      }
      min = Math.min(min, ps);
    }
    return min;
  }

  private static int[] classify(FeatureMatrix scaled, int[] rows, ClusterFit other) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = other.assignScaled(scaled.row(rows[i])).cluster();
    }
    return out;
  }
}
