package org.backstrat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CreationTimeTest {

  @Test
  void sourceDateEpochGivesThatInstant() {
    assertThat(CreationTime.of("0")).isEqualTo(Instant.EPOCH);
    assertThat(CreationTime.of(" 1764288000 ")).isEqualTo(Instant.parse("2025-11-28T00:00:00Z"));
  }

  @Test
  void withoutItTheTimeIsNowToTheSecond() {
    Instant t = CreationTime.of(null);
    assertThat(t.getNano()).isZero();
    assertThat(t).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
  }

  @Test
  void aValueThatIsNotWholeSecondsIsBadInput() {
    assertThatThrownBy(() -> CreationTime.of("yesterday")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("SOURCE_DATE_EPOCH").hasMessageContaining("whole seconds");
  }
}
