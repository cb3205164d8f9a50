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
 *       the same settings, the fits repeated in the order Spark, single, single, Spark so that
 *       both see the same load on average; where the time went (process CPU, GC and JIT per
 *       phase, CPU by thread and the tasks' metrics during the fit); and what the fit's tasks
 *       sent back (result and shuffle bytes, from a SparkListener), per pass and per
 *       concentration step.
 *   <li>{@code imaging STUDIES DIR}: phantom studies generated in DIR once, then the imaging verb
 *       (one thread, as {@code backstrat imaging}) and the Spark imaging job over 2 partitions.
 * </ul>
 */
public final class SparkBench {
  private SparkBench() {
  }

  /**
   * Sums what tasks send back to the driver and to shuffles, and what they spent their time on
   * (run and CPU time, GC, records read from the source: non-zero in the fit means a cached
   * block was recomputed; spills), and the wall time of each job (one pass).
   */
  static final class Bytes extends SparkListener {
    final AtomicLong tasks = new AtomicLong();
    final AtomicLong result = new AtomicLong();
    final AtomicLong shuffle = new AtomicLong();
    final AtomicLong maxTaskResult = new AtomicLong();
    final AtomicLong runMs = new AtomicLong();
    final AtomicLong cpuNs = new AtomicLong();
    final AtomicLong gcMs = new AtomicLong();
    final AtomicLong recordsRead = new AtomicLong();
    final AtomicLong spilled = new AtomicLong();
    final AtomicLong maxTaskMs = new AtomicLong();
    final java.util.Map<Integer, Long> jobStart = new java.util.concurrent.ConcurrentHashMap<>();
    final java.util.List<Long> jobMs = java.util.Collections.synchronizedList(new ArrayList<>());

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
      runMs.addAndGet(end.taskMetrics().executorRunTime());
      cpuNs.addAndGet(end.taskMetrics().executorCpuTime());
      gcMs.addAndGet(end.taskMetrics().jvmGCTime());
      recordsRead.addAndGet(end.taskMetrics().inputMetrics().recordsRead());
      spilled.addAndGet(end.taskMetrics().memoryBytesSpilled()
          + end.taskMetrics().diskBytesSpilled());
      maxTaskMs.accumulateAndGet(end.taskMetrics().executorRunTime(), Math::max);
    }

    @Override
    public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart start) {
      jobStart.put(start.jobId(), start.time());
    }

    @Override
    public void onJobEnd(org.apache.spark.scheduler.SparkListenerJobEnd end) {
      Long t = jobStart.remove(end.jobId());
      if (t != null) {
        jobMs.add(end.time() - t);
      }
    }

    void reset() {
      tasks.set(0);
      result.set(0);
      shuffle.set(0);
      maxTaskResult.set(0);
      runMs.set(0);
      cpuNs.set(0);
      gcMs.set(0);
      recordsRead.set(0);
      spilled.set(0);
      maxTaskMs.set(0);
      jobMs.clear();
    }

    /** One line: task time, CPU, GC, source records read, spills, job (pass) times. */
    String summary(double wallS) {
      long[] j;
      synchronized (jobMs) {
        j = jobMs.stream().mapToLong(Long::longValue).sorted().toArray();
      }
      long jobSum = java.util.Arrays.stream(j).sum();
      return String.format("tasks=%d task_run_s=%.1f task_cpu_s=%.1f (cpu/run %.2f;"
          + " run/(2 x wall) %.2f) task_gc_s=%.1f max_task_s=%.2f source_records_read=%d"
          + " spilled_bytes=%d; jobs=%d sum_s=%.1f (wall - jobs %.1f s) job_ms min/median/max"
          + " %d/%d/%d", tasks.get(), runMs.get() / 1e3, cpuNs.get() / 1e9,
          cpuNs.get() / 1e6 / Math.max(1, runMs.get()), runMs.get() / 1e3 / (2 * wallS),
          gcMs.get() / 1e3, maxTaskMs.get() / 1e3, recordsRead.get(), spilled.get(), j.length,
          jobSum / 1e3, wallS - jobSum / 1e3, j.length == 0 ? 0 : j[0],
          j.length == 0 ? 0 : j[j.length / 2], j.length == 0 ? 0 : j[j.length - 1]);
    }
  }

  /** Process CPU seconds, GC seconds and count, JIT seconds, JVM uptime at one moment. */
  record Clock(long wallNs, double cpuS, double gcS, long gcCount, double jitS, double uptimeS) {
    static Clock now() {
      double gc = 0;
      long count = 0;
      for (java.lang.management.GarbageCollectorMXBean g
          : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
        gc += g.getCollectionTime() / 1e3;
        count += g.getCollectionCount();
      }
      double cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management
          .ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
      double jit = java.lang.management.ManagementFactory.getCompilationMXBean()
          .getTotalCompilationTime() / 1e3;
      return new Clock(System.nanoTime(), cpu, gc, count, jit,
          java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
    }

    /** What happened since {@code before}. */
    String since(Clock before) {
      return String.format("wall %.2f s, process CPU %.2f s, GC %.2f s (%d pauses), JIT %.2f s"
          + " (JVM uptime %.1f to %.1f s)", (wallNs - before.wallNs) / 1e9, cpuS - before.cpuS,
          gcS - before.gcS, gcCount - before.gcCount, jitS - before.jitS, before.uptimeS, uptimeS);
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
    Clock c0 = Clock.now();
    long t0 = System.nanoTime();
    // the steps of DistributedTrimmedKMeans.fit, timed one by one
    BlockData raw = BlockData.of(data, names);
    long tBlocks = System.nanoTime();
    Clock c1 = Clock.now();
    String blocksTasks = bytes.summary((tBlocks - t0) / 1e9);
    Scaler scaler = DistributedScaler.fit(raw, ScaleMethod.ROBUST);
    BlockData scaled = raw.scaled(scaler);
    scaled.blocks().count();
    raw.unpersist();
    long tScaled = System.nanoTime();
    Clock c2 = Clock.now();
    long tasksBefore = bytes.tasks.get();
    long resultBefore = bytes.result.get();
    long shuffleBefore = bytes.shuffle.get();
    long maxBefore = bytes.maxTaskResult.get();
    bytes.reset(); // the fit's task metrics and job times alone; the totals restored after it
    java.util.Map<String, Double> threadsBefore = threadCpu();
    DistributedFit fit = engine.fitScaled(scaled, k);
    java.util.Map<String, Double> threadsAfter = threadCpu();
    long tFit = System.nanoTime();
    Clock c3 = Clock.now();
    String fitTasksLine = bytes.summary((tFit - tScaled) / 1e9);
    String storageAfterFit = storage(spark);
    bytes.tasks.addAndGet(tasksBefore);
    bytes.result.addAndGet(resultBefore);
    bytes.shuffle.addAndGet(shuffleBefore);
    bytes.maxTaskResult.accumulateAndGet(maxBefore, Math::max);
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
    Clock c4 = Clock.now();
    long t1 = System.nanoTime();
    Scaler singleScaler = Scaler.fit(local, ScaleMethod.ROBUST);
    FeatureMatrix localScaled = singleScaler.transform(local);
    long t2 = System.nanoTime();
    double singleCpuScalerS = Clock.now().cpuS() - c4.cpuS();
    ClusterFit single = settings.fitScaled(localScaled, k);
    long t3 = System.nanoTime();
    Clock c5 = Clock.now();
    // the machine is shared and its load moves within minutes: the fits are repeated in the
    // order spark, single, single, spark (ABBA), so that both engines' fits see the same load
    // on average; the fit ratio is read from these sums
    Clock m2a = Clock.now();
    ClusterFit single2 = settings.fitScaled(localScaled, k);
    Clock m2b = Clock.now();
    DistributedFit fit2 = engine.fitScaled(scaled, k);
    Clock s2b = Clock.now();
    scaled.unpersist();
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
    System.out.printf("  phases: blocks from Parquet: %s%n          spark scaler: %s%n"
        + "          spark fit: %s%n          single scaler + fit: %s%n", c1.since(c0),
        c2.since(c1), c3.since(c2), c5.since(c4));
    double[] w = {(c3.wallNs() - c2.wallNs()) / 1e9, singleFitS,
        (m2b.wallNs() - m2a.wallNs()) / 1e9, (s2b.wallNs() - m2b.wallNs()) / 1e9};
    double[] cpu = {c3.cpuS() - c2.cpuS(), c5.cpuS() - c4.cpuS() - singleCpuScalerS,
        m2b.cpuS() - m2a.cpuS(), s2b.cpuS() - m2b.cpuS()};
    System.out.printf("  fits interleaved spark, single, single, spark: wall %.2f / %.2f / %.2f /"
        + " %.2f s, process CPU %.2f / %.2f / %.2f / %.2f s; ratio spark/single of the sums:"
        + " wall %.2f, CPU %.2f; objectives equal across repeats: %b%n", w[0], w[1], w[2], w[3],
        cpu[0], cpu[1], cpu[2], cpu[3], (w[0] + w[3]) / (w[1] + w[2]),
        (cpu[0] + cpu[3]) / (cpu[1] + cpu[2]), fit2.objective() == fit.objective()
            && single2.objective() == single.objective());
    System.out.printf("  tasks of the Parquet->blocks step: %s%n", blocksTasks);
    System.out.printf("  tasks of the spark fit: %s%n", fitTasksLine);
    System.out.printf("  CPU s of the spark fit by thread: %s%n",
        threadCpuSince(threadsBefore, threadsAfter));
    System.out.printf("  storage after the fit: %s%n", storageAfterFit);
    long fitTasks = tasks - tasksBefore;
    long fitResult = result - resultBefore;
    System.out.printf("  all: tasks=%d result_bytes=%d (max per task %d) shuffle_bytes=%d%n",
        tasks, result, maxTask, shuffle);
    System.out.printf("  fit (after scaling): tasks=%d passes=%d result_bytes=%d -> %.0f bytes"
        + " per pass per partition; per concentration step <= %d bytes per block%n", fitTasks,
        fit.passes(), fitResult, (double) fitResult / fit.passes() / partitions,
        fit.resultBytesPerBlockPerStep());
  }

  /** Cached RDDs: partitions cached of all, bytes in memory and on disk. */
  static String storage(SparkSession spark) {
    StringBuilder b = new StringBuilder();
    for (org.apache.spark.storage.RDDInfo r : spark.sparkContext().getRDDStorageInfo()) {
      b.append(String.format("rdd %d cached %d/%d partitions, memory %d MB, disk %d MB; ", r.id(),
          r.numCachedPartitions(), r.numPartitions(), r.memSize() >> 20, r.diskSize() >> 20));
    }
    return b.length() == 0 ? "none" : b.toString();
  }

  /**
   * CPU seconds of this process's threads by name (Linux /proc/self/task; digits dropped from
   * the name so that pools group: "Executor task launch worker", "C2 CompilerThread", "GC
   * Thread"...), to tell task work from JIT, GC and driver work; empty elsewhere.
   */
  static java.util.Map<String, Double> threadCpu() {
    java.util.Map<String, Double> out = new java.util.TreeMap<>();
    try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path t : tasks.toList()) {
        try {
          String stat = Files.readString(t.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
              .replaceAll("[0-9]+", "#");
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          double s = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime + stime
          out.merge(name, s, Double::sum);
        } catch (java.io.IOException | RuntimeException e) {
          // a thread that ended meanwhile
        }
      }
    } catch (java.io.IOException e) {
      return out;
    }
    return out;
  }

  /** The largest increases from {@code before} to {@code after}, as one line. */
  static String threadCpuSince(java.util.Map<String, Double> before,
                               java.util.Map<String, Double> after) {
    return after.entrySet().stream()
        .map(e -> java.util.Map.entry(e.getKey(),
            e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
        .filter(e -> e.getValue() >= 0.05)
        .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(10).map(e -> String.format("%s %.1f", e.getKey(), e.getValue()))
        .collect(java.util.stream.Collectors.joining(", "));
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
