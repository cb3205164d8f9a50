package org.backstrat.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backstrat.analysis.stats.Tolerance.EXACT_ARITHMETIC;
import static org.backstrat.analysis.stats.Tolerance.assertRelative;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Descriptives against R's quantile(type = 7), mean and sd. */
class NumericSummaryReferenceTest {

  static List<ReferenceTable.Row> descriptives() {
    return ReferenceTable.read("descriptives.csv");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("descriptives")
  void summaryMatchesR(ReferenceTable.Row row) {
    NumericSummary s = NumericSummary.of(row.numbers("values"));
    assertThat(s.n()).isEqualTo((int) row.number("n"));
    assertRelative("q1", s.q1(), row.number("q1"), EXACT_ARITHMETIC);
    assertRelative("median", s.median(), row.number("median"), EXACT_ARITHMETIC);
    assertRelative("q3", s.q3(), row.number("q3"), EXACT_ARITHMETIC);
    assertRelative("mean", s.mean(), row.number("mean"), EXACT_ARITHMETIC);
    assertRelative("sd", s.sd(), row.number("sd"), EXACT_ARITHMETIC);
  }

  @Test
  void missingValuesAreCountedAndLeftOut() {
    NumericSummary s = NumericSummary.of(new double[] {Double.NaN, 1, 3, Double.NaN});
    assertThat(s.n()).isEqualTo(2);
    assertThat(s.missing()).isEqualTo(2);
    assertThat(s.median()).isEqualTo(2.0);
  }

  @Test
  void emptyGroupGivesNaNStatistics() {
    NumericSummary s = NumericSummary.of(new double[] {Double.NaN});
    assertThat(s.n()).isZero();
    assertThat(s.median()).isNaN();
    assertThat(s.mean()).isNaN();
  }
}
