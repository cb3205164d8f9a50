package org.backstrat.core.io;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Formatting 100,000 distances as the cluster verb writes them (square roots of sums of 20
 * squared normals: 15-17 significant digits) into a byte buffer: {@link DoubleText#append}
 * against {@link Double#toString} copied byte by byte, which gives the same bytes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DoubleTextBenchmark {
  private static final int N = 100_000;
  private double[] values;
  private byte[] out;

  /** The distances (seed 1). */
  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(1);
    values = new double[N];
    for (int i = 0; i < N; i++) {
      double s = 0;
      for (int j = 0; j < 20; j++) {
        double g = rng.nextGaussian();
        s += g * g;
      }
      values[i] = Math.sqrt(s);
    }
    out = new byte[N * (DoubleText.MAX_BYTES + 1)];
  }

  /** {@link DoubleText#append}. */
  @Benchmark
  public int doubleText() {
    int p = 0;
    for (double v : values) {
      p = DoubleText.append(v, out, p);
      out[p++] = '\n';
    }
    return p;
  }

  /** {@link Double#toString} and a copy of its characters. */
  @Benchmark
  public int doubleToString() {
    int p = 0;
    for (double v : values) {
      String s = Double.toString(v);
      for (int c = 0; c < s.length(); c++) {
        out[p++] = (byte) s.charAt(c);
      }
      out[p++] = '\n';
    }
    return p;
  }
}
