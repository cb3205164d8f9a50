package org.backstrat.cluster.select;

import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.kmeans.ClusterFit;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.cluster.kmeans.Restarts;
import org.backstrat.core.BadInputException;

/**
 * Cluster-wise stability by the nonparametric bootstrap, exactly as Hennig's
 * {@code fpc::clusterboot} with {@code bootmethod = "boot"} and its default
 * {@code multipleboot = FALSE} (Hennig 2007): for each of B resamples, draw n row numbers with
 * replacement and keep the <b>distinct</b> rows (about 63% of n); cluster those rows, each once,
 * with the same method and k; for every original cluster C, restricted to the rows of the resample
 * (C*), record the largest Jaccard similarity {@code |C* ∩ D| / |C* ∪ D|} with a bootstrap cluster
 * D, or 0 when no bootstrap cluster overlaps it (fpc's {@code zerobyzero = 0}: a cluster absent
 * from the resample scores 0). Trimmed rows belong to no cluster on either side (fpc's
 * {@code noisemethod = TRUE}: the noise component is not a cluster). The per-cluster stability is
 * the mean of the B values. Hennig's reading: below 0.6 unstable, 0.75 or more stable, 0.85 or
 * more highly stable.
 *
 * <p>Clustering the distinct rows, not the resample with its repeats, matters: repeated rows act
 * as weights that move the bootstrap optimum more, and so lower the Jaccard values (on the
 * vertebral column data by up to 0.14 at k = 3). A resample with fewer distinct rows than k (only
 * possible for tiny data) carries no information and is left out of the mean.
 *
 * <p>Resample b uses the b-th seed derived from {@link #seed} (as {@code Restarts.seeds}); its fit
 * at the q-th k uses that seed plus q. Resamples run in parallel and the result does not depend on
 * the thread count.
 *
 * @param resamples number B of bootstrap resamples
 * @param seed master seed
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
   * @return per k, per original cluster, the mean Jaccard (NaN when no resample could be clustered)
   */
  public double[][] clusterJaccard(FeatureMatrix data, int[] ks, List<Partition> partitions,
                                   Clusterer clusterer) {
    Clusterer inner = clusterer.toBuilder().threads(1).build();
    long[] seeds = Restarts.seeds(seed, resamples);
    List<Replicate> reps = Restarts.inOrder(resamples, threads,
        b -> replicate(data, ks, inner, seeds[b]));
    return meanJaccard(ks, partitions, reps);
  }

  /**
   * One resample: the distinct rows drawn (increasing) and their bootstrap labels per k (-1 =
   * trimmed; null when the resample has fewer distinct rows than that k).
   */
  record Replicate(int[] rows, int[][] labels) {
  }

  /** Draws resample with {@code replicateSeed} and clusters its distinct rows at every k. */
  static Replicate replicate(FeatureMatrix data, int[] ks, Clusterer inner, long replicateSeed) {
    int[] rows = distinctDraw(data.rows(), new SplittableRandom(replicateSeed));
    FeatureMatrix boot = data.selectRows(rows);
    int[][] labels = new int[ks.length][];
    for (int q = 0; q < ks.length; q++) {
      ClusterFit fit;
      try {
        fit = inner.toBuilder().seed(replicateSeed + q).build().fitScaled(boot, ks[q]);
      } catch (BadInputException e) {
        continue; // fewer distinct rows than k: no information for this k
      }
      labels[q] = Partition.of(fit).labels();
    }
    return new Replicate(rows, labels);
  }

  /** n draws with replacement from 0..n-1, reduced to the distinct values, increasing. */
  static int[] distinctDraw(int n, SplittableRandom rng) {
    boolean[] drawn = new boolean[n];
    int distinct = 0;
    for (int r = 0; r < n; r++) {
      int i = rng.nextInt(n);
      if (!drawn[i]) {
        drawn[i] = true;
        distinct++;
      }
    }
    int[] rows = new int[distinct];
    for (int i = 0, p = 0; i < n; i++) {
      if (drawn[i]) {
        rows[p++] = i;
      }
    }
    return rows;
  }

  /** Combines the replicates, in replicate order, into per-k per-cluster means. */
  static double[][] meanJaccard(int[] ks, List<Partition> partitions, List<Replicate> reps) {
    double[][] mean = new double[ks.length][];
    for (int q = 0; q < ks.length; q++) {
      int k = partitions.get(q).k();
      double[] sum = new double[k];
      int used = 0;
      for (Replicate r : reps) {
        if (r.labels()[q] == null) {
          continue;
        }
        double[] j = jaccards(partitions.get(q), r.rows(), r.labels()[q], ks[q]);
        for (int c = 0; c < k; c++) {
          sum[c] += j[c];
        }
        used++;
      }
      mean[q] = new double[k];
      for (int c = 0; c < k; c++) {
        mean[q][c] = used == 0 ? Double.NaN : sum[c] / used;
      }
    }
    return mean;
  }

  /**
   * fpc's per-resample values: for each original cluster c, the largest Jaccard of C* (its
   * members among {@code rows}) with a bootstrap cluster, 0 when none overlaps.
   *
   * @param original the original partition (-1 = trimmed)
   * @param rows the distinct original rows that were clustered
   * @param bootLabels their bootstrap clusters 0..kb-1 (-1 = trimmed)
   * @param kb number of bootstrap clusters
   */
  static double[] jaccards(Partition original, int[] rows, int[] bootLabels, int kb) {
    int k = original.k();
    int[] inter = new int[k * kb];
    int[] sizeC = new int[k];
    int[] sizeD = new int[kb];
    for (int r = 0; r < rows.length; r++) {
      int c = original.label(rows[r]);
      int b = bootLabels[r];
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
      double m = 0;
      for (int b = 0; b < kb; b++) {
        int in = inter[c * kb + b];
        if (in > 0) {
          m = Math.max(m, (double) in / (sizeC[c] + sizeD[b] - in));
        }
      }
      best[c] = m;
    }
    return best;
  }
}
