package org.backstrat.cluster.kmeans;

import java.util.SplittableRandom;
import org.backstrat.cluster.data.FeatureMatrix;

/**
 * The seeding of one restart of the single-machine trimmed k-means, split in two so that the rows
 * it reads can be fetched from elsewhere (the spark module gathers them from its blocks in one
 * pass for all restarts, and so starts every restart from exactly the centres this engine would):
 * first {@link #rows()}, the rows the restart's random stream draws; then {@link #centres}, the
 * trimmed k-means++ centres from those rows' values, drawn with the same stream.
 *
 * <p>Up to {@link #SAMPLE_ROWS} rows the seeding reads every row; above, a uniform sample (with
 * replacement) of {@link #SAMPLE_ROWS} rows, trimmed in proportion. When the sample holds fewer
 * than k distinct rows, {@link #centres} returns null and the engine seeds on all rows
 * ({@link #centresFromAll}), still with the same stream.
 *
 * <p>Not thread-safe: one instance is one restart's random stream, used once.
 */
public final class SampledSeeding {
  /** Above this many rows, seeding runs on a uniform sample of this size. */
  public static final int SAMPLE_ROWS = 50_000;
  private final SplittableRandom rng;
  private final int n;
  private final int[] rows;

  private SampledSeeding(SplittableRandom rng, int n, int[] rows) {
    this.rng = rng;
    this.n = n;
    this.rows = rows;
  }

  /** The seeding of the restart with random seed {@code seed} on {@code n} rows. */
  public static SampledSeeding start(long seed, int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    if (n <= SAMPLE_ROWS) {
      return new SampledSeeding(rng, n, null);
    }
    int[] rows = new int[SAMPLE_ROWS];
    for (int r = 0; r < rows.length; r++) {
      rows[r] = rng.nextInt(n);
    }
    return new SampledSeeding(rng, n, rows);
  }

  /** Whether the seeding reads a sample (else every row, in order). */
  public boolean sampled() {
    return rows != null;
  }

  /**
   * The 0-based rows the seeding reads, in draw order (repeats possible): the sample, or every
   * row 0..n-1.
   */
  public int[] rows() {
    if (rows != null) {
      return rows.clone();
    }
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return all;
  }

  /**
   * Trimmed k-means++ centres (k x d, row-major) from {@code values}, the rows of {@link #rows()}
   * in that order (row-major, d columns), with {@code trimCount} of all n rows trimmed; null when
   * a sample holds fewer than k distinct rows (then call {@link #centresFromAll}).
   */
  public double[] centres(double[] values, int d, int k, int trimCount) {
    if (rows == null) {
      return Seeding.kMeansPlusPlus(values, n, d, k, trimCount, rng, new double[n],
          new double[n]);
    }
    int m = rows.length;
    if (Clusterer.distinctRowsUpTo(
        FeatureMatrix.wrap(m, d, values, FeatureMatrix.defaultNames(d)), k) < k) {
      return null;
    }
    int sampleTrim = (int) Math.floor((double) trimCount / n * m);
    return Seeding.kMeansPlusPlus(values, m, d, k, sampleTrim, rng, new double[m], new double[m]);
  }

  /**
   * Trimmed k-means++ centres from all n rows {@code x} (the fallback of {@link #centres}),
   * with scratch arrays of n entries each.
   */
  double[] centresFromAll(double[] x, int d, int k, int trimCount, double[] dmin,
                          double[] scratch) {
    return Seeding.kMeansPlusPlus(x, n, d, k, trimCount, rng, dmin, scratch);
  }
}
