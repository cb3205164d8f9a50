package org.backstrat.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.kmeans.ClusterModel;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.imaging.phantom.PhantomJob;
import org.backstrat.model.AssignedRow;
import org.backstrat.model.FrozenModel;
import org.backstrat.model.ModelJson;
import org.backstrat.spark.assign.SparkAssignTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's spark-submit examples (the arguments after the jar), run in-process under
 * {@code local[2]}: results equal the single-machine verbs on the same input; bad input exits 2;
 * an existing output is not overwritten.
 */
class SparkMainTest {
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    return SparkMain.run(LocalSpark.get(), args, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  static List<Row> readCsv(Path dir) {
    return new ArrayList<>(LocalSpark.get().read().option("header", "true")
        .option("inferSchema", "true").csv(dir.toString()).collectAsList());
  }

  /** A clustering input (CSV with an id column) and the single machine's labels for it. */
  record ClusterCase(Path data, int[] labels) {
    /** The verb's arguments after {@code cluster} that the single machine's labels answer. */
    List<String> args(Path out) {
      return List.of("--data", data.toString(), "--columns", "a,b,c", "--k", "3",
          "--restarts", "3", "--seed", "1", "--out", out.toString());
    }
  }

  /** 3,000 rows in three groups, written to {@code dir}, with the single machine's labels. */
  static ClusterCase clusterCase(Path dir) throws Exception {
    int n = 3000;
    double[][] x = new double[n][3];
    StringBuilder csv = new StringBuilder("id,a,b,c\n");
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < n; i++) {
      int g = i % 3;
      for (int j = 0; j < 3; j++) {
        x[i][j] = (g == j ? 6 : 0) + rng.nextGaussian();
      }
      csv.append("p").append(i).append(',').append(x[i][0]).append(',').append(x[i][1])
          .append(',').append(x[i][2]).append('\n');
    }
    Path data = dir.resolve("data.csv");
    Files.writeString(data, csv);
    FeatureMatrix raw = FeatureMatrix.of(x, List.of("a", "b", "c"));
    Clusterer settings = Clusterer.builder().restarts(3).seed(1).build();
    ClusterModel single = settings.fit(raw, Scaler.fit(raw, ScaleMethod.ROBUST), 3);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = single.fit().label(i) + 1;
    }
    return new ClusterCase(data, labels);
  }

  /** The cluster verb's output in {@code out} holds the single machine's partition. */
  static void assertClusterOutput(Path out, ClusterCase c) throws Exception {
    List<Row> rows = readCsv(out.resolve("assignments"));
    rows.sort(Comparator.comparingLong(r -> ((Number) r.getAs("row")).longValue()));
    assertThat(rows).hasSize(c.labels().length);
    for (int i = 0; i < c.labels().length; i++) {
      assertThat(rows.get(i).<String>getAs("id")).isEqualTo("p" + i);
      assertThat(((Number) rows.get(i).getAs("cluster")).intValue()).isEqualTo(c.labels()[i]);
    }
    String json = Files.readString(out.resolve("clustering.json"));
    assertThat(json).contains("\"k\" : 3").contains("backstrat.spark-clustering/1");
  }

  /** The assign verb's output in {@code out} equals {@code backstrat assign} on {@code csv}. */
  static void assertAssignOutput(Path out, Path csv) throws Exception {
    FrozenModel model = ModelJson.read(SparkAssignTest.MODEL);
    List<String> variants = model.variants().stream().map(v -> v.name()).toList();
    List<AssignedRow> expected = SparkAssignTest.singleMachine(SparkAssignTest.MODEL, csv);
    List<Row> got = readCsv(out);
    got.sort(Comparator.<Row>comparingInt(r -> variants.indexOf(r.<String>getAs("variant")))
        .thenComparingLong(r -> ((Number) r.getAs("row")).longValue()));
    assertThat(got).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      AssignedRow e = expected.get(i);
      Row g = got.get(i);
      assertThat(g.<String>getAs("id")).isEqualTo(e.id());
      if (e.placement().isPresent()) {
        assertThat(((Number) g.getAs("cluster")).intValue())
            .isEqualTo(e.placement().get().stratum().id());
        assertThat(((Number) g.getAs("p_1")).doubleValue())
            .isEqualTo(e.placement().get().probabilities()[0]);
      } else {
        assertThat(g.isNullAt(g.fieldIndex("cluster"))).isTrue();
      }
    }
  }

  /** Two phantom studies under {@code dir} and their manifest. */
  static Path phantomManifest(Path dir) throws Exception {
    Path phantoms = dir.resolve("phantoms");
    PhantomJob.withDefaults().withCount(2).withSeed(8).withThreads(1).run(phantoms, false, null);
    Path manifest = phantoms.resolve("manifest.csv");
    Files.writeString(manifest, "id,sagittal,axial\n"
        + "phantom-0001,phantom-0001/sagittal_t2.mha,phantom-0001\n"
        + "phantom-0002,phantom-0002/sagittal_t2.mha,phantom-0002\n");
    return manifest;
  }

  /** The imaging verb's output in {@code out} measured both phantom studies. */
  static void assertImagingOutput(Path out) {
    List<Row> rows = readCsv(out);
    assertThat(rows).extracting(r -> r.<String>getAs("id"))
        .containsExactlyInAnyOrder("phantom-0001", "phantom-0002");
    assertThat(rows).allSatisfy(r -> assertThat(r.<String>getAs("imaging_status"))
        .isIn("ok", "partial"));
  }

  @Test
  void clusterGivesTheSingleMachinePartition(@TempDir Path dir) throws Exception {
    ClusterCase c = clusterCase(dir);
    Path out = dir.resolve("out");
    List<String> args = new ArrayList<>(List.of("cluster"));
    args.addAll(c.args(out));
    assertThat(run(args.toArray(new String[0]))).isZero();
    assertClusterOutput(out, c);
    assertThat(run("cluster", "--data", c.data().toString(), "--columns", "a,b,c", "--out",
        out.toString())).as("an existing output is kept").isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--force");
  }

  @Test
  void assignGivesTheSingleMachineRows(@TempDir Path dir) throws Exception {
    Path csv = SparkAssignTest.cohort(dir, 300);
    Path out = dir.resolve("assigned");
    assertThat(run("assign", "--model", SparkAssignTest.MODEL.toString(), "--data",
        csv.toString(), "--out", out.toString())).isZero();
    assertAssignOutput(out, csv);
  }

  @Test
  void imagingMeasuresEveryStudyOfTheManifest(@TempDir Path dir) throws Exception {
    Path manifest = phantomManifest(dir);
    Path out = dir.resolve("biomarkers");
    assertThat(run("imaging", "--manifest", manifest.toString(), "--out", out.toString(),
        "--partitions", "2")).isZero();
    assertImagingOutput(out);
  }

  @Test
  void badInputExitsTwoWithTheMessage(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("d.csv");
    Files.writeString(data, "a,b\n1,2\n3,x\n5,6\n");
    assertThat(run("cluster", "--data", data.toString(), "--columns", "a,b", "--k", "2",
        "--out", dir.resolve("o").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("row 2").contains("column b");
    assertThat(run("cluster", "--dta", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --dta");
  }
}
