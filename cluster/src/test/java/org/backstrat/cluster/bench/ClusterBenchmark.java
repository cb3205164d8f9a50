package org.backstrat.cluster.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.job.NumericTable;
import org.backstrat.cluster.job.NumericTableReader;
import org.backstrat.cluster.kmeans.ClusterFit;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.cluster.select.KSelection;
import org.backstrat.cluster.select.KSelector;

/**
 * Benchmark driver for bench/cluster/run.sh (not a test). Modes:
 * <ul>
 *   <li>{@code fit FILE K ALPHA RESTARTS [KEEP]}: read the CSV, fit trimmed k-means on the
 *       unscaled data (scikit-learn's KMeans is also run unscaled), print read and fit seconds
 *       (wall and process CPU); KEEP sets {@link Clusterer#withKeepBest} (default automatic);</li>
 *   <li>{@code synthfit N D K ALPHA RESTARTS}: generate the same kind of data in memory and fit,
 *       after one warm-up fit on 200,000 rows of another draw
 *       (for the growth-in-n check without writing huge CSV files);</li>
 *   <li>{@code cpu N D THREADS REPEATS}: fit the in-memory mixture REPEATS times in one JVM on
 *       THREADS threads, printing wall and process CPU seconds (warm-JIT per-fit cost);</li>
 *   <li>{@code select}: K selection 2..8 with B = 100 stability resamples and 100 gap reference
 *       sets on n = 1500 x 8 (robust scaling, trimmed k-means, 100 restarts per k).</li>
 * </ul>
 */
public final class ClusterBenchmark {
  private ClusterBenchmark() {
  }

  public static void main(String[] args) {
    switch (args[0]) {
      case "fit" -> fit(args);
      case "synthfit" -> synthFit(args);
      case "select" -> select(args);
      case "cpu" -> cpu(args);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static void fit(String[] a) {
    long c0 = cpuNanos();
    long t0 = System.nanoTime();
    NumericTable t = NumericTableReader.withDefaults().read(Path.of(a[1]), List.of());
    long t1 = System.nanoTime();
    long c1 = cpuNanos();
    Clusterer clusterer = clusterer(a[3], a[4]);
    if (a.length > 5) {
      clusterer = clusterer.toBuilder().keepBest(Integer.parseInt(a[5])).build();
    }
    ClusterFit fit = clusterer.fitScaled(t.data(), Integer.parseInt(a[2]));
    long t2 = System.nanoTime();
    long c2 = cpuNanos();
    System.out.printf("ours read_s=%.3f fit_s=%.3f read_cpu_s=%.3f fit_cpu_s=%.3f rows=%d cols=%d"
            + " objective=%.6g iterations=%d outliers=%d threads=%d restarts_kept=%d%n",
        (t1 - t0) / 1e9, (t2 - t1) / 1e9, (c1 - c0) / 1e9, (c2 - c1) / 1e9, t.data().rows(),
        t.data().columns(), fit.objective(), fit.iterations(), fit.outlierCount(),
        clusterer.threads(), clusterer.restartsKept(t.data().rows()));
  }

  /** CPU time of the whole process (all threads) so far. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static Clusterer clusterer(String alpha, String restarts) {
    return Clusterer.builder().trimFraction(Double.parseDouble(alpha))
        .restarts(Integer.parseInt(restarts)).seed(1).build();
  }

  private static void synthFit(String[] a) {
    int n = Integer.parseInt(a[1]);
    int d = Integer.parseInt(a[2]);
    int k = Integer.parseInt(a[3]);
    // warm-up fit on 200,000 rows of another draw (large-data paths), so that the timed fit
    // measures the algorithm rather than JIT compilation
    clusterer(a[4], a[5]).fitScaled(mixture(200_000, d, 8), k);
    FeatureMatrix m = mixture(n, d, 7);
    long c1 = cpuNanos();
    long t1 = System.nanoTime();
    ClusterFit fit = clusterer(a[4], a[5]).fitScaled(m, k);
    long t2 = System.nanoTime();
    long c2 = cpuNanos();
    System.out.printf("ours synthetic n=%d d=%d fit_s=%.3f fit_cpu_s=%.3f objective=%.6g"
        + " iterations=%d%n", n, d, (t2 - t1) / 1e9, (c2 - c1) / 1e9, fit.objective(),
        fit.iterations());
  }

  /** {@code cpu N D THREADS REPEATS}: fit the in-memory mixture repeatedly; wall and CPU s. */
  private static void cpu(String[] a) {
    int n = Integer.parseInt(a[1]);
    int d = Integer.parseInt(a[2]);
    int threads = Integer.parseInt(a[3]);
    FeatureMatrix m = mixture(n, d, 7);
    for (int rep = 0; rep < Integer.parseInt(a[4]); rep++) {
      long c0 = cpuNanos();
      long t0 = System.nanoTime();
      ClusterFit fit = clusterer("0.05", "10").toBuilder().threads(threads).build().fitScaled(m, 3);
      long t1 = System.nanoTime();
      long c1 = cpuNanos();
      System.out.printf("cpu n=%d d=%d threads=%d wall_s=%.3f cpu_s=%.3f objective=%s%n", n, d,
          threads, (t1 - t0) / 1e9, (c1 - c0) / 1e9, Double.toString(fit.objective()));
    }
  }

  private static void select(String[] a) {
    FeatureMatrix m = mixture(1500, 8, 3);
    KSelector selector = KSelector.withDefaults();
    if (a.length > 1) {
      selector = selector.toBuilder().bootstrapResamples(Integer.parseInt(a[1]))
          .gapReferences(Integer.parseInt(a[2])).build();
    }
    long t0 = System.nanoTime();
    KSelection s = selector.select(m, Scaler.fit(m, ScaleMethod.ROBUST), Clusterer.withDefaults());
    long t1 = System.nanoTime();
    System.out.printf("ours kselection n=1500 d=8 k=2..8 B=%d gapB=%d seconds=%.3f chosen=%d"
        + " gap_choice=%d%n", selector.bootstrapResamples(), selector.gapReferences(),
        (t1 - t0) / 1e9, s.chosenK(), s.gapChoiceK());
  }

  /** Same recipe as gen_data.py: 3 centres ~ N(0, 25 I), unit noise, 5% uniform outliers. */
  private static FeatureMatrix mixture(int n, int d, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] c = new double[3][d];
    for (double[] row : c) {
      for (int j = 0; j < d; j++) {
        row[j] = 5 * gauss(rng);
      }
    }
    double[] v = new double[n * d];
    int outliers = n / 20;
    for (int i = 0; i < n; i++) {
      boolean out = i < outliers;
      int k = rng.nextInt(3);
      for (int j = 0; j < d; j++) {
        v[i * d + j] = out ? -50 + 100 * rng.nextDouble() : c[k][j] + gauss(rng);
      }
    }
    return FeatureMatrix.wrap(n, d, v, FeatureMatrix.defaultNames(d));
  }

  private static double gauss(SplittableRandom rng) {
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
