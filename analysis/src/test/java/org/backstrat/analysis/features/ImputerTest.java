package org.backstrat.analysis.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImputerTest {
  private static final double NA = Double.NaN;

  @Test
  void numericColumnsGetTheMedianOfTheFittingRows() {
    double[][] fit = {{1, 0}, {5, 1}, {3, 1}, {NA, 0}};
    Imputer imp = Imputer.fit(fit, new boolean[] {false, true});
    assertThat(imp.fillValue(0)).isEqualTo(3);
    assertThat(imp.apply(new double[][] {{NA, 1}})[0]).containsExactly(3, 1, 1);
  }

  @Test
  void evenCountsUseTheMidpointMedian() {
    Imputer imp = Imputer.fit(new double[][] {{1}, {4}, {NA}}, new boolean[] {false});
    assertThat(imp.fillValue(0)).isEqualTo(2.5);
  }

  @Test
  void binaryColumnsGetTheModeWithTiesToZero() {
    Imputer imp = Imputer.fit(new double[][] {{1}, {0}, {NA}}, new boolean[] {true});
    assertThat(imp.fillValue(0)).isZero();
    imp = Imputer.fit(new double[][] {{1}, {1}, {0}, {NA}}, new boolean[] {true});
    assertThat(imp.fillValue(0)).isEqualTo(1);
  }

  @Test
  void indicatorsOnlyForColumnsMissingInTheFittingRows() {
    double[][] fit = {{1, 2}, {NA, 3}};
    Imputer imp = Imputer.fit(fit, new boolean[] {false, false});
    assertThat(imp.indicatorCount()).isEqualTo(1);
    assertThat(imp.indicatorColumn(0)).isEqualTo(2);
    assertThat(imp.indicatorColumn(1)).isEqualTo(-1);
    // a held-out row missing a column that was complete in fitting is filled, no indicator
    assertThat(imp.apply(new double[][] {{NA, NA}})[0]).containsExactly(1, 2.5, 1);
  }

  @Test
  void inputRowsAreNotModified() {
    double[][] rows = {{NA, 1}};
    Imputer.fit(new double[][] {{2, 1}}, new boolean[] {false, false}).apply(rows);
    assertThat(rows[0][0]).isNaN();
  }
}
