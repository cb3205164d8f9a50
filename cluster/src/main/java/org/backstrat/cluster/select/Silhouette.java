package org.backstrat.cluster.select;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.SquaredEuclidean;
import org.backstrat.cluster.kmeans.Restarts;
import org.backstrat.core.BadInputException;

/**
 * Average silhouette width (Rousseeuw 1987) with Euclidean distances, on the kept rows of a
 * partition. For row i in cluster A: {@code a(i)} = mean distance to the other members of A,
 * {@code b(i)} = smallest mean distance to the members of another cluster,
 * {@code s(i) = (b - a) / max(a, b)}; {@code s(i) = 0} when i is alone in its cluster (as R's
 * {@code cluster::silhouette} and scikit-learn). The average is the plain mean of s(i) over kept
 * rows ({@code summary(silhouette)$avg.width}, {@code silhouette_score}). NaN for k &lt; 2.
 *
 * <p><b>Exact</b> (O(n^2 d)) when the kept rows number at most {@code exactLimit} (default
 * 20,000). <b>Above that, a stratified sampled estimate</b>: from each cluster c of size n_c a
 * simple random sample of {@code m_c = min(n_c, max(minPerCluster, round(sampleSize n_c / n)))}
 * rows is drawn (so small clusters are never missed); the silhouette of each sampled row is
 * computed against a larger stratified reference sample (4 m_c rows per cluster, or the whole
 * cluster), which contains the evaluated rows, so that a(i) and b(i) are estimated with little
 * noise;
 * the estimate is the stratified mean {@code sum_c (n_c / n) mean_{S_c} s(i)}, and its error
 * bound is 1.96 standard errors of that stratified mean
 * ({@code SE^2 = sum_c (n_c/n)^2 var_c / m_c (1 - m_c/n_c)}), an approximate 95% bound for the
 * sampling of the rows; it does not include the (smaller, averaging-out) noise of estimating a(i)
 * and b(i) from the sample.
 *
 * @param exactLimit largest number of kept rows computed exactly
 * @param sampleSize target total sample size of the estimate
 * @param minPerCluster minimum sample per cluster (all of a smaller cluster)
 * @param seed seed of the sample
 * @param threads worker threads (the result does not depend on it)
 */
