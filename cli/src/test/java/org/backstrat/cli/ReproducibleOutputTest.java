package org.backstrat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real command line in a child JVM (so SOURCE_DATE_EPOCH can be set) and checks that
 * the same input, settings and seed give byte-identical output directories.
 */
@Tag("slow")
class ReproducibleOutputTest {

  @TempDir
  Path tmp;

  static int runJava(Map<String, String> env, Path log, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd);
    }
    return p.exitValue();
  }

  static Map<String, byte[]> contents(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    return out;
  }

  @Test
  void analyzeTwiceWithSourceDateEpochIsByteIdentical() throws Exception {
    Path cohort = tmp.resolve("c.csv");
    Path config = tmp.resolve("quick.json");
    Files.writeString(config, "{\"restarts\": 5, \"stability_resamples\": 5, "
        + "\"gap_references\": 3, \"k_max\": 4, \"repeats\": 2, \"dca_bootstrap\": 20, "
        + "\"permutations\": 19}");
    Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1764288000");
    int synth = runJava(env, tmp.resolve("synth.log"), "synth", "--n", "400", "--seed", "3",
        "--out", cohort.toString());
    assertThat(synth).as(Files.readString(tmp.resolve("synth.log"))).isZero();
    for (String out : List.of("a", "b")) {
      int code = runJava(env, tmp.resolve(out + ".log"), "analyze", "--data",
          cohort.toString(), "--config", config.toString(), "--out",
          tmp.resolve(out).toString());
      assertThat(code).as(Files.readString(tmp.resolve(out + ".log"))).isZero();
    }
    Map<String, byte[]> a = contents(tmp.resolve("a"));
    Map<String, byte[]> b = contents(tmp.resolve("b"));
    assertThat(a.keySet()).contains("summary.json", "assignments.csv", "model.json", "report.html")
        .anyMatch(k -> k.startsWith("tables"));
    assertThat(b.keySet()).isEqualTo(a.keySet());
    for (String k : a.keySet()) {
      assertThat(b.get(k)).as(k).isEqualTo(a.get(k));
    }
    assertThat(new String(a.get("report.html"), java.nio.charset.StandardCharsets.UTF_8))
        .contains("2025-11-28");
  }

  @Test
  void clusterParquetOutputIsByteIdenticalAcrossJvmRuns() throws Exception {
    // parquet-java lists a column chunk's encodings in a HashSet's order, which follows the enum
    // constants' identity hashes and so changed between JVM runs (two runs of the same command
    // differed in the footer); four child JVMs must now write the same bytes
    StringBuilder csv = new StringBuilder("id,a,b,c\n");
    java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
    for (int i = 0; i < 3000; i++) {
      int g = i % 3;
      csv.append('p').append(i);
      for (int j = 0; j < 3; j++) {
        csv.append(',').append((g == j ? 5 : 0) + rng.nextGaussian());
      }
      csv.append('\n');
    }
    Path data = tmp.resolve("d.csv");
    Files.writeString(data, csv);
    Map<String, byte[]> first = null;
    for (int run = 0; run < 4; run++) {
      Path out = tmp.resolve("pq" + run);
      int code = runJava(Map.of(), tmp.resolve("pq" + run + ".log"), "cluster", "--data",
          data.toString(), "--features", "a,b,c", "--k", "3", "--method", "trimmed", "--trim",
          "0.05", "--restarts", "3", "--seed", "2", "--out-format", "parquet", "--out",
          out.toString());
      assertThat(code).as(Files.readString(tmp.resolve("pq" + run + ".log"))).isZero();
      Map<String, byte[]> files = contents(out);
      assertThat(files).containsKey("assignments.parquet");
      if (first == null) {
        first = files;
      } else {
        assertThat(files.keySet()).isEqualTo(first.keySet());
        for (String k : first.keySet()) {
          assertThat(files.get(k)).as("run " + run + ": " + k).isEqualTo(first.get(k));
        }
      }
    }
  }

  @Test
  void existingOutputDirectoryIsRefusedWithoutForce() throws Exception {
    Path out = Files.createDirectory(tmp.resolve("exists"));
    Files.writeString(out.resolve("keep.txt"), "mine");
    int code = runJava(Map.of(), tmp.resolve("x.log"), "demo", "--out", out.toString());
    assertThat(code).as(Files.readString(tmp.resolve("x.log"))).isEqualTo(2);
    assertThat(Files.readString(tmp.resolve("x.log"))).contains("already exists")
        .contains("--force");
    assertThat(contents(out)).containsOnlyKeys("keep.txt");
  }
}
