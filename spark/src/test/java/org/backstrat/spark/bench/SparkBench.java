package org.backstrat.spark.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.kmeans.ClusterFit;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.imaging.phantom.PhantomJob;
import org.backstrat.imaging.pipeline.ImagingJob;
import org.backstrat.spark.imaging.ImagingSettings;
import org.backstrat.spark.imaging.SparkImaging;
import org.backstrat.spark.kmeans.BlockData;
import org.backstrat.spark.kmeans.DistributedFit;
import org.backstrat.spark.kmeans.DistributedScaler;
import org.backstrat.spark.kmeans.DistributedTrimmedKMeans;

/**
 * Benchmarks of the spark module against the single-machine engines, in one JVM, under
 * {@code local[2]} (see bench/spark/run.sh):
 *
 * <ul>
 *   <li>{@code kmeans ROWS COLS K RESTARTS PARTITIONS DIR}: fit time of the distributed engine
 *       (blocks read from a Parquet copy of the data in DIR, written once, then scaled and
 *       fitted, each phase timed) and of the single-machine engine (scaled, fitted, 2 threads)
 *       on the same rows (made by the same function of the row number, outside the timing), with
 *       the same settings; and what the fit's tasks sent back (result and shuffle bytes, from a
 *       SparkListener), per pass and per concentration step.
 *   <li>{@code imaging STUDIES DIR}: phantom studies generated in DIR once, then the imaging verb
 *       (one thread, as {@code backstrat imaging}) and the Spark imaging job over 2 partitions.
 * </ul>
 */
public final class SparkBench {
  private SparkBench() {
  }

  /** Sums what tasks send back to the driver and to shuffles. */
  static final class Bytes extends SparkListener {
    final AtomicLong tasks = new AtomicLong();
    final AtomicLong result = new AtomicLong();
    final AtomicLong shuffle = new AtomicLong();
    final AtomicLong maxTaskResult = new AtomicLong();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      if (end.taskMetrics() == null) {
        return;
      }
      tasks.incrementAndGet();
      long r = end.taskMetrics().resultSize();
      result.addAndGet(r);
      shuffle.addAndGet(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
      maxTaskResult.accumulateAndGet(r, Math::max);
    }

    void reset() {
      tasks.set(0);
      result.set(0);
      shuffle.set(0);
      maxTaskResult.set(0);
    }
  }

