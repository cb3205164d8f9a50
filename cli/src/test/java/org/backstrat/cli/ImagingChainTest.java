package org.backstrat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backstrat.core.cohort.CohortSchema;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The imaging chain end to end: phantom MRI studies → `imaging` → biomarkers.csv joined by id
 * to questionnaires and demographics → `analyze`, with no change to the biomarker file.
 */
@Tag("slow")
class ImagingChainTest {

  @TempDir
  Path tmp;

  private static int run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    int code = cl.execute(args);
    assertThat(code).as(String.join(" ", args) + "\n" + err).isZero();
    return code;
  }

  @Test
  void phantomBiomarkersJoinedToACohortFeedAnalyze() throws Exception {
    int n = 48;
    Path studies = tmp.resolve("studies");
    Path biomarkers = tmp.resolve("biomarkers.csv");
    run("phantoms", "--n", Integer.toString(n), "--seed", "5", "--out", studies.toString(),
        "-q");
    run("imaging", "--models", "PHANTOM",
        "--input", studies.toString(), "--out", biomarkers.toString(), "-q");

    // questionnaires and demographics of n synthetic people, without their imaging columns
    Path synthetic = tmp.resolve("synthetic.csv");
    run("synth", "--n", Integer.toString(n), "--seed", "5", "--out", synthetic.toString(), "-q");
    List<String> imagingColumns = new ArrayList<>();
    CohortSchema.standard().group(CohortSchema.Group.PFIRRMANN)
        .forEach(v -> imagingColumns.add(v.name()));
    CohortSchema.standard().group(CohortSchema.Group.FACET)
        .forEach(v -> imagingColumns.add(v.name()));
    List<String> synthLines = Files.readAllLines(synthetic, StandardCharsets.UTF_8);
    List<String> bioLines = Files.readAllLines(biomarkers, StandardCharsets.UTF_8);
    String[] synthHeader = synthLines.get(0).split(",", -1);
    String[] bioHeader = bioLines.get(0).split(",", -1);
    assertThat(bioHeader[0]).isEqualTo("id");
    List<Integer> keep = new ArrayList<>();
    for (int c = 1; c < synthHeader.length; c++) {
      if (!imagingColumns.contains(synthHeader[c])) {
        keep.add(c);
      }
    }
    // join: the i-th phantom study is the i-th person (ids taken from the biomarker file)
    List<String> joined = new ArrayList<>();
    StringBuilder header = new StringBuilder(String.join(",", bioHeader));
    keep.forEach(c -> header.append(',').append(synthHeader[c]));
    joined.add(header.toString());
    for (int i = 1; i <= n; i++) {
      String[] s = synthLines.get(i).split(",", -1);
      StringBuilder row = new StringBuilder(bioLines.get(i));
      keep.forEach(c -> row.append(',').append(s[c]));
      joined.add(row.toString());
    }
    Path cohort = tmp.resolve("cohort.csv");
    Files.write(cohort, joined, StandardCharsets.UTF_8);

    run("validate", "--data", cohort.toString(), "-q");
    Path config = tmp.resolve("quick.json");
    Files.writeString(config, "{\"k\": 2, \"restarts\": 5, \"stability_resamples\": 5, "
        + "\"gap_references\": 3, \"repeats\": 2, \"folds\": 3, \"dca_bootstrap\": 10, "
        + "\"permutations\": 0}");
    Path out = tmp.resolve("out");
    run("analyze", "--data", cohort.toString(), "--config", config.toString(), "--out",
        out.toString(), "-q");
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.at("/n_subjects").asInt()).isEqualTo(n);
    assertThat(summary.at("/variants/sbt/k").asInt()).isEqualTo(2);
    assertThat(summary.at("/variants/sbt/features").toString()).contains("dd_sum", "ft_max");
  }
}