public record Silhouette(int exactLimit, int sampleSize, int minPerCluster, long seed,
                         int threads) {

  /** Largest number of kept rows whose silhouette {@link #cheap()} computes exactly. */
  public static final int CHEAP_EXACT_LIMIT = 2_000;
  /** Target sample size of {@link #cheap()}'s estimate above {@link #CHEAP_EXACT_LIMIT}. */
  public static final int CHEAP_SAMPLE_SIZE = 1_000;

  /** The reference sample is this many times the evaluated sample (per cluster, capped). */
  static final int REFERENCE_FACTOR = 4;

  /**
   * A silhouette value.
   *
   * @param average average silhouette width (exact or estimated)
   * @param errorBound 0 when exact, else the approximate 95% error bound of the estimate
   * @param exact whether every kept row was used
   * @param rowsUsed rows whose silhouette was computed
   * @param clusterAverages average width per cluster (NaN for an empty cluster)
   */
  public record Result(double average, double errorBound, boolean exact, int rowsUsed,
                       double[] clusterAverages) {
  }

  public Silhouette {
    if (exactLimit < 2 || sampleSize < 2 || minPerCluster < 1 || threads < 1) {
      throw new BadInputException("silhouette settings must be positive (exact limit and sample"
          + " size at least 2)");
    }
  }

  /** Exact up to 20,000 kept rows; else a 5,000-row stratified sample, >= 100 per cluster. */
  public static Silhouette withDefaults() {
    return new Silhouette(20_000, 5_000, 100, 1L, Runtime.getRuntime().availableProcessors());
  }

  /**
   * A silhouette whose cost does not grow with the number of rows, for diagnostics that are only
   * reported (a fixed K): exact up to {@value #CHEAP_EXACT_LIMIT} kept rows (at most 4 million
   * distances), else the stratified estimate from {@value #CHEAP_SAMPLE_SIZE} rows (at least 100
   * per cluster) against a reference of 4 times as many, about 4 million distances; seed 1, so
   * the same clustering always gets the same value. Its 95% error bound is reported with it
   * (about ±0.01 to ±0.03 on well separated clusters).
   */
  public static Silhouette cheap() {
    return new Silhouette(CHEAP_EXACT_LIMIT, CHEAP_SAMPLE_SIZE, 100, 1L,
        Runtime.getRuntime().availableProcessors());
  }

  /** Copy with another exact limit. */
  public Silhouette withExactLimit(int limit) {
    return new Silhouette(limit, sampleSize, minPerCluster, seed, threads);
  }

  /** Copy with another sample size. */
  public Silhouette withSampleSize(int size) {
    return new Silhouette(exactLimit, size, minPerCluster, seed, threads);
  }

  /** Copy with another seed. */
  public Silhouette withSeed(long s) {
    return new Silhouette(exactLimit, sampleSize, minPerCluster, s, threads);
  }

  /** Copy with another thread count. */
  public Silhouette withThreads(int t) {
    return new Silhouette(exactLimit, sampleSize, minPerCluster, seed, t);
  }

  /** The average silhouette width of {@code partition} on {@code data}. */
  public Result of(FeatureMatrix data, Partition partition) {
    int k = partition.k();
    int[] sizes = partition.sizes();
    int kept = 0;
    for (int s : sizes) {
      kept += s;
    }
    if (k < 2) {
      return new Result(Double.NaN, 0, true, 0, new double[k]);
    }
    if (kept <= exactLimit) {
      int[] rows = new int[kept];
      for (int i = 0, r = 0; i < partition.rows(); i++) {
        if (partition.label(i) >= 0) {
          rows[r++] = i;
        }
      }
      double[] s = widths(data, partition, rows, rows);
      double[] clusterSum = new double[k];
      double total = 0;
      for (int r = 0; r < rows.length; r++) {
        total += s[r];
        clusterSum[partition.label(rows[r])] += s[r];
      }
      double[] clusterAvg = new double[k];
      for (int c = 0; c < k; c++) {
        clusterAvg[c] = sizes[c] == 0 ? Double.NaN : clusterSum[c] / sizes[c];
      }
      return new Result(total / kept, 0, true, kept, clusterAvg);
    }
    return sampled(data, partition, sizes, kept);
  }

  private Result sampled(FeatureMatrix data, Partition partition, int[] sizes, int kept) {
    int k = partition.k();
    SplittableRandom rng = new SplittableRandom(seed);
    List<int[]> members = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      members.add(new int[sizes[c]]);
    }
    int[] fill = new int[k];
    for (int i = 0; i < partition.rows(); i++) {
      int l = partition.label(i);
      if (l >= 0) {
        members.get(l)[fill[l]++] = i;
      }
    }
    int[] m = new int[k];
    int total = 0;
    for (int c = 0; c < k; c++) {
      long proportional = Math.round((double) sampleSize * sizes[c] / kept);
      m[c] = (int) Math.min(sizes[c], Math.max(minPerCluster, proportional));
      total += m[c];
    }
    int[] rows = new int[total];
    int refTotal = 0;
    for (int c = 0; c < k; c++) {
      refTotal += Math.min(sizes[c], REFERENCE_FACTOR * m[c]);
    }
    int[] refs = new int[refTotal];
    int p = 0;
    int pr = 0;
    for (int c = 0; c < k; c++) {
      int[] mem = members.get(c);
      int rc = Math.min(sizes[c], REFERENCE_FACTOR * m[c]);
      for (int t = 0; t < rc; t++) { // partial Fisher-Yates: a simple random sample
        int j = t + rng.nextInt(mem.length - t);
        int tmp = mem[t];
        mem[t] = mem[j];
        mem[j] = tmp;
        refs[pr++] = mem[t];
        if (t < m[c]) {
          rows[p++] = mem[t];
        }
      }
    }
    double[] s = widths(data, partition, rows, refs);
    double estimate = 0;
    double variance = 0;
    double[] clusterAvg = new double[k];
    for (int c = 0, off = 0; c < k; c++) {
      if (m[c] == 0) {
        clusterAvg[c] = Double.NaN;
        continue;
      }
      double mean = 0;
      for (int t = 0; t < m[c]; t++) {
        mean += s[off + t];
      }
      mean /= m[c];
      double ss = 0;
      for (int t = 0; t < m[c]; t++) {
        ss += (s[off + t] - mean) * (s[off + t] - mean);
      }
      double w = (double) sizes[c] / kept;
      estimate += w * mean;
      if (m[c] > 1) {
        variance += w * w * (ss / (m[c] - 1)) / m[c] * (1 - (double) m[c] / sizes[c]);
      }
      clusterAvg[c] = mean;
      off += m[c];
    }
    return new Result(estimate, 1.96 * Math.sqrt(variance), false, total, clusterAvg);
  }

  /**
   * Silhouette widths of {@code rows}, each computed against the rows of {@code refs} (a row is
   * never compared with itself).
   */
  private double[] widths(FeatureMatrix data, Partition partition, int[] rows, int[] refs) {
    int k = partition.k();
    int d = data.columns();
    double[] x = data.rowMajorView();
    int m = rows.length;
    int[] sizeInRows = new int[k];
    for (int r : refs) {
      sizeInRows[partition.label(r)]++;
    }
    double[] s = new double[m];
    int blocks = Math.max(1, Math.min(threads * 4, m / 64 + 1));
    Restarts.runAll(blocks, 0L, threads, () -> new double[k], (b, ignoredSeed, sums) -> {
      int from = (int) ((long) m * b / blocks);
      int to = (int) ((long) m * (b + 1) / blocks);
      for (int r = from; r < to; r++) {
        java.util.Arrays.fill(sums, 0);
        int pi = rows[r] * d;
        for (int q = 0; q < refs.length; q++) {
          if (refs[q] != rows[r]) {
            sums[partition.label(refs[q])] +=
                Math.sqrt(SquaredEuclidean.between(x, pi, x, refs[q] * d, d));
          }
        }
        int own = partition.label(rows[r]);
        if (sizeInRows[own] <= 1) {
          s[r] = 0;
          continue;
        }
        double a = sums[own] / (sizeInRows[own] - 1);
        double bMin = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          if (c != own && sizeInRows[c] > 0) {
            bMin = Math.min(bMin, sums[c] / sizeInRows[c]);
          }
        }
        double max = Math.max(a, bMin);
        s[r] = max == 0 || bMin == Double.POSITIVE_INFINITY ? 0 : (bMin - a) / max;
      }
      return null;
    });
    return s;
  }
}
