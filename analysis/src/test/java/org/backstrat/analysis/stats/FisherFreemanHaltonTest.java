package org.backstrat.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;

/** Behaviour of the exact test beyond the R reference values. */
class FisherFreemanHaltonTest {
  private static final long[][] TABLE = {{5, 1, 0, 2}, {1, 4, 2, 0}, {0, 1, 5, 3}};

  @Test
  void monteCarloIsReproducibleForASeedAndSaysSo() {
    FisherFreemanHalton mc = FisherFreemanHalton.withDefaults().withWorkLimit(0)
        .withSimulations(2000).withSeed(42);
    FisherFreemanHalton.Result a = mc.test(TABLE);
    FisherFreemanHalton.Result b = mc.test(TABLE);
    assertThat(a).isEqualTo(b);
    assertThat(a.method()).isEqualTo(FisherFreemanHalton.Method.MONTE_CARLO);
    assertThat(a.simulations()).isEqualTo(2000);
    assertThat(a.seed()).isEqualTo(42);
    assertThat(a.p()).isGreaterThanOrEqualTo(1.0 / 2001);
  }

  @Test
  void differentSeedsGiveDifferentEstimatesNearTheExactValue() {
    double exact = FisherFreemanHalton.withDefaults().test(TABLE).p();
    FisherFreemanHalton mc = FisherFreemanHalton.withDefaults().withWorkLimit(0).withSimulations(5000);
    double p1 = mc.withSeed(1).test(TABLE).p();
    double p2 = mc.withSeed(2).test(TABLE).p();
    assertThat(p1).isNotEqualTo(p2);
    double se = Math.sqrt(exact * (1 - exact) / 5000);
    assertThat(Math.abs(p1 - exact)).isLessThan(4 * se + 1.0 / 5001);
  }

  /**
   * Reference: R 4.2 {@code fisher.test(matrix(c(2, 6, 1, 1), 2))$p.value} and
   * {@code fisher.test(matrix(c(2, 0, 6, 1, 0, 1), 3))$p.value} both print 1: tables whose
   * probability ties with the observed one count as "no more probable".
   */
  @Test
  void tiedTwoByTwoProbabilitiesCountAsNoMoreProbableLikeR() {
    assertThat(FisherFreemanHalton.withDefaults().test(new long[][] {{2, 1}, {6, 1}}).p())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(FisherFreemanHalton.withDefaults().test(new long[][] {{2, 1}, {0, 0}, {6, 1}}).p())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void exactResultReportsNoSimulation() {
    FisherFreemanHalton.Result r = FisherFreemanHalton.withDefaults().test(TABLE);
    assertThat(r.method()).isEqualTo(FisherFreemanHalton.Method.EXACT);
    assertThat(r.simulations()).isZero();
    assertThat(r.rows()).isEqualTo(3);
    assertThat(r.columns()).isEqualTo(4);
    assertThat(r.n()).isEqualTo(24);
  }

  @Test
  void emptyRowsAndColumnsAreDropped() {
    long[][] padded = {{5, 1, 0, 0, 2}, {0, 0, 0, 0, 0}, {1, 4, 2, 0, 0}, {0, 1, 5, 0, 3}};
    FisherFreemanHalton.Result r = FisherFreemanHalton.withDefaults().test(padded);
    assertThat(r.rows()).isEqualTo(3);
    assertThat(r.columns()).isEqualTo(4);
    assertThat(r.p()).isEqualTo(FisherFreemanHalton.withDefaults().test(TABLE).p());
  }

  @Test
  void aTableWithOneNonEmptyColumnIsBadInput() {
    assertThatThrownBy(() -> FisherFreemanHalton.withDefaults().test(new long[][] {{3, 0}, {4, 0}}))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("2 x 1".replace("2 x 1", "2 x 1"));
  }

  @Test
  void negativeCountsAndRaggedTablesAreBadInput() {
    assertThatThrownBy(() -> FisherFreemanHalton.withDefaults().test(new long[][] {{3, -1}, {4, 2}}))
        .isInstanceOf(BadInputException.class).hasMessageContaining("negative");
    assertThatThrownBy(() -> FisherFreemanHalton.withDefaults().test(new long[][] {{3, 1}, {4}}))
        .isInstanceOf(BadInputException.class).hasMessageContaining("rectangular");
  }
}
