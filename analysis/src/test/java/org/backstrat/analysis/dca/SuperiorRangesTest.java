package org.backstrat.analysis.dca;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SuperiorRangesTest {

  private static final ThresholdGrid GRID = ThresholdGrid.parse("0.1:0.8:0.1");

  private static SuperiorRanges.ThresholdRange range(String lo, String hi) {
    return new SuperiorRanges.ThresholdRange(new BigDecimal(lo), new BigDecimal(hi));
  }

  @Test
  void reportsEveryContiguousRunAndTheWidest() {
    double[] all = {0.3, 0.2, 0.1, 0.0, -0.1, -0.2, -0.3, -0.4};
    double[] model = {0.4, 0.25, 0.05, 0.01, 0.02, -0.01, 0.01, 0.005};
    SuperiorRanges r = SuperiorRanges.of(GRID, model, all);
    // beats both at 0.1, 0.2 | 0.4, 0.5 | 0.7, 0.8 (0.3 loses to treat-all, 0.6 is below zero)
    assertThat(r.ranges()).hasSize(3);
    assertThat(r.ranges().get(0).lo()).isEqualByComparingTo("0.1");
    assertThat(r.ranges().get(0).hi()).isEqualByComparingTo("0.2");
    assertThat(r.ranges().get(2).hi()).isEqualByComparingTo("0.8");
    // equal widths: the first (lowest thresholds) is the widest
    assertThat(r.widest()).contains(r.ranges().get(0));
  }

  @Test
  void tiesWithTreatAllOrZeroDoNotCount() {
    double[] all = {0.3, 0.2, 0.1, 0.0, -0.1, -0.2, -0.3, -0.4};
    double[] model = {0.3, 0.2, 0.1, 0.0, 0.0, 0.0, 0.0, 0.0};
    SuperiorRanges r = SuperiorRanges.of(GRID, model, all);
    assertThat(r.ranges()).isEmpty();
    assertThat(r.widest()).isEmpty();
  }

  @Test
  void widestIsTheLongestRun() {
    double[] all = new double[8];
    java.util.Arrays.fill(all, -1);
    double[] model = {0.1, -2, 0.1, 0.1, 0.1, -2, 0.1, 0.1};
    SuperiorRanges r = SuperiorRanges.of(GRID, model, all);
    assertThat(r.ranges()).hasSize(3);
    assertThat(r.widest().orElseThrow().width()).isEqualByComparingTo("0.2");
    assertThat(r.widest().orElseThrow().covers(new BigDecimal("0.3"), new BigDecimal("0.5"))).isTrue();
  }
}
