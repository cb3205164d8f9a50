package org.backstrat.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Table handling shared by the categorical tests and descriptive counts. */
class ContingencyTableTest {

  @Test
  void chiSquareIgnoresEmptyRowsAndColumns() {
    long[][] table = {{10, 4, 7}, {3, 9, 8}};
    long[][] padded = {{10, 0, 4, 7}, {0, 0, 0, 0}, {3, 0, 9, 8}};
    ChiSquareIndependence.Result a = ChiSquareIndependence.withDefaults().test(table);
    ChiSquareIndependence.Result b = ChiSquareIndependence.withDefaults().test(padded);
    assertThat(b.statistic()).isEqualTo(a.statistic());
    assertThat(b.degreesOfFreedom()).isEqualTo(2);
    assertThat(b.p()).isEqualTo(a.p());
  }

  @Test
  void yatesCorrectionIsOnlyAppliedToTwoByTwoTables() {
    ChiSquareIndependence yates = ChiSquareIndependence.withDefaults()
        .with(ChiSquareIndependence.Correction.YATES_2X2);
    assertThat(yates.test(new long[][] {{10, 4}, {3, 9}}).yatesApplied()).isTrue();
    ChiSquareIndependence.Result wide = yates.test(new long[][] {{10, 4, 7}, {3, 9, 8}});
    assertThat(wide.yatesApplied()).isFalse();
    assertThat(wide.statistic())
        .isEqualTo(ChiSquareIndependence.withDefaults().test(new long[][] {{10, 4, 7}, {3, 9, 8}}).statistic());
  }

  @Test
  void levelCountsLeaveOutUngroupedPeopleAndCountMissingPerGroup() {
    double[] smoking = {0, 1, Double.NaN, 2, 0, 1, 2};
    int[] strata = {0, 0, 0, 1, 1, -1, 1};
    LevelCounts c = LevelCounts.of(smoking, strata);
    assertThat(c.groups()).containsExactly(0, 1);
    assertThat(c.levels()).containsExactly(0, 1, 2);
    assertThat(c.counts()[2]).containsExactly(0, 2);
    assertThat(c.counts()[1]).containsExactly(1, 0); // the ungrouped person is not counted
    assertThat(c.missing()).containsExactly(1, 0);
    assertThat(c.percent(0, 0)).isEqualTo(50.0);
  }

  @Test
  void adjustingOnlyMissingPValuesLeavesThemMissing() {
    double[] adjusted = PValueAdjustment.HOLM.adjust(new double[] {Double.NaN, Double.NaN});
    assertThat(adjusted[0]).isNaN();
    assertThat(adjusted[1]).isNaN();
  }
}
