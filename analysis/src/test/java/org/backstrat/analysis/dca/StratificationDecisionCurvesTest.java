package org.backstrat.analysis.dca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;

class StratificationDecisionCurvesTest {

  /** Three strata with outcome rates 0.05, 0.2 and 0.6 (600 people). */
  private static final int N = 600;
  private static final int[] STRATUM = new int[N];
  private static final boolean[] OUTCOME = new boolean[N];

  static {
    SplittableRandom r = new SplittableRandom(17);
    double[] rate = {0.05, 0.2, 0.6};
    for (int i = 0; i < N; i++) {
      STRATUM[i] = i % 3;
      OUTCOME[i] = r.nextDouble() < rate[STRATUM[i]];
    }
  }

  @Test
  void curveIsTheDecisionCurveOfTheOutOfFoldRisks() {
    var study = StratificationDecisionCurves.withDefaults().withBootstrapReplicates(0);
    var result = study.compute(STRATUM, 3, OUTCOME, List.of());
    double[] expectedRisk = OutOfFoldStratumRisk.compute(STRATUM, 3, OUTCOME, result.fold());
    assertThat(result.outOfFoldRisk()).containsExactly(expectedRisk);
    DecisionCurves direct = DecisionCurveAnalysis.withDefaults()
        .compute(OUTCOME, List.of(new Predictor("stratification", expectedRisk)));
    assertThat(result.curves().curve("stratification").netBenefit())
        .containsExactly(direct.curve("stratification").netBenefit());
    assertThat(result.bands()).isEmpty();
  }

  @Test
  void informativeStrataBeatBothDefaultsBetweenTheirRates() {
    var result = StratificationDecisionCurves.withDefaults().withBootstrapReplicates(200)
        .compute(STRATUM, 3, OUTCOME, List.of());
    // treating only the 0.6 stratum, or the 0.2 and 0.6 strata, beats both defaults in 0.1..0.3
    assertThat(result.stratificationSuperiorRanges().widest().orElseThrow()
        .covers(new BigDecimal("0.1"), new BigDecimal("0.3"))).isTrue();
    assertThat(result.bands().orElseThrow().band("stratification").lower()).hasSize(99);
  }

  @Test
  void sameSeedSameStudy() {
    var study = StratificationDecisionCurves.withDefaults().withBootstrapReplicates(50).withSeed(9);
    assertThat(study.compute(STRATUM, 3, OUTCOME, List.of()))
        .usingRecursiveComparison().isEqualTo(study.compute(STRATUM, 3, OUTCOME, List.of()));
  }

  @Test
  void foldsAreBalancedOverStratumAndOutcome() {
    var result = StratificationDecisionCurves.withDefaults().withBootstrapReplicates(0)
        .compute(STRATUM, 3, OUTCOME, List.of());
    int[][] cells = new int[5][6];
    int[] total = new int[6];
    for (int i = 0; i < N; i++) {
      int c = STRATUM[i] * 2 + (OUTCOME[i] ? 1 : 0);
      cells[result.fold()[i]][c]++;
      total[c]++;
    }
    for (int f = 0; f < 5; f++) {
      for (int c = 0; c < 6; c++) {
        assertThat(cells[f][c]).isBetween(total[c] / 5, (total[c] + 4) / 5);
      }
    }
  }

  @Test
  void constantOutcomeIsRefused() {
    assertThatThrownBy(() -> StratificationDecisionCurves.withDefaults()
        .compute(new int[] {0, 1, 0, 1, 0, 1}, 2, new boolean[6], List.of()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("both outcomes");
  }
}
