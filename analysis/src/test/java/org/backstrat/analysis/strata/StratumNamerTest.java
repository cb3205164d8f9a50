package org.backstrat.analysis.strata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StratumNamerTest {

  @Test
  void threeStrataOfThePaperGetTheirNames() {
    // psychosocial: high P, low D; degenerative: low P, high D; mixed: both intermediate
    double[] p = {1.2, -0.6, 0.3};
    double[] d = {-0.8, 1.1, 0.4};
    assertThat(StratumNamer.name(p, d)).containsExactly("psychosocial", "degenerative",
        "mixed");
  }

  @Test
  void strataWithBothLowestBurdensAreLowBurden() {
    double[] p = {1.2, -0.1, 0.3, -1.0};
    double[] d = {-0.2, 1.1, 0.4, -0.9};
    assertThat(StratumNamer.name(p, d)).containsExactly("psychosocial", "degenerative",
        "mixed", "low-burden");
  }

  @Test
  void oneStratumHoldingBothMaximaIsMixed() {
    double[] p = {1.0, -1.0};
    double[] d = {1.0, -1.0};
    assertThat(StratumNamer.name(p, d)).containsExactly("mixed", "low-burden");
  }

  @Test
  void repeatedLabelsAreNumbered() {
    double[] p = {2.0, 0.1, 0.2, -1.0, 0.0};
    double[] d = {-2.0, 2.0, 0.1, 0.3, 0.2};
    assertThat(StratumNamer.name(p, d)).containsExactly("psychosocial", "degenerative",
        "mixed", "mixed 2", "mixed 3");
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
