package org.backstrat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backstrat.cli.CommandLineTest.Run;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.core.cohort.CohortWriter;
import org.backstrat.core.io.ParquetOutput;
import org.backstrat.core.io.RawTable;
import org.backstrat.core.io.TableFormat;
import org.backstrat.core.io.TableReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, "done when": a Parquet cohort goes through {@code validate}, {@code score},
 * {@code analyze}, {@code assign} and {@code cluster} with the same results as its CSV twin;
 * {@code score}, {@code assign} and {@code dca} write Parquet when {@code --out} ends in
 * {@code .parquet}, {@code analyze} and {@code cluster} with {@code --out-format parquet}, each
 * holding the values of the CSV it stands for, with the same bytes from run to run.
 */
class ParquetTwinTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path tmp;
  static Path csv;
  static Path parquet;
  static Path config;

  @BeforeAll
  static void cohortAndItsTwin() throws IOException {
    csv = tmp.resolve("c.csv");
    Run synth = CommandLineTest.run("synth", "--n", "400", "--seed", "3", "--out",
        csv.toString());
    assertThat(synth.exitCode()).as(synth.err()).isZero();
    parquet = tmp.resolve("c.parquet");
    ParquetOutput.fromCsv(csv, parquet, name -> CohortSchema.standard().find(name)
        .map(CohortWriter::parquetType).orElse(null));
    config = tmp.resolve("quick.json");
    Files.writeString(config, "{\"restarts\": 5, \"stability_resamples\": 5, "
        + "\"gap_references\": 3, \"k_max\": 4, \"repeats\": 2, \"dca_bootstrap\": 20, "
        + "\"permutations\": 0}");
  }

  private static void sameCells(Path a, Path b) {
    RawTable x = TableReader.read(a);
    RawTable y = TableReader.read(b);
    assertThat(y.header()).isEqualTo(x.header());
    assertThat(y.size()).isEqualTo(x.size());
    for (int r = 0; r < x.size(); r++) {
      assertThat(y.rows().get(r)).as(b + " row " + (r + 2)).containsExactly(x.rows().get(r));
    }
  }

  /**
   * The Parquet output holds the CSV output's values: the same header and rows, each cell the
   * same text or, where it is a number, the same number ({@code 0.0} reads back as {@code 0}).
   */
  private static void sameValues(Path csvOut, Path parquetOut) {
    assertThat(parquetOut).exists();
    RawTable x = TableReader.read(csvOut);
    RawTable y = TableReader.read(parquetOut);
    assertThat(y.format().kind()).isEqualTo(TableFormat.Kind.PARQUET);
    assertThat(y.header()).as(parquetOut.toString()).isEqualTo(x.header());
    assertThat(y.size()).as(parquetOut.toString()).isEqualTo(x.size());
    for (int r = 0; r < x.size(); r++) {
      String[] a = x.rows().get(r);
      String[] b = y.rows().get(r);
      for (int c = 0; c < a.length; c++) {
        String where = parquetOut + " row " + (r + 2) + " column " + x.header().get(c);
        if (!a[c].equals(b[c])) {
          assertThat(Double.parseDouble(b[c])).as(where).isEqualTo(Double.parseDouble(a[c]));
        }
      }
    }
  }

  private static List<Path> csvFiles(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
    }
  }

  private static JsonNode normalized(Path json) throws IOException {
    String text = Files.readString(json).replace(csv.toString(), "DATA")
        .replace(parquet.toString(), "DATA").replace("c.csv", "DATA").replace("c.parquet", "DATA");
    JsonNode tree = JSON.readTree(text);
    strip(tree);
    return tree;
  }

  private static void strip(JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
      o.remove(List.of("created_at", "sha256", "generated_at"));
    }
    node.forEach(ParquetTwinTest::strip);
  }

  @Test
  void validateGivesTheSameVerdict() {
    Run a = CommandLineTest.run("validate", "--data", csv.toString());
    Run b = CommandLineTest.run("validate", "--data", parquet.toString());
    assertThat(a.exitCode()).as(a.err()).isZero();
    assertThat(b.exitCode()).as(b.err()).isZero();
    assertThat(b.out().replace(parquet.toString(), "DATA").replace("(Parquet)", "(FORMAT)"))
        .isEqualTo(a.out().replace(csv.toString(), "DATA").replace("(comma-separated)",
            "(FORMAT)"));
    assertThat(b.out()).contains("(Parquet)");
  }

  @Test
  void aBadValueInTheParquetTwinIsNamedByRowAndColumnAsInTheCsv() throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(","));
    int bmi = header.indexOf("bmi");
    String[] row = lines.get(5).split(",", -1);
    row[bmi] = "950";
    lines.set(5, String.join(",", row));
    Path badCsv = tmp.resolve("bad.csv");
    Files.write(badCsv, lines);
    Path badParquet = tmp.resolve("bad.parquet");
    ParquetOutput.fromCsv(badCsv, badParquet, n -> null);
    Run a = CommandLineTest.run("validate", "--data", badCsv.toString());
    Run b = CommandLineTest.run("validate", "--data", badParquet.toString());
    assertThat(a.exitCode()).isEqualTo(2);
    assertThat(b.exitCode()).isEqualTo(2);
    assertThat(b.err()).contains("row 6, column bmi: value \"950\"");
    assertThat(b.err().replace(badParquet.toString(), "DATA"))
        .isEqualTo(a.err().replace(badCsv.toString(), "DATA"));
  }

  @Test
  void scoreWritesTheSameTableFromEitherAndParquetWhenAsked() throws IOException {
    Path fromCsv = tmp.resolve("s-csv.csv");
    Path fromParquet = tmp.resolve("s-parquet.csv");
    Path asParquet = tmp.resolve("s.parquet");
    assertThat(CommandLineTest.run("score", "-q", "--data", csv.toString(), "--out",
        fromCsv.toString()).exitCode()).isZero();
    assertThat(CommandLineTest.run("score", "-q", "--data", parquet.toString(), "--out",
        fromParquet.toString()).exitCode()).isZero();
    Run p = CommandLineTest.run("score", "-q", "--data", parquet.toString(), "--out",
        asParquet.toString());
    assertThat(p.exitCode()).as(p.err()).isZero();
    assertThat(Files.readString(fromParquet)).isEqualTo(Files.readString(fromCsv));
    assertThat(Files.readAllBytes(asParquet)).startsWith('P', 'A', 'R', '1');
    sameCells(fromCsv, asParquet);
    // no temporary is left beside the output
    try (var s = Files.list(tmp)) {
      assertThat(s.map(x -> x.getFileName().toString())).noneMatch(n -> n.contains("tmp-"));
    }
    // an existing Parquet output is replaced only with --force
    assertThat(CommandLineTest.run("score", "-q", "--data", csv.toString(), "--out",
        asParquet.toString()).exitCode()).isEqualTo(2);
    assertThat(CommandLineTest.run("score", "-q", "--force", "--data", csv.toString(), "--out",
        asParquet.toString()).exitCode()).isZero();
    sameCells(fromCsv, asParquet);
  }

  @Test
  void analyzeAndAssignGiveTheSameStrataAndSummary() throws IOException {
    Path outCsv = tmp.resolve("a-csv");
    Path outParquet = tmp.resolve("a-parquet");
    Run a = CommandLineTest.run("analyze", "-q", "--data", csv.toString(), "--config",
        config.toString(), "--out", outCsv.toString());
    assertThat(a.exitCode()).as(a.err()).isZero();
    // the Parquet cohort, with Parquet tables out
    Run b = CommandLineTest.run("analyze", "-q", "--data", parquet.toString(), "--config",
        config.toString(), "--out-format", "parquet", "--out", outParquet.toString());
    assertThat(b.exitCode()).as(b.err()).isZero();
    assertThat(outParquet.resolve("assignments.csv")).doesNotExist();
    sameValues(outCsv.resolve("assignments.csv"), outParquet.resolve("assignments.parquet"));
    // every table: the same CSV twin from either input, and its Parquet copy beside it
    List<Path> tables = csvFiles(outCsv.resolve("tables"));
    assertThat(tables).hasSizeGreaterThan(10);
    for (Path t : tables) {
      Path other = outParquet.resolve("tables").resolve(t.getFileName().toString());
      assertThat(Files.readString(other)).as(t.getFileName().toString())
          .isEqualTo(Files.readString(t));
      sameValues(t, ParquetOutput.besideCsv(other));
    }
    assertThat(outCsv.resolve("tables").resolve("sbt_table1.parquet")).doesNotExist();
    assertThat(outParquet.resolve("report.html")).exists();
    // every number of the summary and the model is the same; only the input's name, its
    // checksum and the time of the run may differ
    for (String file : List.of("summary.json", "model.json")) {
      JsonNode sa = normalized(outCsv.resolve(file));
      JsonNode sb = normalized(outParquet.resolve(file));
      assertThat(sb).as(file).isEqualTo(sa);
    }
    assertThat(normalized(outCsv.resolve("summary.json")).get("n_subjects").asInt())
        .isEqualTo(400);

    Path model = outCsv.resolve("model.json");
    Path assignedCsv = tmp.resolve("assigned-csv.csv");
    Path assignedFromParquet = tmp.resolve("assigned-from-parquet.csv");
    Path assignedParquet = tmp.resolve("assigned.parquet");
    assertThat(CommandLineTest.run("assign", "-q", "--model", model.toString(), "--data",
        csv.toString(), "--out", assignedCsv.toString()).exitCode()).isZero();
    assertThat(CommandLineTest.run("assign", "-q", "--model", model.toString(), "--data",
        parquet.toString(), "--out", assignedFromParquet.toString()).exitCode()).isZero();
    Run p = CommandLineTest.run("assign", "-q", "--model", model.toString(), "--data",
        parquet.toString(), "--out", assignedParquet.toString());
    assertThat(p.exitCode()).as(p.err()).isZero();
    assertThat(Files.readString(assignedFromParquet)).isEqualTo(Files.readString(assignedCsv));
    sameCells(assignedCsv, assignedParquet);
    // the round trip: score writes Parquet, assign reads it (already scored) — the same strata
    Path scored = tmp.resolve("scored-for-assign.parquet");
    assertThat(CommandLineTest.run("score", "-q", "--data", parquet.toString(), "--out",
        scored.toString()).exitCode()).isZero();
    Path assignedFromScored = tmp.resolve("assigned-from-scored.csv");
    Run s = CommandLineTest.run("assign", "-q", "--model", model.toString(), "--data",
        scored.toString(), "--out", assignedFromScored.toString());
    assertThat(s.exitCode()).as(s.err()).isZero();
    assertThat(Files.readString(assignedFromScored)).isEqualTo(Files.readString(assignedCsv));
  }

  private static Run cluster(Path data, Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("cluster", "-q", "--data",
        data.toString(), "--features", "bmi,age,sbt_1,ompsq_2", "--k", "3", "--restarts", "5",
        "--out", out.toString()));
    args.addAll(List.of(more));
    Run r = CommandLineTest.run(args.toArray(new String[0]));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r;
  }

  @Test
  void clusterGivesTheSameClustersFromEither() throws IOException {
    Path outCsv = tmp.resolve("k-csv");
    Path outParquet = tmp.resolve("k-parquet");
    cluster(csv, outCsv);
    cluster(parquet, outParquet);
    List<Path> csvs = csvFiles(outCsv);
    assertThat(csvs).isNotEmpty();
    for (Path f : csvs) {
      assertThat(Files.readString(outParquet.resolve(f.getFileName())))
          .as(f.getFileName().toString()).isEqualTo(Files.readString(f));
    }
    assertThat(normalized(outParquet.resolve("clustering.json")))
        .isEqualTo(normalized(outCsv.resolve("clustering.json")));
  }

  @Test
  void clusterWritesParquetAssignmentsWithTheCsvValuesAndTheSameBytesEachRun()
      throws IOException {
    Path outCsv = tmp.resolve("kp-csv");
    Path outA = tmp.resolve("kp-a");
    Path outB = tmp.resolve("kp-b");
    cluster(csv, outCsv);
    cluster(parquet, outA, "--out-format", "parquet");
    cluster(parquet, outB, "--out-format", "PARQUET");
    assertThat(outA.resolve("assignments.csv")).doesNotExist();
    sameValues(outCsv.resolve("assignments.csv"), outA.resolve("assignments.parquet"));
    assertThat(Files.readAllBytes(outB.resolve("assignments.parquet")))
        .isEqualTo(Files.readAllBytes(outA.resolve("assignments.parquet")));
    assertThat(Files.readString(outA.resolve("clustering.json")))
        .isEqualTo(Files.readString(outB.resolve("clustering.json")));
    Run bad = CommandLineTest.run("cluster", "-q", "--data", csv.toString(), "--features",
        "bmi", "--k", "3", "--out-format", "arrow", "--out", tmp.resolve("never").toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--out-format arrow: expected csv or parquet");
    assertThat(tmp.resolve("never")).doesNotExist();
  }

  @Test
  void dcaWritesParquetWhenTheOutputIsNamedSoWithTheCsvValues() throws IOException {
    Path probs = tmp.resolve("probs.csv");
    StringBuilder sb = new StringBuilder("id,outcome,risk_a,risk_b\n");
    java.util.Random rnd = new java.util.Random(5);
    for (int i = 0; i < 300; i++) {
      double a = rnd.nextDouble();
      sb.append("p").append(i).append(',').append(rnd.nextDouble() < a ? 1 : 0).append(',')
          .append(a).append(',').append(Math.round(rnd.nextDouble() * 100) / 100.0)
          .append('\n');
    }
    Files.writeString(probs, sb.toString());
    Path probsParquet = tmp.resolve("probs.parquet");
    ParquetOutput.fromCsvInferred(probs, probsParquet);
    Path outCsv = tmp.resolve("dca.csv");
    Path outA = tmp.resolve("dca-a.parquet");
    Path outB = tmp.resolve("dca-b.parquet");
    for (Path[] io : new Path[][] {{probs, outCsv}, {probsParquet, outA}, {probs, outB}}) {
      Run r = CommandLineTest.run("dca", "-q", "--data", io[0].toString(), "--outcome",
          "outcome", "--predictors", "risk_a,risk_b", "--bootstrap", "20", "--out",
          io[1].toString());
      assertThat(r.exitCode()).as(r.err()).isZero();
    }
    sameValues(outCsv, outA);
    assertThat(Files.readAllBytes(outB)).isEqualTo(Files.readAllBytes(outA));
  }

  @Test
  void aMissingValueInAParquetCohortStopsClusterNamingFileRowAndColumnAsItsCsvTwin()
      throws IOException {
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(csv));
    int bmi = List.of(lines.get(0).split(",")).indexOf("bmi");
    String[] row = lines.get(9).split(",", -1);
    row[bmi] = "";
    lines.set(9, String.join(",", row));
    Path gapCsv = tmp.resolve("gap.csv");
    Files.write(gapCsv, lines);
    Path gapParquet = tmp.resolve("gap.parquet");
    ParquetOutput.fromCsv(gapCsv, gapParquet, name -> CohortSchema.standard().find(name)
        .map(CohortWriter::parquetType).orElse(null));
    Run a = CommandLineTest.run("cluster", "--data", gapCsv.toString(), "--features",
        "age,bmi", "--k", "3", "--out", tmp.resolve("gap-a").toString());
    Run b = CommandLineTest.run("cluster", "--data", gapParquet.toString(), "--features",
        "age,bmi", "--k", "3", "--out-format", "parquet", "--out",
        tmp.resolve("gap-b").toString());
    assertThat(b.exitCode()).isEqualTo(2);
    assertThat(b.err()).contains(gapParquet + ": row 10, column bmi: ");
    assertThat(b.err().replace(gapParquet.toString(), "DATA"))
        .isEqualTo(a.err().replace(gapCsv.toString(), "DATA"));
    assertThat(tmp.resolve("gap-b")).doesNotExist();
  }

  @Test
  void aTruncatedOrNestedParquetInputExitsTwoWithAMessage() throws IOException {
    byte[] all = Files.readAllBytes(parquet);
    Path cut = tmp.resolve("cut.parquet");
    Files.write(cut, java.util.Arrays.copyOf(all, all.length - 100));
    for (String verb : List.of("validate", "score")) {
      Run r = verb.equals("validate") ? CommandLineTest.run(verb, "--data", cut.toString())
          : CommandLineTest.run(verb, "--data", cut.toString(), "--out",
              tmp.resolve("never.csv").toString());
      assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).contains("cut.parquet").doesNotContain("Exception").doesNotContain(
          "\tat ");
    }
    assertThat(tmp.resolve("never.csv")).doesNotExist();
  }
}
