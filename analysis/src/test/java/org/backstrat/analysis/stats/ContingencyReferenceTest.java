package org.backstrat.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backstrat.analysis.stats.Tolerance.EXACT_ARITHMETIC;
import static org.backstrat.analysis.stats.Tolerance.P_VALUE;
import static org.backstrat.analysis.stats.Tolerance.assertRelative;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Chi-square and Fisher exact tests against R's chisq.test and fisher.test. */
class ContingencyReferenceTest {
  /** The one reference table whose exact search exceeds the default work limit. */
  private static final String BEYOND_EXACT_LIMIT = "t4x5_n200";

  static List<ReferenceTable.Row> chisq() {
    return ReferenceTable.read("chisq.csv");
  }

  static List<ReferenceTable.Row> fisher() {
    return ReferenceTable.read("fisher.csv");
  }

  @ParameterizedTest(name = "{0} correct={4}")
  @MethodSource("chisq")
  void chiSquareMatchesR(ReferenceTable.Row row) {
    boolean yates = Boolean.parseBoolean(row.text("correct").toLowerCase(java.util.Locale.ROOT));
    ChiSquareIndependence test = ChiSquareIndependence.withDefaults();
    if (yates) {
      test = test.with(ChiSquareIndependence.Correction.YATES_2X2);
    }
    ChiSquareIndependence.Result r = test.test(row.table());
    assertRelative("X^2", r.statistic(), row.number("statistic"), EXACT_ARITHMETIC);
    assertThat(r.degreesOfFreedom()).isEqualTo((int) row.number("df"));
    assertRelative("p", r.p(), row.number("p"), P_VALUE);
    assertRelative("V", r.cramersV(), row.number("cramer_v"), EXACT_ARITHMETIC);
    assertRelative("bias-corrected V", r.cramersVBiasCorrected(),
        row.number("cramer_v_bias_corrected"), EXACT_ARITHMETIC);
    double[] expected = row.numbers("expected");
    double[][] e = r.expected();
    for (int i = 0; i < e.length; i++) {
      for (int j = 0; j < e[i].length; j++) {
        assertRelative("E", e[i][j], expected[i * e[i].length + j], EXACT_ARITHMETIC);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fisher")
  void fisherExactMatchesR(ReferenceTable.Row row) {
    if (BEYOND_EXACT_LIMIT.equals(row.text("case"))) {
      // R's FEXACT needs ~20 s for this 4 x 5 table with n = 165; our search exceeds even 60M work
      // units (measured), so it must estimate; a small limit keeps this test fast
      FisherFreemanHalton.Result r = FisherFreemanHalton.withDefaults().withWorkLimit(200_000)
          .test(row.table());
      double exact = row.number("p");
      assertThat(r.method()).isEqualTo(FisherFreemanHalton.Method.MONTE_CARLO);
      assertThat(Math.abs(r.p() - exact)).isLessThan(4 * Math.sqrt(exact * (1 - exact) / r.simulations()));
      return;
    }
    FisherFreemanHalton.Result r = FisherFreemanHalton.withDefaults().test(row.table());
    assertThat(r.method()).isEqualTo(FisherFreemanHalton.Method.EXACT);
    assertRelative("p", r.p(), row.number("p"), P_VALUE);
  }

  @Test
  void fisherExactIsInvariantToTransposition() {
    for (ReferenceTable.Row row : fisher()) {
      if (BEYOND_EXACT_LIMIT.equals(row.text("case")) || ContingencyTable.of(row.table()).total() > 300) {
        continue; // keep the suite fast: large tables are checked once, in fisherExactMatchesR
      }
      long[][] t = row.table();
      long[][] tt = new long[t[0].length][t.length];
      for (int i = 0; i < t.length; i++) {
        for (int j = 0; j < t[0].length; j++) {
          tt[j][i] = t[i][j];
        }
      }
      assertRelative(row + " transposed", FisherFreemanHalton.withDefaults().test(tt).p(),
          row.number("p"), P_VALUE);
    }
  }

  @Test
  void monteCarloEstimateIsWithinSimulationErrorOfTheExactP() {
    ReferenceTable.Row row = ReferenceTable.read("fisher_mc.csv").get(0);
    double exact = row.number("p_exact");
    int b = 20_000;
    FisherFreemanHalton.Result r = FisherFreemanHalton.withDefaults().withWorkLimit(0)
        .withSimulations(b).withSeed(7).test(row.table());
    assertThat(r.method()).isEqualTo(FisherFreemanHalton.Method.MONTE_CARLO);
    assertThat(r.simulations()).isEqualTo(b);
    double se = Math.sqrt(exact * (1 - exact) / b);
    assertThat(Math.abs(r.p() - exact)).isLessThan(4 * se);
    // R's own simulated p (B = 1e5, its RNG) is also within its error of the exact value
    assertThat(Math.abs(row.number("p_simulated") - exact)).isLessThan(4 * Math.sqrt(exact * (1 - exact) / 1e5));
  }

  @Test
  void exactSearchAgreesWithRForTheMonteCarloTable() {
    ReferenceTable.Row row = ReferenceTable.read("fisher_mc.csv").get(0);
    FisherFreemanHalton.Result r = FisherFreemanHalton.withDefaults().test(row.table());
    assertThat(r.method()).isEqualTo(FisherFreemanHalton.Method.EXACT);
    assertRelative("p", r.p(), row.number("p_exact"), P_VALUE);
  }
}
