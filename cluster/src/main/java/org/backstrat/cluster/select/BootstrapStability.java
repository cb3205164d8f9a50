package org.backstrat.cluster.select;

import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.kmeans.ClusterFit;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.cluster.kmeans.Restarts;
import org.backstrat.core.BadInputException;

/**
 * Cluster-wise stability by the nonparametric bootstrap, as Hennig's {@code fpc::clusterboot}
 * (Hennig 2007): draw B resamples of the rows with replacement, cluster each with the same method
 * and k, and for every original cluster C record the largest Jaccard similarity
 * {@code |C* ∩ D| / |C* ∪ D|} with a bootstrap cluster D, where C* is C restricted to the distinct
 * rows present in the resample and D is the set of distinct original rows in the bootstrap cluster
 * (kept rows only; trimmed rows belong to no cluster). The per-cluster stability is the mean over
 * the resamples in which C* is non-empty. Hennig's reading: below 0.6 unstable, 0.75 or more
 * stable, 0.85 or more highly stable.
 *
 * @param resamples number B of bootstrap resamples
 * @param seed master seed (resample b uses the b-th derived seed)
 * @param threads worker threads (the result does not depend on it)
 */
public record BootstrapStability(int resamples, long seed, int threads) {

  /** Hennig's thresholds (DESIGN.md): below UNSTABLE is unstable. */
  public static final double UNSTABLE = 0.6;
  /** At or above this mean Jaccard a cluster is stable. */
  public static final double STABLE = 0.75;
  /** At or above this mean Jaccard a cluster is highly stable. */
  public static final double HIGHLY_STABLE = 0.85;

  public BootstrapStability {
    if (resamples < 1 || threads < 1) {
      throw new BadInputException("bootstrap stability needs at least 1 resample");
    }
  }

  /** B = 100 resamples (clusterboot's default). */
  public static BootstrapStability withDefaults() {
    return new BootstrapStability(100, 1L, Runtime.getRuntime().availableProcessors());
  }

  /** Copy with another B. */
  public BootstrapStability withResamples(int b) {
    return new BootstrapStability(b, seed, threads);
  }

  /** Copy with another seed. */
  public BootstrapStability withSeed(long s) {
    return new BootstrapStability(resamples, s, threads);
  }

  /** Copy with another thread count. */
  public BootstrapStability withThreads(int t) {
    return new BootstrapStability(resamples, seed, t);
  }

  /**
   * Mean Jaccard per cluster, for several partitions of the same data at once (one per k; the
   * resamples are shared between them). {@code partitions.get(q)} is the original clustering at
   * {@code ks[q]}; resamples are clustered with {@code clusterer} single-threaded.
   *
   * @return per k, per original cluster, the mean Jaccard (NaN when C* was always empty)
   */
  public double[][] clusterJaccard(FeatureMatrix data, int[] ks, List<Partition> partitions,
                                   Clusterer clusterer) {
    int n = data.rows();
    Clusterer inner = clusterer.withThreads(1);
    List<double[][]> perResample = Restarts.runAll(resamples, seed, threads,
        () -> new int[n], (b, s, lastSeen) -> {
          SplittableRandom rng = new SplittableRandom(s);
          int[] idx = new int[n];
          for (int i = 0; i < n; i++) {
            idx[i] = rng.nextInt(n);
          }
          FeatureMatrix boot = data.selectRows(idx);
          double[][] out = new double[ks.length][];
          for (int q = 0; q < ks.length; q++) {
            ClusterFit fit;
            try {
              fit = inner.withSeed(s + q).fitScaled(boot, ks[q]);
            } catch (BadInputException e) {
              // a resample with fewer distinct rows than k: no information for this k
              out[q] = null;
              continue;
            }
            out[q] = jaccards(partitions.get(q), idx, fit, lastSeen);
          }
          return out;
        });
    double[][] mean = new double[ks.length][];
    for (int q = 0; q < ks.length; q++) {
      int k = ks[q];
      double[] sum = new double[k];
      int[] count = new int[k];
      for (double[][] r : perResample) {
        if (r[q] == null) {
          continue;
        }
        for (int c = 0; c < k; c++) {
          if (!Double.isNaN(r[q][c])) {
            sum[c] += r[q][c];
            count[c]++;
          }
        }
      }
      mean[q] = new double[k];
      for (int c = 0; c < k; c++) {
        mean[q][c] = count[c] == 0 ? Double.NaN : sum[c] / count[c];
      }
    }
    return mean;
  }

  /** Largest Jaccard of each original cluster with a bootstrap cluster; NaN when C* is empty. */
  private static double[] jaccards(Partition original, int[] idx, ClusterFit fit, int[] bootLabel) {
    int n = original.rows();
    int k = original.k();
    int kb = fit.k();
    java.util.Arrays.fill(bootLabel, -2); // -2: row not in the resample
    for (int r = 0; r < idx.length; r++) {
      int i = idx[r];
      if (bootLabel[i] == -2) { // first occurrence decides
        bootLabel[i] = fit.outlier(r) ? -1 : fit.label(r);
      }
    }
    long[] inter = new long[k * kb];
    long[] sizeC = new long[k];
    long[] sizeD = new long[kb];
    for (int i = 0; i < n; i++) {
      int b = bootLabel[i];
      if (b == -2) {
        continue;
      }
      int c = original.label(i);
      if (c >= 0) {
        sizeC[c]++;
      }
      if (b >= 0) {
        sizeD[b]++;
        if (c >= 0) {
          inter[c * kb + b]++;
        }
      }
    }
    double[] best = new double[k];
    for (int c = 0; c < k; c++) {
      if (sizeC[c] == 0) {
        best[c] = Double.NaN;
        continue;
      }
      double m = 0;
      for (int b = 0; b < kb; b++) {
        long in = inter[c * kb + b];
        long union = sizeC[c] + sizeD[b] - in;
        if (union > 0) {
          m = Math.max(m, (double) in / union);
        }
      }
      best[c] = m;
    }
    return best;
  }
}
