package org.backstrat.cluster.job;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.kmeans.ClusterFit;
import org.backstrat.cluster.kmeans.ClusterMethod;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.core.io.NumericColumns;
import org.backstrat.core.io.NumericReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The input and output loops of the {@code cluster} verb on the benchmark's file shape (rows of
 * 20 numbers with 6 decimals, as bench/cluster/gen_data.py writes): reading the numeric CSV
 * through the one reader's numeric path (line count, then parse), and writing assignments.csv
 * (formatting in chunks on the given threads, written in order). Lives in the job's package to
 * reach the package-private writer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class VerbIoBenchmark {
  /** Rows. */
  @Param({"200000"})
  public int n;
  /** Threads of the reader and the writer (their output does not depend on them). */
  @Param({"1", "2"})
  public int threads;

  private static final int D = 20;
  private Path dir;
  private Path csv;
  private ClusterFit fit;

  /** Writes the CSV (seed 1) and fits the model whose assignments are written. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("backstrat-jmh");
    csv = dir.resolve("data.csv");
    SplittableRandom rng = new SplittableRandom(1);
    double[] x = new double[n * D];
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      for (int j = 0; j < D; j++) {
        w.write((j == 0 ? "x" : ",x") + (j + 1));
      }
      w.write('\n');
      for (int i = 0; i < n; i++) {
        double centre = 5 * (i % 3);
        for (int j = 0; j < D; j++) {
          double v = centre + rng.nextGaussian();
          String s = String.format(Locale.ROOT, "%.6f", v);
          x[i * D + j] = Double.parseDouble(s);
          w.write(j == 0 ? s : "," + s);
        }
        w.write('\n');
      }
    }
    fit = Clusterer.builder().method(ClusterMethod.TRIMMED).trimFraction(0.05).restarts(1)
        .seed(1).threads(threads).build()
        .fitScaled(FeatureMatrix.wrap(n, D, x, FeatureMatrix.defaultNames(D)), 3);
  }

  /** Removes the files. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(dir.resolve("assignments.csv"));
    Files.deleteIfExists(csv);
    Files.deleteIfExists(dir);
  }

  /** The numeric read of the whole CSV (every column). */
  @Benchmark
  public NumericColumns readCsv() {
    return NumericReader.withDefaults().withThreads(threads).read(csv, List.of());
  }

  /** Writing assignments.csv for every row. */
  @Benchmark
  public long writeAssignments() throws IOException {
    Path out = dir.resolve("assignments.csv");
    AssignmentsCsv.write(out, null, fit, threads);
    return Files.size(out);
  }
}
