package org.backstrat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} and {@code score} stream (issue 15: a 10^6-row table died of
 * OutOfMemoryError under -Xmx512m): here 300,000 rows of 39 columns (about 91 MB as doubles,
 * 40 MB as text) are validated and scored by a JVM limited to 64 MB of heap.
 */
@Tag("slow") // child JVMs on 300,000-row tables: an end-to-end class, run by -Pall-tests and CI
class StreamingMemoryTest {
  @TempDir
  static Path tmp;
  static Path cohort;
  static final int ROWS = 300_000;

  @BeforeAll
  static void writeCohort() throws Exception {
    List<String> lines = Files.readAllLines(Path.of(CommandLineTest.cohortResource("valid.csv")));
    String header = lines.get(0);
    String row = lines.get(1);
    String rest = row.substring(row.indexOf(','));
    cohort = tmp.resolve("big.csv");
    try (BufferedWriter w = Files.newBufferedWriter(cohort, StandardCharsets.UTF_8)) {
      w.write(header);
      w.write('\n');
      for (int i = 0; i < ROWS; i++) {
        w.write("Q" + i);
        w.write(rest);
        w.write('\n');
      }
    }
  }

  private static Process.Result run(String... args) throws IOException, InterruptedException {
    return Process.run(tmp, args);
  }

  /** Runs the command line in a JVM with a 64 MB heap. */
  static final class Process {
    record Result(int exit, String output) {
    }

    static Result run(Path tmp, String... args) throws IOException, InterruptedException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx64m", "-cp",
          System.getProperty("java.class.path"), "org.backstrat.cli.Main"));
      cmd.addAll(List.of(args));
      Path log = Files.createTempFile(tmp, "log", ".txt");
      java.lang.Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!p.waitFor(240, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + cmd);
      }
      return new Result(p.exitValue(), Files.readString(log));
    }
  }

  @Test
  @Timeout(300)
  void validateChecksThreeHundredThousandRowsIn64MegabytesOfHeap() throws Exception {
    Process.Result r = run("validate", "--data", cohort.toString(), "--quiet");
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("valid: " + ROWS + " people");
  }

  @Test
  @Timeout(300)
  void scoreWritesThreeHundredThousandRowsIn64MegabytesOfHeap() throws Exception {
    Path out = tmp.resolve("scored.csv");
    Process.Result r = run("score", "--data", cohort.toString(), "--out", out.toString(),
        "--quiet");
    assertThat(r.exit()).as(r.output()).isZero();
    try (var lines = Files.lines(out)) {
      assertThat(lines.count()).isEqualTo(ROWS + 1);
    }
    String firstRow = Files.readAllLines(out).get(1);
    assertThat(firstRow).startsWith("Q0,");
  }

  @Test
  @Timeout(300)
  void aParquetCohortIsValidatedAndScoredToParquetIn64MegabytesOfHeap() throws Exception {
    Path parquet = tmp.resolve("big.parquet");
    org.backstrat.core.io.ParquetOutput.fromCsv(cohort, parquet, name -> null);
    Process.Result v = run("validate", "--data", parquet.toString(), "--quiet");
    assertThat(v.exit()).as(v.output()).isZero();
    assertThat(v.output()).contains("valid: " + ROWS + " people");
    Path out = tmp.resolve("scored.parquet");
    Process.Result r = run("score", "--data", parquet.toString(), "--out", out.toString(),
        "--quiet");
    assertThat(r.exit()).as(r.output()).isZero();
    long[] rows = new long[1];
    org.backstrat.core.io.TableReader.scan(out, new org.backstrat.core.io.RowSink() {
      @Override
      public void header(List<String> cells, org.backstrat.core.io.TableFormat format) {
        assertThat(cells).contains("id", "sbt_total");
      }

      @Override
      public void row(long rowNumber, String[] cells) {
        if (rows[0]++ == 0) {
          assertThat(cells[0]).isEqualTo("Q0");
        }
      }
    });
    assertThat(rows[0]).isEqualTo(ROWS);
  }

  @Test
  void scoringInBlocksWritesTheSameBytesAsScoringTheWholeTable() throws Exception {
    List<String> lines = Files.readAllLines(Path.of(CommandLineTest.cohortResource("valid.csv")));
    Path in = tmp.resolve("cycle.csv");
    StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
    for (int i = 0; i < 20_000; i++) {
      String row = lines.get(1 + i % (lines.size() - 1));
      sb.append("C").append(i).append(row.substring(row.indexOf(','))).append('\n');
    }
    Files.writeString(in, sb);
    Path out = tmp.resolve("cycle_scored.csv");
    CommandLineTest.Run r = CommandLineTest.run("score", "--data", in.toString(), "--out",
        out.toString(), "--quiet");
    assertThat(r.exitCode()).as(r.err()).isZero();
    org.backstrat.core.cohort.Cohort whole = org.backstrat.core.scoring.CohortScorer
        .withDefaults().score(org.backstrat.core.cohort.CohortReader.withDefaults().read(in)
            .orThrow()).cohort();
    java.io.StringWriter expected = new java.io.StringWriter();
    org.backstrat.core.cohort.CohortWriter.write(whole, expected);
    assertThat(Files.readString(out)).isEqualTo(expected.toString());
  }
}
