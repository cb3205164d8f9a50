package org.backstrat.cluster.kmeans;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * The engine's hot loops on the benchmark's data shape (3 Gaussian centres in d dimensions plus
 * 5% uniform gross outliers, as bench/cluster/gen_data.py): one full assignment pass (every
 * row's nearest of k centres, its squared distance and the block sums), the same pass followed
 * by the trim (sampled bracket, then selection of the threshold), and the threshold selection
 * alone against a full sort, and whole trimmed concentration steps (the Hamerly-bounded
 * passes). Lives in the engine's package to reach its package-private loops.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class EngineBenchmark {
  /** Rows. */
  @Param({"1000000"})
  public int n;
  /** Columns. */
  @Param({"20"})
  public int d;
  /** Threads of a pass (its result does not depend on them). */
  @Param({"1", "2"})
  public int threads;

  private static final int K = 3;
  private static final double TRIM = 0.05;
  private double[] x;
  private double[] centres;
  private double[] start;
  private double[] distances;
  private double[] scratch;
  private LloydEngine plain;
  private LloydEngine trimmed;
  private LloydEngine.Workspace ws;
  private RowBlocks rb;

  /** Generates the data (seed 1) and the true centres. */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(1);
    centres = new double[K * d];
    for (int j = 0; j < centres.length; j++) {
      centres[j] = 5 * gaussian(rng);
    }
    x = new double[n * d];
    int outliers = n / 20;
    for (int i = 0; i < n; i++) {
      int c = rng.nextInt(K);
      for (int j = 0; j < d; j++) {
        x[i * d + j] = i < outliers ? rng.nextDouble(-50, 50) : centres[c * d + j] + gaussian(rng);
      }
    }
    plain = new LloydEngine(x, n, d, K, 0, 100, 0);
    trimmed = new LloydEngine(x, n, d, K, (int) Math.floor(TRIM * n), 100, 0);
    ws = new LloydEngine.Workspace(n, K, d);
    rb = new RowBlocks(n, threads);
    plain.finish(centres, ws, rb);
    distances = ws.d2.clone();
    // the true centres moved by about half a standard deviation: the concentration steps from
    // here take a few Hamerly-bounded passes before they settle
    start = centres.clone();
    SplittableRandom shift = new SplittableRandom(2);
    for (int j = 0; j < start.length; j++) {
      start[j] += 0.5 * gaussian(shift);
    }
    scratch = new double[n];
  }

  /** Releases the pass's worker threads. */
  @TearDown(Level.Trial)
  public void tearDown() {
    rb.close();
  }

  /** One assignment pass over all rows (nearest centre, squared distance, block sums). */
  @Benchmark
  public double assignmentPass() {
    return plain.finish(centres, ws, rb);
  }

  /** The assignment pass and the trim of the 5% farthest rows. */
  @Benchmark
  public double assignmentPassWithTrim() {
    return trimmed.finish(centres, ws, rb);
  }

  /**
   * Trimmed concentration steps from perturbed centres until they settle: one full assignment
   * pass, then Hamerly-bounded passes ({@link HamerlyStep}) with the trim after each.
   */
  @Benchmark
  public double concentrationSteps() {
    return trimmed.iterate(start, 100, ws, rb).objective();
  }

  /** The trim threshold by selection (what the trim avoids: a sort). */
  @Benchmark
  public double trimThresholdBySelection() {
    System.arraycopy(distances, 0, scratch, 0, n);
    return Selection.kthSmallest(scratch, n, n - (int) Math.floor(TRIM * n) - 1);
  }

  /** The trim threshold by a full sort, for comparison. */
  @Benchmark
  public double trimThresholdBySort() {
    System.arraycopy(distances, 0, scratch, 0, n);
    Arrays.sort(scratch, 0, n);
    return scratch[n - (int) Math.floor(TRIM * n) - 1];
  }

  private static double gaussian(SplittableRandom rng) {
    double u;
    double v;
    double s;
    do {
      u = rng.nextDouble(-1, 1);
      v = rng.nextDouble(-1, 1);
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * Math.sqrt(-2 * Math.log(s) / s);
  }
}
