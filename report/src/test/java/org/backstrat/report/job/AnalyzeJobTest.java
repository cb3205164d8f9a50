package org.backstrat.report.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.core.BadInputException;
import org.backstrat.core.Progress;
import org.backstrat.core.synth.CohortSynthesizer;
import org.backstrat.model.FrozenModel;
import org.backstrat.model.ModelJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyze job as a library call: a request in, a whole output directory out. */
class AnalyzeJobTest {
  @TempDir
  Path tmp;

  @Test
  void writesEveryOutputAndAModelThatRecordsItsTrainingTable() throws Exception {
    Path data = tmp.resolve("cohort.csv");
    CohortSynthesizer.withDefaults().write(data, 300, 5, false);
    AnalysisConfig quick = AnalysisConfig.builder().restarts(4).stabilityResamples(4)
        .gapReferences(2).kRange(2, 4).repeats(2).dcaBootstrap(10).build();
    Path out = tmp.resolve("results");
    AnalyzeJobResult r = AnalyzeJob.run(new AnalyzeRequest(data, out, quick, false),
        Progress.NONE);
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).contains("summary.json",
          "assignments.csv", "tables", "model.json", "report.html");
    }
    FrozenModel onDisk = ModelJson.read(out.resolve(AnalyzeJob.MODEL_FILE));
    assertThat(ModelJson.toJson(onDisk).toString())
        .isEqualTo(ModelJson.toJson(r.model()).toString());
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(data)));
    assertThat(onDisk.provenance().input().sha256()).isEqualTo(sha);
    assertThat(onDisk.provenance().input().rows()).isEqualTo(300);
    assertThat(onDisk.provenance().seed()).isEqualTo(quick.seed());
    assertThat(onDisk.variants()).hasSameSizeAs(r.result().variants());

    assertThatThrownBy(() -> AnalyzeJob.run(new AnalyzeRequest(data, out, quick, false),
        Progress.NONE)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("already exists");
  }
}
