package org.backstrat.report.svg;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class LinearScaleProperties {

  @Property(tries = 300)
  void niceDomainCoversTheDataWithFewTicks(@ForAll @DoubleRange(min = -1e6, max = 1e6) double a,
                                            @ForAll @DoubleRange(min = -1e6, max = 1e6) double b) {
    LinearScale s = LinearScale.nice(Math.min(a, b), Math.max(a, b), 0, 500, 6);
    assertThat(s.domainMin()).isLessThanOrEqualTo(Math.min(a, b));
    assertThat(s.domainMax()).isGreaterThanOrEqualTo(Math.max(a, b));
    double[] t = s.ticks();
    assertThat(t.length).isBetween(2, 16);
    for (int i = 1; i < t.length; i++) {
      assertThat(t[i]).isGreaterThan(t[i - 1]);
    }
  }

  @Property(tries = 200)
  void mapSendsDomainEndsToRangeEnds(@ForAll @DoubleRange(min = -1e3, max = 1e3) double lo,
                                     @ForAll @DoubleRange(min = 0.01, max = 1e3) double span) {
    LinearScale s = LinearScale.exact(lo, lo + span, 10, 110, 5);
    assertThat(s.map(lo)).isCloseTo(10, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.map(lo + span)).isCloseTo(110, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void ticksAreRoundNumbersWithMatchingLabels() {
    LinearScale s = LinearScale.nice(0.013, 0.187, 0, 100, 4);
    assertThat(s.ticks()).containsExactly(0, 0.05, 0.1, 0.15, 0.2);
    assertThat(s.label(0.05)).isEqualTo("0.05");
    assertThat(s.label(0.1)).isEqualTo("0.10");
    assertThat(LinearScale.nice(-2.5, 2.5, 0, 1, 5).label(-2)).isEqualTo("\u22122");
  }

  @Test
  void constantDataStillGivesAnOpenDomain() {
    LinearScale s = LinearScale.nice(3, 3, 0, 100, 5);
    assertThat(s.domainMax()).isGreaterThan(s.domainMin());
    assertThat(s.map(3)).isBetween(0.0, 100.0);
  }
}