  /** Runs one benchmark; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSession.builder().master("local[2]").appName("backstrat-bench")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Bytes bytes = new Bytes();
    spark.sparkContext().addSparkListener(bytes);
    try {
      switch (args[0]) {
        case "kmeans" -> kmeans(spark, bytes, Long.parseLong(args[1]), Integer.parseInt(args[2]),
            Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
            Path.of(args[6]));
        case "imaging" -> imaging(spark, Integer.parseInt(args[1]), Path.of(args[2]));
        default -> throw new IllegalArgumentException(args[0]);
      }
    } finally {
      spark.stop();
    }
  }

  static void kmeans(SparkSession spark, Bytes bytes, long rows, int d, int k, int restarts,
                     int partitions, Path dir) throws Exception {
    List<StructField> fields = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      fields.add(DataTypes.createStructField("v" + j, DataTypes.DoubleType, false));
    }
    List<String> names = fields.stream().map(StructField::name).toList();
    // the data as Parquet under DIR, written once (values made from the row number)
    Path parquet = dir.resolve("kmeans-" + rows + "x" + d + "-k" + k + ".parquet");
    if (!Files.isDirectory(parquet)) {
      spark.range(0, rows, 1, partitions).map(
          (org.apache.spark.api.java.function.MapFunction<Long, Row>) i -> row(i, d, k),
          Encoders.row(DataTypes.createStructType(fields))).write().parquet(parquet.toString());
    }
    Dataset<Row> data = spark.read().parquet(parquet.toString()).coalesce(partitions);
    Clusterer settings = Clusterer.builder().trimFraction(0.05).restarts(restarts).seed(1)
        .threads(2).build();
    DistributedTrimmedKMeans engine = DistributedTrimmedKMeans.of(settings);
    bytes.reset();
    long t0 = System.nanoTime();
    // the steps of DistributedTrimmedKMeans.fit, timed one by one
    BlockData raw = BlockData.of(data, names);
    long tBlocks = System.nanoTime();
    Scaler scaler = DistributedScaler.fit(raw, ScaleMethod.ROBUST);
    BlockData scaled = raw.scaled(scaler);
    scaled.blocks().count();
    raw.unpersist();
    long tScaled = System.nanoTime();
    long tasksBefore = bytes.tasks.get();
    long resultBefore = bytes.result.get();
    DistributedFit fit = engine.fitScaled(scaled, k);
    long tFit = System.nanoTime();
    scaled.unpersist();
    double sparkS = (tFit - t0) / 1e9;
    double fitOnlyS = (tFit - tScaled) / 1e9;
    long tasks = bytes.tasks.get();
    long result = bytes.result.get();
    long shuffle = bytes.shuffle.get();
    long maxTask = bytes.maxTaskResult.get();
    // the same rows on one machine (made by the same function, outside the timing)
    double[] x = new double[Math.toIntExact(rows * d)];
    for (int i = 0; i < rows; i++) {
      Row r = row(i, d, k);
      for (int j = 0; j < d; j++) {
        x[i * d + j] = r.getDouble(j);
      }
    }
    FeatureMatrix local = FeatureMatrix.wrap((int) rows, d, x, names);
    long t1 = System.nanoTime();
    Scaler singleScaler = Scaler.fit(local, ScaleMethod.ROBUST);
    FeatureMatrix localScaled = singleScaler.transform(local);
    long t2 = System.nanoTime();
    ClusterFit single = settings.fitScaled(localScaled, k);
    long t3 = System.nanoTime();
    double singleS = (t3 - t1) / 1e9;
    double singleFitS = (t3 - t2) / 1e9;
    System.out.printf("kmeans rows=%d d=%d k=%d restarts=%d partitions=%d (Parquet %s)%n", rows,
        d, k, restarts, partitions, parquet.getFileName());
    System.out.printf("  spark  total_s=%.2f (blocks from Parquet %.2f, scaler %.2f, fit %.2f)"
        + " objective=%.10g passes=%d iterations=%d%n", sparkS, (tBlocks - t0) / 1e9,
        (tScaled - tBlocks) / 1e9, fitOnlyS, fit.objective(), fit.passes(), fit.iterations());
    System.out.printf("  single total_s=%.2f (scaler %.2f, fit %.2f) objective=%.10g"
        + " iterations=%d%n", singleS, (t2 - t1) / 1e9, singleFitS, single.objective(),
        single.iterations());
    System.out.printf("  ratio spark/single: total (spark from Parquet) %.2f, scaled fit %.2f%n",
        sparkS / singleS, fitOnlyS / singleFitS);
    System.out.printf("  single/spark objective relative difference=%.3g, scalers equal=%b%n",
        Math.abs(fit.objective() - single.objective()) / single.objective(),
        scaler.equals(singleScaler));
    long fitTasks = tasks - tasksBefore;
    long fitResult = result - resultBefore;
    System.out.printf("  all: tasks=%d result_bytes=%d (max per task %d) shuffle_bytes=%d%n",
        tasks, result, maxTask, shuffle);
    System.out.printf("  fit (after scaling): tasks=%d passes=%d result_bytes=%d -> %.0f bytes"
        + " per pass per partition; per concentration step <= %d bytes per block%n", fitTasks,
        fit.passes(), fitResult, (double) fitResult / fit.passes() / partitions,
        fit.resultBytesPerBlockPerStep());
  }

  /** Groups of equal size, one per cluster, apart by 4 SD in each column; 4% gross outliers. */
  static Row row(long i, int d, int k) {
    SplittableRandom rng = new SplittableRandom(7 + i * 1_000_003L);
    int g = (int) (i % k);
    Object[] cells = new Object[d];
    for (int j = 0; j < d; j++) {
      double v = (j % k == g ? 4 : 0) + rng.nextGaussian();
      if (i % 25 == 3) {
        v = 30 * (rng.nextDouble() - 0.5);
      }
      cells[j] = v;
    }
    return RowFactory.create(cells);
  }

  static void imaging(SparkSession spark, int studies, Path dir) throws Exception {
    Path phantoms = dir.resolve("phantoms-" + studies);
    if (!Files.isDirectory(phantoms)) {
      PhantomJob.withDefaults().withCount(studies).withSeed(11).run(phantoms, false, null);
    }
    StringBuilder m = new StringBuilder("id,sagittal,axial\n");
    for (int i = 0; i < studies; i++) {
      String s = PhantomJob.id(i);
      m.append(s).append(',').append(s).append("/sagittal_t2.mha,").append(s).append('\n');
    }
    Path manifest = phantoms.resolve("manifest.csv");
    Files.writeString(manifest, m);
    Path single = dir.resolve("single-" + studies + ".csv");
    Files.deleteIfExists(single);
    ImagingJob job = ImagingSettings.defaults().job();
    long t0 = System.nanoTime();
    job.run(manifest, single, true, null);
    double singleS = (System.nanoTime() - t0) / 1e9;
    Dataset<Row> table = spark.read().option("header", "true").csv(manifest.toString());
    long t1 = System.nanoTime();
    long n = SparkImaging.measure(spark, table, manifest.toString(), phantoms.toString(),
        ImagingSettings.defaults(), 2).count();
    double sparkS = (System.nanoTime() - t1) / 1e9;
    System.out.printf("imaging studies=%d%n  single (1 thread) s=%.2f%n  spark local[2]"
        + " s=%.2f (%d rows)%n  ratio spark/single=%.2f%n", studies, singleS, sparkS, n,
        sparkS / singleS);
  }
}
