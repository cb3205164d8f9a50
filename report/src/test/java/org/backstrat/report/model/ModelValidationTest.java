package org.backstrat.report.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.backstrat.report.FakeReport;
import org.junit.jupiter.api.Test;

class ModelValidationTest {

  @Test
  void variantNamesMustBeSafeForFileNames() {
    assertThatThrownBy(() -> VariantReport.builder("../x").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../x");
  }

  @Test
  void strataMustHaveOneCentroidValuePerFeature() {
    StratumReport s = new StratumReport(1, "mixed", 10, 0.8, new double[] {0.1}, new double[] {5},
        new long[5], BoxSummary.empty(), List.of(BoxSummary.empty()));
    assertThatThrownBy(() -> VariantReport.builder("v")
        .features(List.of(new Feature("a", "", true), new Feature("b", "", true))).strata(List.of(s)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 centroid values for 2 features");
  }

  @Test
  void lbpFrequencyNeedsFiveLevels() {
    assertThatThrownBy(() -> new StratumReport(1, "x", 1, 1, new double[0], new double[0], new long[4],
        BoxSummary.empty(), List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0–4");
  }

  @Test
  void variantNamesMustBeUniqueIgnoringCase() {
    ReportInput ok = FakeReport.example();
    VariantReport sbt = ok.variants().get(0);
    VariantReport upper = VariantReport.builder("SBT").build();
    assertThatThrownBy(() -> new ReportInput("t", ok.cohort(), List.of(sbt, upper), List.of(), List.of(), false, false,
        "0", Instant.EPOCH, "w")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SBT");
  }

  @Test
  void arraysAreCopiedInAndOut() {
    double[] z = {1.0};
    StratumReport s = new StratumReport(1, "x", 1, 1, z, new double[] {2}, new long[5], BoxSummary.empty(),
        List.of(BoxSummary.empty()));
    z[0] = 99;
    s.centroidZ()[0] = 42;
    assertThat(s.centroidZ()).containsExactly(1.0);
  }

  @Test
  void confusionMatrixMustBeSquareWithOneRowPerClass() {
    assertThatThrownBy(() -> new ValidationResult("m", 0, 0, 0, 0, 5, 1, List.of("a", "b"),
        new double[][] {{1, 2}, {3}})).isInstanceOf(IllegalArgumentException.class);
  }
}
