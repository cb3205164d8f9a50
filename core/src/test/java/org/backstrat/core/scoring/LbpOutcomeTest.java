package org.backstrat.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;

/** Boundaries and configuration of the {@code lbp_bothersome_frequent} outcome. */
class LbpOutcomeTest {

  private static final ScoringOptions DEFAULTS = ScoringOptions.withDefaults();

  @Test
  void frequency2IsNotFrequent() {
    assertThat(LbpOutcome.bothersomeFrequent(2, 10, DEFAULTS)).isZero();
  }

  @Test
  void frequency3IsFrequent() {
    assertThat(LbpOutcome.bothersomeFrequent(3, 10, DEFAULTS)).isEqualTo(1);
  }

  @Test
  void bothersomeness6IsNotBothersome() {
    assertThat(LbpOutcome.bothersomeFrequent(4, 6, DEFAULTS)).isZero();
    assertThat(LbpOutcome.bothersomeFrequent(4, 6.9, DEFAULTS)).isZero();
  }

  @Test
  void bothersomeness7IsBothersome() {
    assertThat(LbpOutcome.bothersomeFrequent(4, 7, DEFAULTS)).isEqualTo(1);
  }

  @Test
  void defaultsAreFrequency3AndBothersomeness7() {
    assertThat(DEFAULTS.lbpFrequencyAtLeast()).isEqualTo(3);
    assertThat(DEFAULTS.lbpBothersomenessAtLeast()).isEqualTo(7);
  }

  @Test
  void thresholdsAreConfigurable() {
    ScoringOptions options = DEFAULTS.withLbpFrequencyAtLeast(2).withLbpBothersomenessAtLeast(5);
    assertThat(LbpOutcome.bothersomeFrequent(2, 5, options)).isEqualTo(1);
    assertThat(LbpOutcome.bothersomeFrequent(1, 5, options)).isZero();
    assertThat(LbpOutcome.bothersomeFrequent(2, 4, options)).isZero();
    assertThat(DEFAULTS.lbpFrequencyAtLeast()).as("copies leave the original alone").isEqualTo(3);
  }

  @Test
  void frequencyThresholdOutsideItsScaleIsBadInput() {
    assertThatThrownBy(() -> DEFAULTS.withLbpFrequencyAtLeast(5))
        .isInstanceOf(BadInputException.class).hasMessageContaining("0 to 4");
  }

  @Test
  void bothersomenessThresholdOutsideItsScaleIsBadInput() {
    assertThatThrownBy(() -> DEFAULTS.withLbpBothersomenessAtLeast(Double.NaN))
        .isInstanceOf(BadInputException.class).hasMessageContaining("0 to 10");
  }
}
