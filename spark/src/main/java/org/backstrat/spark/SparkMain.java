package org.backstrat.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.kmeans.Assignment;
import org.backstrat.cluster.kmeans.ClusterFit;
import org.backstrat.cluster.kmeans.ClusterMethod;
import org.backstrat.cluster.kmeans.ClusterModel;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.core.BadInputException;
import org.backstrat.spark.assign.SparkAssign;
import org.backstrat.spark.imaging.ImagingSettings;
import org.backstrat.spark.imaging.SparkImaging;
import org.backstrat.spark.kmeans.DistributedFit;
import org.backstrat.spark.kmeans.DistributedTrimmedKMeans;

/**
 * The entry point for {@code spark-submit --class org.backstrat.spark.SparkMain
 * backstrat-spark.jar VERB ...}: {@code cluster}, {@code assign} and {@code imaging} on a Spark
 * cluster (or {@code --master local[*]}). Inputs are CSV (with a header row) or Parquet, chosen
 * by {@code --format} or the path's ending; outputs are directories of CSV (or Parquet with
 * {@code --out-format parquet}) part files, never overwritten unless {@code --force}. Bad input
 * exits with code 2 and the single-machine message; see the README section "Spark".
 */
public final class SparkMain {
  private SparkMain() {
  }

  /** Runs a verb in the Spark session that spark-submit configured; exits with its code. */
  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().appName("backstrat " + String.join(" ",
        args.length > 0 ? args[0] : "")).getOrCreate();
    int code;
    try {
      code = run(spark, args, System.out, System.err);
    } finally {
      spark.stop();
    }
    System.exit(code);
  }

  /**
   * Runs one verb in {@code spark}; returns the exit code (0, or 2 for bad input with the
   * message on {@code err}).
   */
  public static int run(SparkSession spark, String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println("usage: SparkMain cluster|assign|imaging [options] (see the README, Spark)");
      return 2;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      switch (args[0]) {
        case "cluster" -> cluster(spark, rest, out);
        case "assign" -> assign(spark, rest, out);
        case "imaging" -> imaging(spark, rest, out);
        default -> throw new BadInputException("unknown verb " + args[0]
            + ": expected cluster, assign or imaging");
      }
      return 0;
    } catch (Exception e) { // Spark throws its checked SparkException from Scala code too
      BadInputException bad = badInput(e);
      if (bad == null) {
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
      err.println("backstrat: " + bad.getMessage());
      return 2;
    }
  }

  /** The bad-input exception behind a failure (Spark wraps executor failures), or null. */
  private static BadInputException badInput(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BadInputException b) {
        return b;
      }
    }
    return null;
  }

  private static Dataset<Row> read(SparkSession spark, String path, String format) {
    String f = format != null ? format
        : path.toLowerCase(Locale.ROOT).endsWith(".parquet") ? "parquet" : "csv";
    return switch (f) {
      case "csv" -> spark.read().option("header", "true").csv(path);
      case "parquet" -> spark.read().parquet(path);
      default -> throw new BadInputException("--format " + f + ": expected csv or parquet");
    };
  }

  private static void write(Dataset<Row> data, String out, String format, boolean force) {
    var w = data.write().mode(force ? "overwrite" : "errorifexists");
    switch (format) {
      case "csv" -> w.option("header", "true").csv(out);
      case "parquet" -> w.parquet(out);
      default -> throw new BadInputException("--out-format " + format
          + ": expected csv or parquet");
    }
  }

  private static void checkNew(SparkSession spark, String out, boolean force) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(out);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(p) && !force) {
        throw BadInputException.at(out, 0, "", "", "an output that does not exist yet (use"
            + " --force to replace it)");
      }
      if (fs.exists(p)) {
        fs.delete(p, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeText(SparkSession spark, String file, String text) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (OutputStream o = fs.create(p, false)) {
        o.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- cluster ---------------------------------------------------------------------------

  private static void cluster(SparkSession spark, List<String> a, PrintStream out) {
    SparkArgs o = new SparkArgs("cluster", a, Set.of("data", "format", "columns", "k", "trim",
        "restarts", "seed", "max-iterations", "scale", "out", "out-format"), Set.of("force"));
    String dest = o.required("out");
    boolean force = o.flag("force");
    checkNew(spark, dest, force);
    Dataset<Row> data = read(spark, o.required("data"), o.get("format", null)).cache();
    List<String> columns = Arrays.stream(o.required("columns").split(",")).map(String::trim)
        .toList();
    Clusterer settings = Clusterer.builder().trimFraction(o.number("trim", 0.05))
        .restarts(o.integer("restarts", 10)).seed(o.integer("seed", 1))
        .maxIterations(o.integer("max-iterations", 300)).build();
    ScaleMethod scale = ScaleMethod.valueOf(o.get("scale", "robust").toUpperCase(Locale.ROOT));
    DistributedFit fit = DistributedTrimmedKMeans.of(settings).withScaling(scale)
        .fit(data, columns, o.integer("k", 3));
    Dataset<Row> labels = label(spark, data, columns, fit);
    write(labels, dest + "/assignments", o.get("out-format", "csv"), false);
    writeText(spark, dest + "/clustering.json", json(fit, settings, columns, scale,
        o.required("data")));
    data.unpersist();
    out.println("wrote " + dest + " (objective " + fit.objective() + ", sizes "
        + Arrays.toString(fit.sizes()) + ")");
  }

  /**
   * {@code row, [id,] cluster, outlier, distance} per data row, as {@code backstrat cluster}'s
   * assignments.csv: cluster 1..K, distance in the scaled space, outlier beyond the trim radius.
   */
  static Dataset<Row> label(SparkSession spark, Dataset<Row> data, List<String> columns,
                            DistributedFit fit) {
    Scaler s = fit.scaler();
    ScaleMethod method = s.method();
    List<String> features = s.features();
    double[] center = s.center();
    double[] scale = s.scale();
    double[] weights = s.weights();
    double[][] centers = fit.centers();
    double alpha = fit.trimFraction();
    double radius = fit.trimRadius();
    boolean hasId = Arrays.asList(data.columns()).contains("id");
    int d = columns.size();
    List<org.apache.spark.sql.Column> cols = new ArrayList<>();
    columns.forEach(c -> cols.add(data.col("`" + c + "`")));
    if (hasId) {
      cols.add(data.col("id").cast("string"));
    }
    JavaRDD<Row> rows = data.select(cols.toArray(org.apache.spark.sql.Column[]::new)).javaRDD()
        .zipWithIndex().mapPartitions(it -> {
          ClusterModel model = new ClusterModel(new Scaler(method, features, center, scale,
              weights), ClusterFit.restored(alpha > 0 ? ClusterMethod.TRIMMED
              : ClusterMethod.KMEANS, alpha, centers, radius));
          List<Row> outRows = new ArrayList<>();
          while (it.hasNext()) {
            scala.Tuple2<Row, Long> t = it.next();
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
              x[j] = org.backstrat.spark.kmeans.BlockData.number(t._1(), j, t._2() + 1,
                  columns.get(j));
            }
            Assignment as = model.assign(x);
            outRows.add(hasId
                ? RowFactory.create(t._2() + 1, t._1().getString(d), as.cluster() + 1,
                    as.outlier(), as.distance())
                : RowFactory.create(t._2() + 1, as.cluster() + 1, as.outlier(), as.distance()));
          }
          return outRows.iterator();
        });
    List<StructField> f = new ArrayList<>();
    f.add(DataTypes.createStructField("row", DataTypes.LongType, false));
    if (hasId) {
      f.add(DataTypes.createStructField("id", DataTypes.StringType, true));
    }
    f.add(DataTypes.createStructField("cluster", DataTypes.IntegerType, false));
    f.add(DataTypes.createStructField("outlier", DataTypes.BooleanType, false));
    f.add(DataTypes.createStructField("distance", DataTypes.DoubleType, false));
    return spark.createDataFrame(rows, DataTypes.createStructType(f));
  }

  private static String json(DistributedFit fit, Clusterer settings, List<String> columns,
                             ScaleMethod scale, String input) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("schema", "backstrat.spark-clustering/1");
    root.put("input", input);
    root.putPOJO("features", columns);
    root.put("method", fit.trimFraction() > 0 ? "trimmed" : "kmeans");
    root.put("k", fit.centers().length);
    root.put("trim", fit.trimFraction());
    root.put("scale", scale.name().toLowerCase(Locale.ROOT));
    root.put("seed", settings.seed());
    root.put("restarts", settings.restarts());
    root.put("objective", fit.objective());
    root.put("iterations", fit.iterations());
    root.put("n_outliers", fit.trimmedRows());
    root.put("trim_radius", fit.trimRadius());
    root.put("spark_passes", fit.passes());
    ObjectNode sc = root.putObject("scaler");
    ArrayNode c = sc.putArray("center");
    Arrays.stream(fit.scaler().center()).forEach(c::add);
    ArrayNode s = sc.putArray("scale");
    Arrays.stream(fit.scaler().scale()).forEach(s::add);
    ArrayNode clusters = root.putArray("clusters");
    ClusterModel model = fit.model();
    for (int j = 0; j < fit.centers().length; j++) {
      ObjectNode cl = clusters.addObject();
      cl.put("id", j + 1);
      cl.put("size", fit.sizes()[j]);
      ArrayNode orig = cl.putArray("center");
      Arrays.stream(model.centerOriginal(j)).forEach(orig::add);
      ArrayNode scaled = cl.putArray("center_scaled");
      Arrays.stream(fit.centers()[j]).forEach(scaled::add);
    }
    try {
      return m.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- assign ----------------------------------------------------------------------------

  private static void assign(SparkSession spark, List<String> a, PrintStream out) {
    SparkArgs o = new SparkArgs("assign", a, Set.of("model", "data", "format", "out",
        "out-format"), Set.of("force"));
    String dest = o.required("out");
    checkNew(spark, dest, o.flag("force"));
    String modelPath = o.required("model");
    byte[] model = spark.sparkContext().binaryFiles(modelPath, 1).toJavaRDD().first()._2()
        .toArray();
    String data = o.required("data");
    Dataset<Row> table = read(spark, data, o.get("format", null));
    Dataset<Row> result = SparkAssign.assign(spark, table, model, data);
    write(result, dest, o.get("out-format", "csv"), false);
    out.println("wrote " + dest);
  }

  // ---- imaging ---------------------------------------------------------------------------

  private static void imaging(SparkSession spark, List<String> a, PrintStream out) {
    SparkArgs o = new SparkArgs("imaging", a, Set.of("manifest", "base", "out", "out-format",
        "pfirrmann-model", "disc-model", "facet-model", "partitions"),
        Set.of("force", "no-label-images"));
    String dest = o.required("out");
    checkNew(spark, dest, o.flag("force"));
    String manifest = o.required("manifest");
    String base = o.get("base", new java.io.File(manifest).getAbsoluteFile().getParent());
    Dataset<Row> table = spark.read().option("header", "true").csv(manifest);
    int partitions = o.integer("partitions", spark.sparkContext().defaultParallelism());
    ImagingSettings settings = new ImagingSettings(o.get("pfirrmann-model", null),
        o.get("disc-model", null), o.get("facet-model", null), !o.flag("no-label-images"));
    Dataset<Row> result = SparkImaging.measure(spark, table, manifest, base, settings,
        partitions);
    write(result, dest, o.get("out-format", "csv"), false);
    out.println("wrote " + dest);
  }
}
