package org.backstrat.cluster.data;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The nearest-centre kernel on 10^6 x 20 rows, k = 3, one thread:
 * {@link SquaredEuclidean#nearest} (three centres per sweep over the row) against the
 * centre-by-centre loop over {@link SquaredEuclidean#between} it replaced (same bits), in the
 * engine's summation order and in index order (the final assignment's).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class NearestCentreBenchmark {
  private static final int N = 1_000_000;
  private static final int D = 20;
  private static final int K = 3;
  /** Index-order sums (the final assignment) or four partial sums (the iterations). */
  @Param({"false", "true"})
  public boolean indexOrder;
  private double[] x;
  private double[] c;
  private final double[] out = new double[2];

  /** Gaussian rows and centres (seed 1). */
  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(1);
    x = new double[N * D];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextGaussian();
    }
    c = new double[K * D];
    for (int i = 0; i < c.length; i++) {
      c[i] = rng.nextGaussian();
    }
  }

  /** The kernel: three centres per sweep. */
  @Benchmark
  public double threePerSweep() {
    double s = 0;
    for (int i = 0, p = 0; i < N; i++, p += D) {
      s += SquaredEuclidean.nearest(x, p, c, K, D, indexOrder, out) + out[0];
    }
    return s;
  }

  /** The former kernel: one centre at a time. */
  @Benchmark
  public double onePerSweep() {
    double s = 0;
    for (int i = 0, p = 0; i < N; i++, p += D) {
      double best = Double.POSITIVE_INFINITY;
      int a = 0;
      for (int j = 0; j < K; j++) {
        double v = indexOrder ? SquaredEuclidean.inIndexOrder(x, p, c, j * D, D)
            : SquaredEuclidean.between(x, p, c, j * D, D);
        if (v < best) {
          best = v;
          a = j;
        }
      }
      s += a + best;
    }
    return s;
  }
}
