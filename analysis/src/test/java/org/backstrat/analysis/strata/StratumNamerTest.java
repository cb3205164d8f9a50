package org.backstrat.analysis.strata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class StratumNamerTest {

  private static StrataInWords.Dimension dim(String name, double... z) {
    return new StrataInWords.Dimension(name, name + " scores", z);
  }

  @Test
  void namesComeFromWhatDistinguishesEachStratum() {
    // the demo's case: the high-BMI group used to be called "mixed"
    var d = StrataInWords.describe(List.of(dim("psychosocial", 1.3, -0.4, -0.3),
        dim("imaging", -0.2, 1.1, 0.2), dim("BMI", 0.1, 0.0, 1.6)), new int[] {400, 500, 300});
    assertThat(d.names()).containsExactly("high psychosocial", "high imaging", "high BMI");
    assertThat(d.sentences().get(2)).startsWith("Stratum 3 (high BMI, n = 300): higher BMI "
        + "scores (+1.6 SD); psychosocial scores (-0.3 SD) and imaging scores (+0.2 SD) near the "
        + "average.");
  }

  @Test
  void anyKGetsDistinctNamesWithoutNumberedRepeats() {
    // K = 4 used to give "mixed" and "mixed 2"
    var d = StrataInWords.describe(List.of(dim("psychosocial", 1.2, -0.1, 0.6, -1.0),
        dim("imaging", -0.2, 1.1, 0.7, -0.9), dim("BMI", 0.0, 0.0, -0.8, 0.1)),
        new int[] {10, 10, 10, 10});
    assertThat(new HashSet<>(d.names())).hasSize(4);
    assertThat(d.names()).noneMatch(n -> n.matches(".* \\d+$"));
    assertThat(d.names().get(2)).isEqualTo("low BMI, high imaging");
    assertThat(d.names().get(3)).isEqualTo("low psychosocial, low imaging");
  }

  @Test
  void strataWithoutADistinguishingDimensionAreNearAverage() {
    var d = StrataInWords.describe(List.of(dim("psychosocial", 0.1, 2.0), dim("imaging", -0.2, 0)),
        new int[] {5, 5});
    assertThat(d.names()).containsExactly("near average", "high psychosocial");
  }

  @Test
  void strataAlikeInEverySignAreNumberedAsALastResort() {
    var d = StrataInWords.describe(List.of(dim("psychosocial", 1.0, 2.0)), new int[] {5, 5});
    assertThat(d.names()).containsExactly("high psychosocial (stratum 1)",
        "high psychosocial (stratum 2)");
  }

  @Test
  void burdenIsTheMeanStandardisedCentroid() {
    double[][] centroids = {{12, 3, 100}, {8, 1, 100}};
    double[] mean = {10, 2, 100};
    double[] sd = {2, 1, 0};
    assertThat(StratumNamer.burden(centroids, mean, sd, new int[] {0, 1}))
        .containsExactly(1.0, -1.0);
    assertThat(StratumNamer.burden(centroids, mean, sd, new int[] {2})).containsExactly(0, 0);
  }
}
