package org.backstrat.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backstrat.spark.assign.SparkAssignTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's {@code spark-submit --master 'local[2]' ... backstrat-spark.jar VERB} commands,
 * run for real: Spark's own {@code org.apache.spark.deploy.SparkSubmit} (the class the
 * {@code spark-submit} script starts) in a fresh JVM, on the packaged shaded jar, with only a
 * Spark distribution's jars on the class path (Spark, Hadoop, Scala, Jackson, SLF4J; see the
 * module pom's {@code spark-distribution-classpath}). So the jar's manifest, its shading (what
 * it must carry, what it must leave to Spark) and {@code SparkMain}'s exit codes are tested, not
 * only the verbs' code. Results equal the single-machine verbs, as in {@link SparkMainTest}.
 * Runs in {@code verify} after {@code package} (failsafe); tagged slow.
 */
@Tag("slow")
class SparkSubmitIT {
  static final long TIMEOUT_SECONDS = 300;

  /** Exit code and combined output of one spark-submit run. */
  record Submitted(int exitCode, String log) {
  }

  /**
   * Runs {@code spark-submit --master local[2] [sparkOptions] --class SparkMain JAR args}. The
   * README's commands plus what this sandbox needs: no web UI, the driver on 127.0.0.1, and
   * -Xss8m on the JVM itself (the launcher script would pass --driver-java-options there; the
   * SparkSubmit class, started directly, cannot).
   */
  static Submitted submit(Path dir, List<String> sparkOptions, String... args)
      throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("backstrat.sparkJar"));
    Path classpath = Path.of(System.getProperty("backstrat.sparkClasspath"));
    assertThat(jar).as("the shaded jar (mvn package)").isRegularFile();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("-Xss8m");
    cmd.addAll(Arrays.asList(System.getProperty("backstrat.sparkOpens").trim().split("\\s+")));
    cmd.add("-cp");
    cmd.add(Files.readString(classpath).trim());
    cmd.add("org.apache.spark.deploy.SparkSubmit");
    cmd.addAll(List.of("--master", "local[2]", "--conf", "spark.ui.enabled=false",
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1"));
    cmd.addAll(sparkOptions);
    cmd.addAll(List.of("--class", "org.backstrat.spark.SparkMain", jar.toString()));
    cmd.addAll(Arrays.asList(args));
    Path log = Files.createTempFile(dir, "spark-submit", ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("spark-submit ran past " + TIMEOUT_SECONDS + " s: "
          + String.join(" ", args) + "\n" + tail(Files.readString(log, StandardCharsets.UTF_8)));
    }
    return new Submitted(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** The last 4,000 characters of a run's output, for failure messages. */
  static String tail(String log) {
    return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
  }

  static void assertSucceeded(Submitted s) {
    assertThat(s.exitCode()).as("spark-submit exit code; its output:\n%s", tail(s.log()))
        .isZero();
  }

  @Test
  void clusterBySparkSubmitGivesTheSingleMachinePartition(@TempDir Path dir) throws Exception {
    SparkMainTest.ClusterCase c = SparkMainTest.clusterCase(dir);
    Path out = dir.resolve("clusters");
    List<String> args = new ArrayList<>(List.of("cluster"));
    args.addAll(c.args(out));
    assertSucceeded(submit(dir, List.of(), args.toArray(new String[0])));
    SparkMainTest.assertClusterOutput(out, c);
  }

  @Test
  void assignBySparkSubmitGivesTheSingleMachineRows(@TempDir Path dir) throws Exception {
    Path csv = SparkAssignTest.cohort(dir, 300);
    Path out = dir.resolve("assigned");
    assertSucceeded(submit(dir, List.of(), "assign", "--model",
        SparkAssignTest.MODEL.toAbsolutePath().toString(), "--data", csv.toString(), "--out",
        out.toString()));
    SparkMainTest.assertAssignOutput(out, csv);
  }

  @Test
  void imagingBySparkSubmitMeasuresEveryStudy(@TempDir Path dir) throws Exception {
    Path manifest = SparkMainTest.phantomManifest(dir);
    Path out = dir.resolve("biomarkers");
    assertSucceeded(submit(dir, List.of("--driver-java-options", "-Xss8m",
        "--conf", "spark.executor.extraJavaOptions=-Xss8m"), "imaging", "--manifest",
        manifest.toString(), "--partitions", "2", "--out", out.toString()));
    SparkMainTest.assertImagingOutput(out);
  }

  @Test
  void badInputBySparkSubmitExitsTwoNamingRowAndColumn(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("d.csv");
    Files.writeString(data, "a,b\n1,2\n3,x\n5,6\n");
    Submitted s = submit(dir, List.of(), "cluster", "--data", data.toString(), "--columns", "a,b",
        "--k", "2", "--out", dir.resolve("o").toString());
    assertThat(s.exitCode()).as(s.log()).isEqualTo(2);
    assertThat(s.log()).contains("row 2").contains("column b");
    assertThat(dir.resolve("o")).doesNotExist();
  }
}
