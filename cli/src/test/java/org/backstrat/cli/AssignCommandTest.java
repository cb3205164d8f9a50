package org.backstrat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.backstrat.cli.CommandLineTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backstrat assign} against a model made by {@code analyze} (quick settings) on a small
 * synthetic cohort: the training strata are reproduced, the output is well formed, and models
 * edited into inconsistency or of another schema are refused with exit 2.
 */
class AssignCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path tmp;
  static Path cohort;
  static Path model;
  static List<CSVRecord> training;
  static List<CSVRecord> assigned;

  @BeforeAll
  static void analyzeAndAssign() throws IOException {
    cohort = tmp.resolve("c.csv");
    Path config = tmp.resolve("quick.json");
    Files.writeString(config, "{\"restarts\": 5, \"stability_resamples\": 5, "
        + "\"gap_references\": 3, \"k_max\": 4, \"repeats\": 2, \"dca_bootstrap\": 20, "
        + "\"permutations\": 0}");
    Run synth = CommandLineTest.run("synth", "--n", "400", "--seed", "3", "--out",
        cohort.toString());
    assertThat(synth.exitCode()).as(synth.err()).isZero();
    Path out = tmp.resolve("analysis");
    Run analyze = CommandLineTest.run("analyze", "-q", "--data", cohort.toString(), "--config",
        config.toString(), "--out", out.toString());
    assertThat(analyze.exitCode()).as(analyze.err()).isZero();
    model = out.resolve("model.json");
    training = csv(out.resolve("assignments.csv"));
    Path result = tmp.resolve("assigned.csv");
    Run assign = CommandLineTest.run("assign", "-q", "--model", model.toString(), "--data",
        cohort.toString(), "--out", result.toString());
    assertThat(assign.exitCode()).as(assign.err()).isZero();
    assigned = csv(result);
  }

  static List<CSVRecord> csv(Path file) throws IOException {
    try (var r = Files.newBufferedReader(file)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)
          .getRecords();
    }
  }

  @Test
  void assigningTheTrainingCohortReproducesTheStrataOfEveryKeptPerson() {
    Map<String, CSVRecord> byKey = new HashMap<>();
    for (CSVRecord a : assigned) {
      byKey.put(a.get("id") + "/" + a.get("variant"), a);
    }
    int kept = 0;
    for (CSVRecord t : training) {
      CSVRecord a = byKey.get(t.get("id") + "/" + t.get("variant"));
      assertThat(a).as(t.get("id")).isNotNull();
      if (t.get("outlier").equals("false")) {
        kept++;
        assertThat(a.get("cluster")).as(t.get("id")).isEqualTo(t.get("cluster"));
        assertThat(a.get("label")).isEqualTo(t.get("label"));
        assertThat(a.get("outlier")).isEqualTo("false");
        assertThat(Double.parseDouble(a.get("distance")))
            .isCloseTo(Double.parseDouble(t.get("distance")), org.assertj.core.data.Offset
                .offset(1e-9));
      }
    }
    assertThat(kept).isGreaterThan(training.size() / 2);
  }

  @Test
  void probabilitiesSumToOneAndFavourTheAssignedStratum() {
    List<String> pCols = assigned.get(0).getParser().getHeaderNames().stream()
        .filter(h -> h.startsWith("p_")).toList();
    assertThat(pCols).isNotEmpty();
    for (CSVRecord a : assigned) {
      double sum = 0;
      double max = -1;
      int argMax = 0;
      for (int c = 0; c < pCols.size(); c++) {
        String cell = a.get(pCols.get(c));
        if (!cell.isEmpty()) {
          double p = Double.parseDouble(cell);
          assertThat(p).isBetween(0.0, 1.0);
          sum += p;
          if (p > max) {
            max = p;
            argMax = c + 1;
          }
        }
      }
      assertThat(sum).as(a.get("id")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(Integer.toString(argMax)).isEqualTo(a.get("cluster"));
      assertThat(a.get("top_features")).isNotEmpty();
    }
  }

  @Test
  void rowsMissingAFeatureGetAReasonAndNoStratum() throws IOException {
    List<String> lines = Files.readAllLines(cohort);
    List<String> header = List.of(lines.get(0).split(","));
    int bmi = header.indexOf("bmi");
    String[] cells = lines.get(1).split(",", -1);
    cells[bmi] = "";
    Path data = tmp.resolve("missing_bmi.csv");
    Files.write(data, List.of(lines.get(0), String.join(",", cells), lines.get(2)));
    Path out = tmp.resolve("missing_bmi_assigned.csv");
    Run r = CommandLineTest.run("assign", "-q", "--model", model.toString(), "--data",
        data.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<CSVRecord> rows = csv(out);
    for (CSVRecord row : rows) {
      if (row.get("id").equals(cells[0])) {
        assertThat(row.get("reason")).contains("bmi");
        assertThat(row.get("cluster")).isEmpty();
        assertThat(row.get("p_1")).isEmpty();
      } else {
        assertThat(row.get("reason")).isEmpty();
        assertThat(row.get("cluster")).isNotEmpty();
      }
    }
    assertThat(rows).anyMatch(row -> row.get("id").equals(cells[0]));
  }

  @Test
  void assigningTwiceGivesIdenticalBytes() throws IOException {
    Path again = tmp.resolve("again.csv");
    Run r = CommandLineTest.run("assign", "-q", "--model", model.toString(), "--data",
        cohort.toString(), "--out", again.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readAllBytes(again)).isEqualTo(
        Files.readAllBytes(tmp.resolve("assigned.csv")));
  }

  private Run assignWithEditedModel(String name, Consumer<ObjectNode> edit) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(model.toFile());
    edit.accept(root);
    Path edited = tmp.resolve(name + ".json");
    JSON.writeValue(edited.toFile(), root);
    return CommandLineTest.run("assign", "-q", "--model", edited.toString(), "--data",
        cohort.toString(), "--out", tmp.resolve(name + ".csv").toString());
  }

  private static ObjectNode sbt(ObjectNode root) {
    return (ObjectNode) root.get("variants").get("sbt");
  }

  @Test
  void aCentreWithTooFewValuesIsRefused() throws IOException {
    Run r = assignWithEditedModel("short_centre",
        root -> ((ArrayNode) sbt(root).get("centers_scaled").get(0)).remove(0));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("variant sbt").contains("centers_scaled[0]")
        .contains("expected");
    assertThat(tmp.resolve("short_centre.csv")).doesNotExist();
  }

  @Test
  void labelsThatDoNotMatchKAreRefused() throws IOException {
    Run r = assignWithEditedModel("extra_label", root -> sbt(root).put("k", 9));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("variants.sbt.k").contains("number of strata");
  }

  @Test
  void aNonPositiveScaleIsRefused() throws IOException {
    Run r = assignWithEditedModel("zero_scale",
        root -> ((ArrayNode) sbt(root).get("scaler").get("scale")).set(0, 0.0));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("scaler.scale of column").contains("positive finite");
  }

  @Test
  void aNegativeTrimRadiusIsRefused() throws IOException {
    Run r = assignWithEditedModel("negative_radius",
        root -> sbt(root).put("trim_radius", -1.0));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("trim_radius");
  }

  @Test
  void aCentreEditedInOneSpaceOnlyIsRefused() throws IOException {
    Run r = assignWithEditedModel("moved_centre",
        root -> ((ArrayNode) sbt(root).get("centers_original").get(1)).set(2, 99.0));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("centers_original[1]").contains("edited inconsistently");
  }

  @Test
  void anotherSchemaIsRefusedNamingFoundAndExpected() throws IOException {
    Run r = assignWithEditedModel("newer", root -> root.put("schema", "backstrat.model/3"));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("found \"backstrat.model/3\"")
        .contains("expected \"backstrat.model/2\"");
  }

  @Test
  void aModelOfTheFirstSchemaIsRefusedSayingHowToRemakeIt() throws IOException {
    Run r = assignWithEditedModel("first", root -> {
      root.put("schema", "backstrat.model/1");
      root.remove("provenance");
    });
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("found \"backstrat.model/1\"")
        .contains("expected \"backstrat.model/2\"").contains("re-run analyze");
    assertThat(tmp.resolve("first.csv")).doesNotExist();
  }

  @Test
  void theModelRecordsHowItWasMade() throws Exception {
    var root = JSON.readTree(model.toFile());
    var prov = root.get("provenance");
    String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest
        .getInstance("SHA-256").digest(Files.readAllBytes(cohort)));
    assertThat(prov.get("input").get("sha256").asText()).isEqualTo(sha);
    assertThat(prov.get("input").get("file").asText()).isEqualTo("c.csv");
    assertThat(prov.get("input").get("rows").asLong()).isEqualTo(400);
    assertThat(prov.get("seed").asLong()).isEqualTo(1966);
    assertThat(prov.get("analysis_config").get("restarts").asInt()).isEqualTo(5);
    assertThat(prov.get("analysis_config").get("variants")).hasSize(2);
    assertThat(prov.get("software_version").asText()).isNotBlank();
    assertThat(java.time.Instant.parse(prov.get("created_at").asText())).isNotNull();
    var training = root.get("variants").get("sbt").get("training");
    int sizes = 0;
    for (var s : training.get("sizes")) {
      sizes += s.asInt();
    }
    assertThat(sizes).isEqualTo(training.get("n_used").asInt()
        - training.get("n_outliers").asInt());
    assertThat(training.get("accuracy").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void aFileWithoutSchemaIsRefused() throws IOException {
    Run r = assignWithEditedModel("no_schema", root -> root.remove("schema"));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no schema field");
  }

  @Test
  void anExistingOutputIsKeptUnlessForced() throws IOException {
    Path existing = tmp.resolve("existing.csv");
    Files.writeString(existing, "keep me\n");
    Run refused = CommandLineTest.run("assign", "-q", "--model", model.toString(), "--data",
        cohort.toString(), "--out", existing.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("already exists");
    assertThat(Files.readString(existing)).isEqualTo("keep me\n");
    Run forced = CommandLineTest.run("assign", "-q", "--force", "--model", model.toString(),
        "--data", cohort.toString(), "--out", existing.toString());
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(Files.readString(existing)).startsWith("id,variant,cluster,label,outlier,distance,");
  }

  /** The training cohort repeated to {@code rows} rows with new ids. */
  private static Path repeated(int rows, String name) throws IOException {
    List<String> lines = Files.readAllLines(cohort);
    StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
    for (int i = 0; i < rows; i++) {
      String row = lines.get(1 + i % (lines.size() - 1));
      sb.append("R").append(i).append(row.substring(row.indexOf(','))).append('\n');
    }
    Path p = tmp.resolve(name);
    Files.writeString(p, sb);
    return p;
  }

  @Test
  void assigningInBlocksWritesTheSameBytesAsAssigningTheWholeTable() throws IOException {
    Path in = repeated(20_000, "r20k.csv");
    Path out = tmp.resolve("r20k_assigned.csv");
    Run r = CommandLineTest.run("assign", "-q", "--model", model.toString(), "--data",
        in.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    org.backstrat.model.FrozenModel frozen = org.backstrat.model.ModelJson.read(model);
    org.backstrat.core.cohort.Cohort scored = org.backstrat.core.scoring.CohortScorer
        .withDefaults().withOptions(frozen.scoring())
        .score(org.backstrat.core.cohort.CohortReader.withDefaults().read(in).orThrow())
        .cohort();
    Path whole = tmp.resolve("r20k_whole.csv");
    org.backstrat.model.StratumAssigner.writeCsv(frozen,
        org.backstrat.model.StratumAssigner.assign(frozen, scored), whole);
    assertThat(Files.readString(out)).isEqualTo(Files.readString(whole));
    try (var names = Files.list(tmp)) {
      assertThat(names.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("backstrat-tmp"));
    }
  }

  @Test
  void assignStreamsTwoHundredThousandRowsIn64MegabytesOfHeap() throws Exception {
    // issue 15: 10^6-row assign died of OutOfMemoryError under -Xmx512m
    Path in = repeated(200_000, "r200k.csv");
    Path out = tmp.resolve("r200k_assigned.csv");
    StreamingMemoryTest.Process.Result r = StreamingMemoryTest.Process.run(tmp, "assign", "-q",
        "--model", model.toString(), "--data", in.toString(), "--out", out.toString());
    assertThat(r.exit()).as(r.output()).isZero();
    int variants = org.backstrat.model.ModelJson.read(model).variants().size();
    try (var lines = Files.lines(out)) {
      assertThat(lines.count()).isEqualTo(1 + 200_000L * variants);
    }
  }
}
