package org.backstrat.report.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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
        .gapReferences(2).kRange(2, 4).repeats(2).dcaBootstrap(10).permutations(19).build();
    Path out = tmp.resolve("results");
    AnalyzeJobResult r = AnalyzeJob.run(new AnalyzeRequest(data, out, quick, false),
        Progress.NONE);
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).contains("summary.json",
          "assignments.csv", "tables", "model.json", "report.html");
    }
    // tables to publish: .docx (opened with POI) and .tex beside each CSV; figures as SVG and PNG
    Path docx = out.resolve("tables").resolve("variants.docx");
    List<String> csv = Files.readAllLines(out.resolve("tables").resolve("variants.csv"));
    try (var in = Files.newInputStream(docx);
         var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(in)) {
      var table = doc.getTables().get(0);
      assertThat(table.getRows()).hasSize(csv.size());
      assertThat(table.getRow(1).getCell(0).getText()).isEqualTo(csv.get(1).split(",")[0]);
    }
    assertThat(Files.readString(out.resolve("tables").resolve("variants.tex")))
        .contains("\\begin{tabular}").contains("\\toprule");
    try (Stream<Path> figures = Files.list(out.resolve("figures"))) {
      List<Path> all = figures.toList();
      List<Path> svgs = all.stream().filter(p -> p.toString().endsWith(".svg")).toList();
      assertThat(svgs).isNotEmpty();
      for (Path svg : svgs) {
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(svg.toFile()); // each figure is a well-formed document of its own
        Path png = svg.resolveSibling(svg.getFileName().toString().replace(".svg", ".png"));
        assertThat(javax.imageio.ImageIO.read(png.toFile())).as("PNG twin of " + svg)
            .isNotNull();
      }
      assertThat(all).hasSize(2 * svgs.size()); // one SVG and one PNG per figure, nothing else
      assertThat(svgs).anyMatch(p -> p.getFileName().toString().startsWith("flow-"));
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

  @Test
  void imputeRunsEndToEndWithOneMissingBmi() throws Exception {
    Path data = tmp.resolve("cohort.csv");
    CohortSynthesizer.withDefaults().write(data, 300, 5, false);
    List<String> lines = new ArrayList<>(Files.readAllLines(data));
    List<String> header = List.of(lines.get(0).split(",", -1));
    String[] row = lines.get(7).split(",", -1);
    row[header.indexOf("bmi")] = "";
    lines.set(7, String.join(",", row));
    Files.write(data, lines);
    AnalysisConfig impute = AnalysisConfig.builder().missing("impute").k(3).restarts(4)
        .stabilityResamples(0).gapReferences(0).repeats(1).dcaBootstrap(0).permutations(0).build();
    Path out = tmp.resolve("imputed");
    AnalyzeJobResult r = AnalyzeJob.run(new AnalyzeRequest(data, out, impute, false),
        Progress.NONE);
    assertThat(r.result().variants().get(0).nClustered()).isEqualTo(300);
    assertThat(Files.readString(out.resolve("report.html"))).contains("These data are synthetic");
  }

  @Test
  void aStratumColumnInARealTableDoesNotMakeTheReportCallTheDataSyntheticAndExclusionsAreStated()
      throws Exception {
    Path data = tmp.resolve("cohort.csv");
    CohortSynthesizer.withDefaults().write(data, 300, 5, false);
    List<String> lines = new ArrayList<>(Files.readAllLines(data));
    int bmi = List.of(lines.get(0).split(",", -1)).indexOf("bmi");
    for (int i = 1; i < lines.size(); i++) {
      String[] row = lines.get(i).replaceFirst("^syn", "clinic-").split(",", -1);
      if (i % 30 == 0) {
        row[bmi] = ""; // 10 people without BMI: left out of every variant (complete-case)
      }
      lines.set(i, String.join(",", row));
    }
    Files.write(data, lines);
    AnalysisConfig quick = AnalysisConfig.builder().k(3).restarts(4).stabilityResamples(0)
        .gapReferences(0).repeats(1).dcaBootstrap(0).permutations(0).build();
    Path out = tmp.resolve("real");
    AnalyzeJobResult r = AnalyzeJob.run(new AnalyzeRequest(data, out, quick, false),
        Progress.NONE);
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).doesNotContain("These data are synthetic")
        .doesNotContain("This cohort is synthetic");
    assertThat(html).doesNotContain("0 were excluded")
        .contains("10 of 300 people were left out for missing values (bmi 10)");
    var flow = org.backstrat.report.output.ReportAssembler.assemble(r.result(),
        java.time.Instant.EPOCH, false).variants().get(0).flow();
    assertThat(flow.nRead() - flow.nExcludedMissing()).isEqualTo(flow.nClustered())
        .isEqualTo(r.result().variants().get(0).nClustered()).isEqualTo(290);
    assertThat(flow.nInStrata() + flow.nOutliers()).isEqualTo(flow.nClustered());
    var variant = r.result().variants().get(0);
    int inStrata = 0;
    for (int c = 0; c < variant.k(); c++) {
      for (int i = 0; i < variant.labels().length; i++) {
        inStrata += variant.labels()[i] == c && !variant.outlier()[i] ? 1 : 0;
      }
    }
    assertThat(flow.nInStrata()).isEqualTo(inStrata);
    // the CONSORT-style diagram in the overview shows the same counts
    assertThat(html).contains("id=\"flow-" + variant.name() + "\"")
        .contains(">300 rows read<").contains(">10 left out: missing values<")
        .contains(">290 clustered<").contains(">" + flow.nOutliers() + " trimmed as outliers<")
        .contains(">" + inStrata + " in 3 strata<");
  }
}
