package org.backstrat.analysis.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class FoldTransformTest {

  private static final double NA = Double.NaN;

  @Test
  void zScoreUsesTrainingMeanAndPopulationSd() {
    FoldTransform t = new ZScoreFitter().fit(new double[][] {{1, 5}, {2, 5}, {3, 5}, {6, 5}});
    // mean 3, population sd sqrt((4+1+0+9)/4) = sqrt(3.5); constant column only centred
    assertThat(t.apply(new double[] {10, 7}))
        .containsExactly(new double[] {7 / Math.sqrt(3.5), 2}, Offset.offset(1e-12));
  }

  @Test
  void medianImputationUsesTrainingMedianAndAppendsIndicatorsForColumnsMissingInTraining() {
    double[][] train = {{1, 10, 0}, {NA, 20, 1}, {4, NA, 1}, {3, 40, 0}};
    FoldTransform t = MedianImputationFitter.withIndicators().fit(train);
    assertThat(t.apply(new double[] {NA, NA, NA})).containsExactly(3, 20, 0.5, 1, 1);
    assertThat(t.apply(new double[] {2, 5, 1})).containsExactly(2, 5, 1, 0, 0);
    assertThat(MedianImputationFitter.withoutIndicators().fit(train).apply(new double[] {NA, 1, 1}))
        .containsExactly(3, 1, 1);
  }

  @Test
  void imputationRefusesAColumnWithNothingObserved() {
    assertThatThrownBy(() -> MedianImputationFitter.withoutIndicators().fit(new double[][] {{NA}, {NA}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 0");
  }

  @Test
  void chainedStepsFitTheSecondOnTheFirstsOutput() {
    double[][] train = {{1}, {NA}, {3}};
    FoldTransform t = MedianImputationFitter.withoutIndicators().andThen(new ZScoreFitter()).fit(train);
    // after imputation: 1, 2, 3 -> mean 2, sd sqrt(2/3)
    assertThat(t.apply(new double[] {NA})).containsExactly(0.0);
    assertThat(t.apply(new double[] {3})[0]).isCloseTo(1 / Math.sqrt(2.0 / 3), Offset.offset(1e-12));
  }
}
