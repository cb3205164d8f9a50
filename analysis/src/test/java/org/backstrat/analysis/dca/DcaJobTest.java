package org.backstrat.analysis.dca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backstrat.analysis.validation.SharedTestData;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DcaJobTest {

  @TempDir
  Path dir;

  private static Map<String, String[]> readLongForm(List<String> lines) {
    Map<String, String[]> out = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      out.put(f[0] + "/" + f[1], f);
    }
    return out;
  }

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private Map<String, String[]> runDfBinary(String thresholds) throws IOException {
    Path data = SharedTestData.file("dcurves_df_binary/df_binary.csv");
    Path out = dir.resolve("dca.csv");
    DcaJob.run(DcaRequest.of(data, "cancer", List.of("cancerpredmarker", "famhistory"), out)
        .withThresholds(thresholds));
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("threshold,model,net_benefit,tp,fp,net_intervention_avoided");
    return readLongForm(lines);
  }

  @Test
  void reproducesTheValuesDcurvesOwnTestsAssert() throws IOException {
    Map<String, String[]> r = runDfBinary("0:0.99:0.01");
    // dcurves tests/testthat/test-dca.R: dca(cancer ~ cancerpredmarker) at threshold 0.25
    assertThat(Double.parseDouble(r.get("0.25/treat_all")[2])).isCloseTo(-0.1466667, within(1e-6));
    assertThat(Double.parseDouble(r.get("0.25/treat_none")[2])).isCloseTo(0.0, within(1e-6));
    assertThat(Double.parseDouble(r.get("0.25/cancerpredmarker")[2])).isCloseTo(0.064, within(1e-6));
    // dca(cancer ~ famhistory, thresholds = 0): a risk of exactly 0 at threshold 0 is not treated
    assertThat(Double.parseDouble(r.get("0/treat_all")[2])).isCloseTo(0.140, within(1e-6));
    assertThat(Double.parseDouble(r.get("0/treat_none")[2])).isCloseTo(0.0, within(1e-6));
    assertThat(Double.parseDouble(r.get("0/famhistory")[2])).isCloseTo(0.032, within(1e-6));
  }

  @Test
  void matchesTheIndependentReferenceAtEveryThreshold() throws IOException {
    Map<String, String[]> ours = runDfBinary("0:0.99:0.01");
    List<String> ref = SharedTestData.resourceLines("/reference/dca/df_binary_curves.csv");
    assertThat(ours).hasSize(ref.size() - 1);
    for (String[] expected : readLongForm(ref).values()) {
      String key = expected[0] + "/" + expected[1];
      String[] actual = ours.get(key);
      assertThat(actual).as(key).isNotNull();
      assertThat(Double.parseDouble(actual[2])).as(key).isCloseTo(Double.parseDouble(expected[2]), within(1e-9));
      assertThat(actual[3]).as(key + " tp").isEqualTo(expected[3]);
      assertThat(actual[4]).as(key + " fp").isEqualTo(expected[4]);
      if (expected[5].isEmpty()) {
        assertThat(actual[5]).as(key + " nia").isEmpty();
      } else {
        assertThat(Double.parseDouble(actual[5])).as(key + " nia")
            .isCloseTo(Double.parseDouble(expected[5]), within(1e-9));
      }
    }
  }

  @Test
  void thresholdsArePrintedAsExactDecimals() throws IOException {
    Map<String, String[]> r = runDfBinary("0.01:0.99:0.01");
    assertThat(r).containsKey("0.07/treat_all").containsKey("0.1/treat_all").containsKey("0.99/famhistory");
    assertThat(r).hasSize(99 * 4);
  }

  @Test
  void outcomeAcceptsZeroOneAndTrueFalseInAnyCase() throws IOException {
    Path a = write("a.csv", "y,p\n1,0.8\n0,0.2\nTRUE,0.6\nfalse,0.1\nTrue,0.3\n");
    Path b = write("b.csv", "y,p\ntrue,0.8\nfalse,0.2\n1,0.6\n0,0.1\n1,0.3\n");
    DcaJob.run(DcaRequest.of(a, "y", List.of("p"), dir.resolve("a.out")).withThresholds("0.1:0.9:0.1"));
    DcaJob.run(DcaRequest.of(b, "y", List.of("p"), dir.resolve("b.out")).withThresholds("0.1:0.9:0.1"));
    assertThat(Files.readAllLines(dir.resolve("a.out"))).isEqualTo(Files.readAllLines(dir.resolve("b.out")));
  }

  @Test
  void anAbsurdBootstrapIsRefusedWithTheAllowedRangeBeforeAllocating() throws IOException {
    Path data = write("boot.csv", "y,p\n1,0.25\n0,0.25\n0,0.1\n1,0.1\n");
    assertThatThrownBy(() -> DcaJob.run(DcaRequest.of(data, "y", List.of("p"),
        dir.resolve("boot.out")).withBootstrap(2_000_000_000, 1)))
        .isInstanceOf(org.backstrat.core.BadInputException.class)
        .hasMessageContaining("bootstrap replicates 2000000000")
        .hasMessageContaining("from 2 to 100000");
    assertThatThrownBy(() -> DcaJob.run(DcaRequest.of(data, "y", List.of("p"),
        dir.resolve("boot.out")).withThresholds("0.0001:0.9999:0.0001").withBootstrap(100_000, 1)))
        .isInstanceOf(org.backstrat.core.BadInputException.class)
        .hasMessageContaining("more than the 20000000 allowed");
    assertThat(dir.resolve("boot.out")).doesNotExist();
  }

  @Test
  void riskExactlyAtTheThresholdIsTreated() throws IOException {
    Path data = write("eq.csv", "y,p\n1,0.25\n0,0.25\n0,0.1\n1,0.1\n");
    DcaJob.run(DcaRequest.of(data, "y", List.of("p"), dir.resolve("eq.out")).withThresholds("0.25"));
    String[] f = readLongForm(Files.readAllLines(dir.resolve("eq.out"))).get("0.25/p");
    // treated: the two people at 0.25 -> TP 1, FP 1; NB = 1/4 - 1/4 * (1/3)
    assertThat(f[3]).isEqualTo("1");
    assertThat(f[4]).isEqualTo("1");
    assertThat(Double.parseDouble(f[2])).isCloseTo(0.25 - 0.25 / 3, within(1e-15));
  }

  @Test
  void rowsMissingOutcomeOrPredictorAreExcludedAndCountedLikeDcurves() throws IOException {
    Path full = write("full.csv", "id,y,p,q\n1,1,0.9,0.5\n2,,0.2,0.1\n3,0,NA,0.3\n4,0,0.3,\n5,1,0.6,0.7\n6,0,0.1,0.2\n");
    Path complete = write("complete.csv", "id,y,p,q\n1,1,0.9,0.5\n5,1,0.6,0.7\n6,0,0.1,0.2\n");
    DcaJobResult r = DcaJob.run(DcaRequest.of(full, "y", List.of("p", "q"), dir.resolve("f.out")));
    DcaJob.run(DcaRequest.of(complete, "y", List.of("p", "q"), dir.resolve("c.out")));
    assertThat(r.rowsRead()).isEqualTo(6);
    assertThat(r.rowsUsed()).isEqualTo(3);
    assertThat(r.rowsExcluded()).isEqualTo(3);
    assertThat(r.missingByColumn()).containsExactly(new DcaJobResult.MissingCount("y", 1),
        new DcaJobResult.MissingCount("p", 1), new DcaJobResult.MissingCount("q", 1));
    assertThat(Files.readAllLines(dir.resolve("f.out"))).isEqualTo(Files.readAllLines(dir.resolve("c.out")));
  }

  @Test
  void predictorOutsideZeroOneIsReportedWithFileRowColumnAndValue() throws IOException {
    Path data = write("bad.csv", "y,p\n1,0.5\n0,1.2\n1,abc\n");
    assertThatThrownBy(() -> DcaJob.run(DcaRequest.of(data, "y", List.of("p"), dir.resolve("o.csv"))))
        .isInstanceOfSatisfying(BadInputException.class, e -> {
          assertThat(e.problems()).hasSize(2);
          InputProblem first = e.problems().get(0);
          assertThat(first.file()).isEqualTo(data.toString());
          assertThat(first.row()).isEqualTo(3);
          assertThat(first.column()).isEqualTo("p");
          assertThat(first.value()).isEqualTo("1.2");
          assertThat(first.expected()).contains("between 0 and 1");
          assertThat(e.problems().get(1).row()).isEqualTo(4);
        });
    assertThat(dir.resolve("o.csv")).doesNotExist();
  }

  @Test
  void aMarkerThatIsNotAProbabilityIsRefused() {
    Path data = SharedTestData.file("dcurves_df_binary/df_binary.csv");
    assertThatThrownBy(() -> DcaJob.run(DcaRequest.of(data, "cancer", List.of("marker"), dir.resolve("o.csv"))))
        .isInstanceOf(BadInputException.class).hasMessageContaining("column marker")
        .hasMessageContaining("between 0 and 1");
  }

  @Test
  void badOutcomeValueIsReported() throws IOException {
    Path data = write("y.csv", "y,p\n1,0.5\nyes,0.2\n");
    assertThatThrownBy(() -> DcaJob.run(DcaRequest.of(data, "y", List.of("p"), dir.resolve("o.csv"))))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("row 3").hasMessageContaining("column y").hasMessageContaining("\"yes\"");
  }

  @Test
  void constantOutcomeIsRefused() throws IOException {
    Path data = write("c.csv", "y,p\n0,0.5\n0,0.2\n");
    assertThatThrownBy(() -> DcaJob.run(DcaRequest.of(data, "y", List.of("p"), dir.resolve("o.csv"))))
        .isInstanceOf(BadInputException.class).hasMessageContaining("both outcomes");
  }

  @Test
  void unknownColumnIsReportedWithTheHeader() throws IOException {
    Path data = write("h.csv", "y,p\n1,0.5\n0,0.2\n");
    assertThatThrownBy(() -> DcaJob.run(DcaRequest.of(data, "y", List.of("risk"), dir.resolve("o.csv"))))
        .isInstanceOf(BadInputException.class).hasMessageContaining("column risk")
        .hasMessageContaining("the header has y, p");
  }

  @Test
  void columnNamesMatchCaseInsensitivelyAndSemicolonFilesMayUseDecimalCommas() throws IOException {
    Path comma = write("comma.csv", "Y,Risk\n1,0.75\n0,0.25\n1,0.5\n");
    Path semi = write("semi.csv", "\uFEFFy;risk\r\n1;0,75\r\n0;0,25\r\n1;0,5\r\n");
    DcaJob.run(DcaRequest.of(comma, "y", List.of("risk"), dir.resolve("1.out")));
    DcaJob.run(DcaRequest.of(semi, "y", List.of("risk"), dir.resolve("2.out")));
    assertThat(Files.readAllLines(dir.resolve("1.out"))).isEqualTo(Files.readAllLines(dir.resolve("2.out")));
  }

  @Test
  void nonUtf8InputIsRefused() throws IOException {
    Path data = dir.resolve("latin1.csv");
    Files.write(data, "y,p\n1,0.5\n0,0.2\n# K\u00f6ln\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> DcaJob.run(DcaRequest.of(data, "y", List.of("p"), dir.resolve("o.csv"))))
        .isInstanceOf(BadInputException.class).hasMessageContaining("UTF-8");
  }

  @Test
  void existingOutputIsKeptWithoutForceAndReplacedWithForce() throws IOException {
    Path data = write("d.csv", "y,p\n1,0.5\n0,0.2\n");
    Path out = write("exists.csv", "keep me\n");
    assertThatThrownBy(() -> DcaJob.run(DcaRequest.of(data, "y", List.of("p"), out)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("already exists");
    assertThat(Files.readString(out)).isEqualTo("keep me\n");
    DcaJob.run(DcaRequest.of(data, "y", List.of("p"), out).withForce(true));
    assertThat(Files.readAllLines(out).get(0)).startsWith("threshold,model");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
    }
  }

  @Test
  void outputNeverReplacesTheInputEvenWithForce() throws IOException {
    Path data = write("same.csv", "y,p\n1,0.5\n0,0.2\n");
    assertThatThrownBy(() -> DcaJob.run(DcaRequest.of(data, "y", List.of("p"), data).withForce(true)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("is the input");
    assertThat(Files.readString(data)).isEqualTo("y,p\n1,0.5\n0,0.2\n");
  }

  @Test
  void bootstrapAddsBandsThatAreDeterministicForASeed() throws IOException {
    Path data = SharedTestData.file("dcurves_df_binary/df_binary.csv");
    DcaRequest req = DcaRequest.of(data, "cancer", List.of("cancerpredmarker"), dir.resolve("b1.csv"))
        .withThresholds("0.05:0.5:0.05").withBootstrap(200, 11);
    DcaJobResult r = DcaJob.run(req);
    DcaJob.run(new DcaRequest(req.data(), req.outcomeColumn(), req.predictorColumns(), req.thresholds(),
        200, 11, dir.resolve("b2.csv"), false));
    List<String> lines = Files.readAllLines(dir.resolve("b1.csv"));
    assertThat(lines.get(0)).endsWith(",net_benefit_lower,net_benefit_upper");
    assertThat(lines).isEqualTo(Files.readAllLines(dir.resolve("b2.csv")));
    double[] nb = r.curves().curve("cancerpredmarker").netBenefit();
    BootstrapBands.Band band = r.bands().orElseThrow().band("cancerpredmarker");
    for (int t = 0; t < nb.length; t++) {
      assertThat(band.lower()[t]).isLessThan(nb[t]);
      assertThat(band.upper()[t]).isGreaterThan(nb[t]);
    }
    assertThat(r.superiorRanges().get(0).ranges().widest()).isPresent();
  }
}
