package org.backstrat.analysis.dca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecisionCurveBootstrapTest {

  private static boolean[] outcome;
  private static double[] risk;

  static {
    SplittableRandom r = new SplittableRandom(5);
    outcome = new boolean[400];
    risk = new double[400];
    for (int i = 0; i < 400; i++) {
      risk[i] = r.nextDouble() * 0.6;
      outcome[i] = r.nextDouble() < risk[i];
    }
  }

  private static BootstrapBands bands(long seed, int b) {
    return DecisionCurveBootstrap.withDefaults().withReplicates(b).withSeed(seed).compute(
        DecisionCurveAnalysis.withDefaults().withThresholds(ThresholdGrid.parse("0.05:0.5:0.05")),
        outcome, List.of(new Predictor("m", risk)));
  }

  @Test
  void sameSeedGivesIdenticalBandsAndAnotherSeedDifferentOnes() {
    assertThat(bands(3, 100)).usingRecursiveComparison().isEqualTo(bands(3, 100));
    assertThat(bands(4, 100).band("m").lower()).isNotEqualTo(bands(3, 100).band("m").lower());
  }

  @Test
  void treatNoneBandIsZeroAndBandsAreOrdered() {
    BootstrapBands b = bands(1, 300);
    assertThat(b.band(DecisionCurves.TREAT_NONE).lower()).containsOnly(0.0);
    assertThat(b.band(DecisionCurves.TREAT_NONE).upper()).containsOnly(0.0);
    double[] lo = b.band("m").lower();
    double[] hi = b.band("m").upper();
    for (int t = 0; t < lo.length; t++) {
      assertThat(lo[t]).isLessThan(hi[t]);
    }
  }

  @Test
  void treatAllBandWidthMatchesTheBinomialStandardError() {
    // NB_all = prev - (1-prev) w = prev (1 + w) - w: its SD is (1 + w) sqrt(prev (1-prev) / n)
    BootstrapBands b = bands(2, 2000);
    int events = 0;
    for (boolean o : outcome) {
      events += o ? 1 : 0;
    }
    double prev = events / 400.0;
    double w = 0.25 / 0.75; // threshold index 4 = 0.25
    double expectedWidth = 2 * 1.959964 * (1 + w) * Math.sqrt(prev * (1 - prev) / 400);
    double width = b.band(DecisionCurves.TREAT_ALL).upper()[4] - b.band(DecisionCurves.TREAT_ALL).lower()[4];
    assertThat(width).isCloseTo(expectedWidth, within(0.15 * expectedWidth));
  }

  @Test
  void quantileIsRsTypeSeven() {
    // R: quantile(c(1, 2, 3, 4, 10), c(0.025, 0.975)) gives 1.1 and 9.4
    double[] x = {1, 2, 3, 4, 10};
    assertThat(DecisionCurveBootstrap.quantileType7(x, 0.025)).isCloseTo(1.1, within(1e-12));
    assertThat(DecisionCurveBootstrap.quantileType7(x, 0.975)).isCloseTo(9.4, within(1e-12));
  }
}
