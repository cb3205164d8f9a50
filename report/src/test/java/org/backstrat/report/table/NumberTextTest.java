package org.backstrat.report.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberTextTest {

  @Test
  void pValuesBelowOneInAThousandAreShownAsABound() {
    assertThat(NumberText.pValue(0.0009)).isEqualTo("< 0.001");
    assertThat(NumberText.pValue(0.001)).isEqualTo("0.001");
    assertThat(NumberText.pValue(0.04449)).isEqualTo("0.044");
    assertThat(NumberText.pValue(Double.NaN)).isEqualTo("–");
    assertThat(NumberText.pValueExact(3.21456e-7)).isEqualTo("p = 3.215e-07");
  }

  @Test
  void csvValuesAreExactAndEmptyWhenMissing() {
    assertThat(NumberText.csv(3.0)).isEqualTo("3");
    assertThat(NumberText.csv(0.1)).isEqualTo("0.1");
    assertThat(NumberText.csv(1e-300)).isEqualTo("1.0E-300");
    assertThat(Double.parseDouble(NumberText.csv(0.123456789012345))).isEqualTo(0.123456789012345);
    assertThat(NumberText.csv(Double.NaN)).isEmpty();
  }

  @Test
  void fixedNeverPrintsNegativeZero() {
    assertThat(NumberText.fixed(-0.0001, 2)).isEqualTo("0.00");
    assertThat(NumberText.fixed(-1.005, 1)).isEqualTo("-1.0");
  }
}
