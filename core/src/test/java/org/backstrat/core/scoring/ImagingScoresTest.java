package org.backstrat.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Boundaries of the disc degeneration and facet tropism scores. */
class ImagingScoresTest {

  @Test
  void pfirrmannGrade3IsNotDegenerated() {
    double[] g = {1, 2, 3, 3, 3};
    assertThat(DiscDegeneration.degeneratedLevels(g)).isZero();
  }

  @Test
  void pfirrmannGrade4IsDegenerated() {
    double[] g = {1, 2, 3, 3, 4};
    assertThat(DiscDegeneration.degeneratedLevels(g)).isEqualTo(1);
  }

  @Test
  void discSumAndMaxOverFiveLevels() {
    double[] g = {1, 2, 3, 5, 4};
    assertThat(DiscDegeneration.sum(g)).isEqualTo(15);
    assertThat(DiscDegeneration.max(g)).isEqualTo(5);
    assertThat(DiscDegeneration.degeneratedLevels(g)).isEqualTo(2);
    assertThat(DiscDegeneration.sum(new double[] {1, 1, 1, 1, 1})).isEqualTo(5);
    assertThat(DiscDegeneration.sum(new double[] {5, 5, 5, 5, 5})).isEqualTo(25);
  }

  @Test
  void pfirrmannGradeSixIsRejected() {
    assertThatThrownBy(() -> DiscDegeneration.sum(new double[] {1, 1, 1, 1, 6}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tropism6Point9DegreesIsBelowSeven() {
    double t = FacetTropism.tropismDegrees(47.2, 40.3);
    assertThat(t).isEqualTo(6.9);
    assertThat(FacetTropism.anyAtLeast(new double[] {t, 0, 0}, 7)).isZero();
  }

  @Test
  void tropism7DegreesReachesSeven() {
    // 47.3 − 40.3 is 6.999999999999996 in binary floating point: rounding keeps it 7
    double t = FacetTropism.tropismDegrees(47.3, 40.3);
    assertThat(t).isEqualTo(7.0);
    assertThat(FacetTropism.anyAtLeast(new double[] {0, t, 0}, 7)).isEqualTo(1);
    assertThat(FacetTropism.anyAtLeast(new double[] {0, t, 0}, 10)).isZero();
  }

  @Test
  void tropism10DegreesReachesTen() {
    double t = FacetTropism.tropismDegrees(40.3, 50.3);
    assertThat(t).isEqualTo(10.0);
    assertThat(FacetTropism.anyAtLeast(new double[] {0, 0, t}, 10)).isEqualTo(1);
    assertThat(FacetTropism.anyAtLeast(new double[] {0, 0, 9.9}, 10)).isZero();
  }

  @Test
  void tropismIsTheAbsoluteDifferenceWhicheverSideIsLarger() {
    assertThat(FacetTropism.tropismDegrees(30, 42.5)).isEqualTo(12.5);
    assertThat(FacetTropism.tropismDegrees(42.5, 30)).isEqualTo(12.5);
  }

  @Test
  void ftMaxIsTheLargestLevel() {
    assertThat(FacetTropism.maxDegrees(new double[] {3, 8.5, 1})).isEqualTo(8.5);
  }

  @Test
  void columnScoringPairsLeftAndRightPerLevel() {
    double[][] angles = {{40}, {43}, {50}, {58}, {35}, {35}};
    FacetTropism.Scores s = FacetTropism.score(angles);
    assertThat(s.byLevelDegrees()[0]).containsExactly(3);
    assertThat(s.byLevelDegrees()[1]).containsExactly(8);
    assertThat(s.byLevelDegrees()[2]).containsExactly(0);
    assertThat(s.maxDegrees()).containsExactly(8);
    assertThat(s.any7()).containsExactly(1);
    assertThat(s.any10()).containsExactly(0);
  }
}
