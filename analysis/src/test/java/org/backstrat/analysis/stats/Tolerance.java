package org.backstrat.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;

/** Relative-error assertions used against the R reference values. */
final class Tolerance {
  /** p-values: 1e-6 relative (DESIGN.md). */
  static final double P_VALUE = 1e-6;
  /** Quantities whose arithmetic is exact up to rounding. */
  static final double EXACT_ARITHMETIC = 1e-9;

  private Tolerance() {
  }

  /** |actual - expected| <= rel |expected| (+ tiny absolute slack); NaN must match NaN. */
  static void assertRelative(String what, double actual, double expected, double rel) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(what).isNaN();
      return;
    }
    double err = Math.abs(actual - expected);
    assertThat(err).as("%s: actual %s, expected %s", what, actual, expected)
        .isLessThanOrEqualTo(rel * Math.abs(expected) + Double.MIN_NORMAL);
  }
}
