package org.backstrat.cluster.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.cluster.Planted;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.cluster.kmeans.Restarts;
import org.backstrat.cluster.select.BootstrapStability;
import org.backstrat.cluster.select.CalinskiHarabasz;
import org.backstrat.cluster.select.GapStatistic;
import org.backstrat.cluster.select.KSelection;
import org.backstrat.cluster.select.KSelectionRow;
import org.backstrat.cluster.select.KSelector;
import org.backstrat.cluster.select.Partition;
import org.backstrat.cluster.select.Silhouette;

/**
 * Benchmark driver for bench/ksel/run.sh (not a test): K selection over k = 2..8 with the
 * defaults of the analysis (robust scaling, trimmed k-means alpha = 0.05 with 100 restarts per k,
 * B = 100 bootstrap stability resamples, 100 gap reference sets) on a seeded 1,500 x 8 mixture of
 * three Gaussian clusters (sd 1; centre coordinates with mean 0, sd 5, each a scaled sum of three
 * uniforms) with 5% uniform gross outliers.
 *
 * <p>Arguments: {@code [select|phases] [repeats]}. {@code select} times the whole
 * {@link KSelector#select} call (the first run includes JIT warm-up and is reported separately);
 * {@code phases} times its parts one by one with the same public API (main fits, bootstrap,
 * gap, silhouette + Calinski–Harabasz; each phase on its own, so without the overlap that
 * {@code select} gets from running all fits on one pool) to show where the time goes. Both print
 * wall and process CPU seconds.
 */
public final class KSelectionBenchmark {
  private static final int N = 1500;
  private static final int D = 8;

  private KSelectionBenchmark() {
  }

  public static void main(String[] args) {
    String mode = args.length > 0 ? args[0] : "select";
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    FeatureMatrix raw = data();
    Scaler scaler = Scaler.fit(raw, ScaleMethod.ROBUST);
    Clusterer clusterer = Clusterer.withDefaults();
    KSelector selector = KSelector.withDefaults();
    System.out.printf("ksel n=%d d=%d k=%d..%d B=%d gapB=%d threads=%d method=%s restarts=%d%n",
        N, D, selector.kMin(), selector.kMax(), selector.bootstrapResamples(),
        selector.gapReferences(), selector.threads(), clusterer.method().cliName(),
        clusterer.restarts());
    for (int r = 0; r < repeats; r++) {
      if (mode.equals("phases")) {
        phases(raw, scaler, clusterer, selector);
      } else {
        long t0 = System.nanoTime();
        long c0 = processCpuNanos();
        KSelection s = selector.select(raw, scaler, clusterer);
        long c1 = processCpuNanos();
        long t1 = System.nanoTime();
        System.out.printf("run=%d select_s=%.3f select_cpu_s=%.3f chosen=%d gap_choice=%d%n",
            r + 1, (t1 - t0) / 1e9, (c1 - c0) / 1e9, s.chosenK(), s.gapChoiceK());
        if (r == repeats - 1) {
          for (KSelectionRow row : s.rows()) {
            System.out.printf("  k=%d silhouette=%.4f ch=%.1f gap=%.4f se=%.4f jaccard=%.4f%n",
                row.k(), row.silhouette(), row.calinskiHarabasz(), row.gap(), row.gapSe(),
                row.stabilityJaccard());
          }
        }
      }
    }
  }

  private static void phases(FeatureMatrix raw, Scaler scaler, Clusterer clusterer,
                             KSelector selector) {
    long t0 = System.nanoTime();
    long c0 = processCpuNanos();
    FeatureMatrix scaled = scaler.transform(raw);
    int[] ks = new int[selector.kMax() - selector.kMin() + 1];
    List<Partition> parts = new ArrayList<>();
    double[] objective = new double[ks.length];
    for (int q = 0; q < ks.length; q++) {
      ks[q] = selector.kMin() + q;
      var fit = clusterer.fitScaled(scaled, ks[q]);
      parts.add(Partition.of(fit));
      objective[q] = fit.objective();
    }
    long t1 = System.nanoTime();
    long c1 = processCpuNanos();
    long[] seeds = Restarts.seeds(selector.seed(), 2);
    Clusterer inner = clusterer.toBuilder().restarts(selector.selectionRestarts())
        .tolerance(Math.max(clusterer.tolerance(), KSelector.INNER_TOLERANCE)).build();
    new BootstrapStability(selector.bootstrapResamples(), seeds[0], selector.threads())
        .clusterJaccard(scaled, ks, parts, inner);
    long t2 = System.nanoTime();
    long c2 = processCpuNanos();
    new GapStatistic(selector.gapReferences(), selector.gapReference(), seeds[1],
        selector.threads()).compute(scaled, ks, objective,
        inner.toBuilder()
            .tolerance(Math.max(clusterer.tolerance(), KSelector.REFERENCE_TOLERANCE)).build());
    long t3 = System.nanoTime();
    long c3 = processCpuNanos();
    Silhouette sil = selector.silhouette();
    for (Partition p : parts) {
      sil.of(scaled, p);
      CalinskiHarabasz.of(scaled, p);
    }
    long t4 = System.nanoTime();
    long c4 = processCpuNanos();
    System.out.printf("phases wall_s: main_fits=%.3f bootstrap=%.3f gap=%.3f silhouette_ch=%.3f"
        + " total=%.3f%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9,
        (t4 - t0) / 1e9);
    System.out.printf("phases cpu_s:  main_fits=%.3f bootstrap=%.3f gap=%.3f silhouette_ch=%.3f"
        + " total=%.3f%n", (c1 - c0) / 1e9, (c2 - c1) / 1e9, (c3 - c2) / 1e9, (c4 - c3) / 1e9,
        (c4 - c0) / 1e9);
  }

  /** CPU time of this process (all threads, including the JIT compiler and GC). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /**
   * Three centres (coordinates mean 0, sd 5) in 8-d, 475 points each (sd 1), then 75 outliers
   * uniform in [-50, 50]^8.
   */
  static FeatureMatrix data() {
    SplittableRandom rng = new SplittableRandom(3);
    double[][] centers = new double[3][D];
    for (double[] c : centers) {
      for (int j = 0; j < D; j++) {
        c[j] = 5 * (rng.nextDouble() + rng.nextDouble() + rng.nextDouble() - 1.5) * 2;
      }
    }
    return Planted.mixture(3, centers, (N - N / 20) / 3, 1.0, N / 20, -50, 50).data();
  }
}
