package org.backstrat.spark.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.kmeans.ClusterFit;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.core.BadInputException;
import org.backstrat.spark.LocalSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DistributedTrimmedKMeansTest {
  static final int N = 100_000;
  static final int D = 5;
  static Dataset<Row> data;
  static BlockData raw;

  /**
   * Three Gaussian groups of unequal size plus 4% gross outliers, columns on other scales; made
   * on the executors from the row number (nothing large is shipped), in 3 partitions.
   */
  static Dataset<Row> synthetic(long rows) {
    List<StructField> fields = new ArrayList<>();
    for (int j = 0; j < D; j++) {
      fields.add(DataTypes.createStructField("v" + j, DataTypes.DoubleType, false));
    }
    StructType schema = DataTypes.createStructType(fields);
    return LocalSpark.get().range(0, rows, 1, 3).map(
        (org.apache.spark.api.java.function.MapFunction<Long, Row>) DistributedTrimmedKMeansTest::row,
        org.apache.spark.sql.Encoders.row(schema));
  }

  static Row row(long i) {
    double[][] means = {{0, 0, 0, 0, 0}, {4, 4, 0, -3, 1}, {-4, 3, 5, 2, -2}};
    SplittableRandom rng = new SplittableRandom(42 + i * 1_000_003L);
    int g = i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2;
    Object[] cells = new Object[D];
    for (int j = 0; j < D; j++) {
      double v = means[g][j] + gaussian(rng);
      if (i % 25 == 7) {
        v = 40 * (rng.nextDouble() - 0.5);
      }
      cells[j] = v * (j + 1) + 10 * j;
    }
    return RowFactory.create(cells);
  }

  @BeforeAll
  static void makeData() {
    data = synthetic(N).cache();
    raw = BlockData.of(data, names());
  }

  @AfterAll
  static void free() {
    raw.unpersist();
    data.unpersist();
  }

  static List<String> names() {
    List<String> n = new ArrayList<>();
    for (int j = 0; j < D; j++) {
      n.add("v" + j);
    }
    return n;
  }

  static double gaussian(SplittableRandom rng) {
    double u = rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  /** The rows in the order of the blocks (global row order), as one machine would hold them. */
  static FeatureMatrix collected(BlockData b) {
    List<RowBlock> blocks = new ArrayList<>(b.blocks().collect());
    blocks.sort((p, q) -> Long.compare(p.firstRow, q.firstRow));
    double[] all = new double[(int) b.rows() * D];
    int w = 0;
    for (RowBlock blk : blocks) {
      System.arraycopy(blk.x, 0, all, w, blk.rows * D);
      w += blk.rows * D;
    }
    return FeatureMatrix.wrap((int) b.rows(), D, all, names());
  }

  @Test
  void robustScalerEqualsTheSingleMachineScalerBitForBit() {
    Scaler distributed = DistributedScaler.fit(raw, ScaleMethod.ROBUST);
    Scaler local = Scaler.fit(collected(raw), ScaleMethod.ROBUST);
    assertThat(distributed).isEqualTo(local);
  }

  @Test
  void fromTheSameCentresTheObjectiveMatchesTheSingleMachineEngine() {
    Scaler scaler = DistributedScaler.fit(raw, ScaleMethod.ROBUST);
    BlockData scaled = raw.scaled(scaler);
    try {
      FeatureMatrix local = collected(scaled);
      // a poor start: three rows of the first group, so that many steps are needed
      double[][] start = {local.row(0), local.row(10), local.row(20)};
      Clusterer settings = Clusterer.builder().trimFraction(0.05).threads(2).build();
      ClusterFit single = settings.fitScaledFrom(local, start);
      DistributedFit dist = DistributedTrimmedKMeans.of(settings).fitScaledFrom(scaled, start);
      assertThat(Math.abs(dist.objective() - single.objective()) / single.objective())
          .isLessThanOrEqualTo(1e-9);
      assertThat(dist.iterations()).isGreaterThan(2);
      for (int j = 0; j < 3; j++) {
        assertThat(dist.sizes()[j]).isEqualTo(single.sizes()[j]);
        assertThat(dist.centers()[j]).containsExactly(single.center(j),
            org.assertj.core.data.Offset.offset(1e-9));
      }
      assertThat(dist.trimmedRows()).isEqualTo(single.outlierCount());
      assertThat(dist.trimRadius()).isCloseTo(single.trimRadius(),
          org.assertj.core.data.Offset.offset(1e-9));
    } finally {
      scaled.unpersist();
    }
  }

  @Test
  void tiesAtTheTrimRadiusAreCutByRowAsOnOneMachineInTwoPassesAStep() {
    // whole-number points on a small grid (many rows at exactly the trim radius) and a few far
    // ones; 30,000 rows in 3 partitions, not scaled
    int rows = 30_000;
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("a", DataTypes.DoubleType, false),
        DataTypes.createStructField("b", DataTypes.DoubleType, false)));
    Dataset<Row> grid = LocalSpark.get().range(0, rows, 1, 3).map(
        (org.apache.spark.api.java.function.MapFunction<Long, Row>) i -> i % 50 == 3
            ? RowFactory.create(20.0 + i % 3, 20.0)
            : RowFactory.create((double) (i * 7 % 5), (double) (i * 11 % 4)),
        org.apache.spark.sql.Encoders.row(schema));
    BlockData blocks = BlockData.of(grid, List.of("a", "b"));
    try {
      double[] all = new double[rows * 2];
      for (RowBlock b : blocks.blocks().collect()) {
        System.arraycopy(b.x, 0, all, (int) b.firstRow * 2, b.rows * 2);
      }
      FeatureMatrix local = FeatureMatrix.wrap(rows, 2, all, List.of("a", "b"));
      double[][] start = {{0, 0}, {4, 3}, {2, 2}};
      Clusterer settings = Clusterer.builder().trimFraction(0.1).threads(2).build();
      ClusterFit single = settings.fitScaledFrom(local, start);
      DistributedTrimmedKMeans engine = DistributedTrimmedKMeans.of(settings);
      DistributedFit fused = engine.fitScaledFrom(blocks, start);
      DistributedFit exact = engine.exactSelectionOnly().fitScaledFrom(blocks, start);
      for (DistributedFit dist : List.of(fused, exact)) {
        assertThat(Math.abs(dist.objective() - single.objective()) / single.objective())
            .isLessThanOrEqualTo(1e-9);
        assertThat(dist.trimmedRows()).isEqualTo(single.outlierCount());
        assertThat(dist.trimRadius()).isEqualTo(single.trimRadius());
        for (int j = 0; j < 3; j++) {
          assertThat(dist.sizes()[j]).isEqualTo(single.sizes()[j]);
          assertThat(dist.centers()[j]).containsExactly(single.center(j),
              org.assertj.core.data.Offset.offset(1e-9));
        }
      }
      // the same rows kept (the sums add in another order, and the bracketed steps update the
      // sums below the bracket by the rows that changed: the last bits may differ)
      assertThat(fused.sizes()).containsExactly(exact.sizes());
      assertThat(Math.abs(fused.objective() - exact.objective()) / exact.objective())
          .isLessThanOrEqualTo(1e-12);
      assertThat(fused.trimRadius()).isEqualTo(exact.trimRadius());
      assertThat(fused.iterations()).isEqualTo(exact.iterations());
      // the bracketed steps took fewer passes than exact selection plus a sums pass
      assertThat(fused.passes()).isLessThan(exact.passes());
    } finally {
      blocks.unpersist();
    }
  }

  @Test
  void aBracketThatMissesTheTrimRadiusFallsBackToExactSelectionWithTheSameFit() {
    // the sample's bracket scaled far above (lo beyond the radius) and far below (hi short of
    // it) the radius: every step misses and takes the exact-selection fallback inside the
    // bracketed fit, which must give the fit of exact selection alone and of one machine
    Scaler scaler = DistributedScaler.fit(raw, ScaleMethod.ROBUST);
    BlockData scaled = raw.scaled(scaler);
    try {
      FeatureMatrix local = collected(scaled);
      double[][] start = {local.row(0), local.row(5), local.row(8)};
      Clusterer settings = Clusterer.builder().trimFraction(0.05).threads(2).build();
      ClusterFit single = settings.fitScaledFrom(local, start);
      DistributedTrimmedKMeans engine = DistributedTrimmedKMeans.of(settings);
      DistributedFit fused = engine.fitScaledFrom(scaled, start);
      DistributedFit exact = engine.exactSelectionOnly().fitScaledFrom(scaled, start);
      assertThat(fused.bracketMisses()).isZero();
      for (double factor : new double[] {1e3, 1e-3}) {
        DistributedFit missed = engine.withBracketScaledBy(factor).fitScaledFrom(scaled, start);
        // every step missed (a fit takes its iterations' steps and one more that settles)
        assertThat(missed.bracketMisses()).as("misses at factor %s", factor)
            .isGreaterThanOrEqualTo(missed.iterations()).isPositive();
        assertThat(missed.trimRadius()).isEqualTo(exact.trimRadius());
        // one machine adds the centres' sums in another order: the last bits may differ
        assertThat(missed.trimRadius()).isCloseTo(single.trimRadius(),
            org.assertj.core.data.Offset.offset(1e-12));
        assertThat(missed.sizes()).containsExactly(exact.sizes());
        assertThat(missed.iterations()).isEqualTo(exact.iterations());
        assertThat(Math.abs(missed.objective() - single.objective()) / single.objective())
            .isLessThanOrEqualTo(1e-9);
        // a missed step costs its histogram pass on top of the exact path's passes
        assertThat(missed.passes()).isGreaterThan(exact.passes());
      }
      assertThat(fused.trimRadius()).isCloseTo(single.trimRadius(),
          org.assertj.core.data.Offset.offset(1e-12));
    } finally {
      scaled.unpersist();
    }
  }

  @Test
  void everyRestartStartsFromTheSingleMachineSeeds() {
    // one step allowed: the reported centres are the seeds themselves, on both engines; 100,000
    // rows, so the single machine seeds on a sample of 50,000 drawn by the restart's stream
    Scaler scaler = DistributedScaler.fit(raw, ScaleMethod.ROBUST);
    BlockData scaled = raw.scaled(scaler);
    try {
      FeatureMatrix local = collected(scaled);
      for (long seed : new long[] {3, 11}) {
        Clusterer settings = Clusterer.builder().trimFraction(0.05).restarts(1).seed(seed)
            .maxIterations(1).threads(2).build();
        ClusterFit single = settings.fitScaled(local, 3);
        DistributedFit dist = DistributedTrimmedKMeans.of(settings).fitScaled(scaled, 3);
        for (int j = 0; j < 3; j++) {
          assertThat(dist.centers()[j]).containsExactly(single.center(j));
        }
        assertThat(Math.abs(dist.objective() - single.objective()) / single.objective())
            .isLessThanOrEqualTo(1e-9);
      }
    } finally {
      scaled.unpersist();
    }
  }

  @Test
  void withRestartsItFindsTheSingleMachineOptimumAndRepeatsItself() {
    Clusterer settings = Clusterer.builder().trimFraction(0.05).restarts(2).seed(7).threads(2)
        .build();
    DistributedTrimmedKMeans engine = DistributedTrimmedKMeans.of(settings);
    Dataset<Row> small = synthetic(10_000).cache();
    BlockData smallRaw = BlockData.of(small, names());
    DistributedFit a = engine.fit(small, names(), 3);
    DistributedFit b = engine.fit(small, names(), 3);
    assertThat(b.objective()).isEqualTo(a.objective());
    assertThat(b.centers()).isDeepEqualTo(a.centers());
    // k-means|| seeding over all rows (on request) reaches the same optimum
    DistributedFit parallel = engine.withSeeding(5, 2.0).fit(small, names(), 3);
    assertThat(Math.abs(parallel.objective() - a.objective()) / a.objective())
        .isLessThanOrEqualTo(1e-6);
    FeatureMatrix local = collected(smallRaw);
    smallRaw.unpersist();
    small.unpersist();
    ClusterFit single = settings.fitScaled(Scaler.fit(local, ScaleMethod.ROBUST).transform(local),
        3);
    assertThat(Math.abs(a.objective() - single.objective()) / single.objective())
        .isLessThanOrEqualTo(1e-6);
    assertThat(a.sizes()[0]).isEqualTo(single.sizes()[0]);
  }

  @Test
  void aMissingValueIsNamedByColumnAndRow() {
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("a", DataTypes.DoubleType, true),
        DataTypes.createStructField("b", DataTypes.DoubleType, true)));
    Dataset<Row> bad = LocalSpark.get().createDataFrame(List.of(RowFactory.create(1.0, 2.0),
        RowFactory.create(3.0, null), RowFactory.create(5.0, 1.0)), schema).coalesce(1);
    assertThatThrownBy(() -> BlockData.of(bad, List.of("a", "b")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("row 2").hasMessageContaining("b");
  }

  @Test
  void aBadValueInALaterPartitionIsNamedByItsGlobalRow() {
    // 3 partitions of 1,000 rows; row 2,500 (1-based) is the 500th of the third partition
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("a", DataTypes.DoubleType, false),
        DataTypes.createStructField("b", DataTypes.DoubleType, false)));
    Dataset<Row> bad = LocalSpark.get().range(0, 3000, 1, 3).map(
        (org.apache.spark.api.java.function.MapFunction<Long, Row>) i -> RowFactory.create(
            (double) i, i == 2499 ? Double.POSITIVE_INFINITY : 1.0),
        org.apache.spark.sql.Encoders.row(schema));
    assertThatThrownBy(() -> BlockData.of(bad, List.of("a", "b")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("row 2500").hasMessageContaining("b");
  }
}
