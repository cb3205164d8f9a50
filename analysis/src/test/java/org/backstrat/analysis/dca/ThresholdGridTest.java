package org.backstrat.analysis.dca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThresholdGridTest {

  @Test
  void defaultGridHoldsExactHundredths() {
    ThresholdGrid g = ThresholdGrid.defaultGrid();
    assertThat(g.size()).isEqualTo(99);
    assertThat(g.label(6)).isEqualTo("0.07");
    assertThat(g.threshold(6)).isEqualByComparingTo("0.07");
    assertThat(g.value(6)).isEqualTo(0.07);
    assertThat(g.label(9)).isEqualTo("0.1");
    assertThat(g.label(98)).isEqualTo("0.99");
  }

  @Test
  void singleThresholdAndZeroAreAccepted() {
    ThresholdGrid g = ThresholdGrid.parse("0");
    assertThat(g.size()).isEqualTo(1);
    assertThat(g.label(0)).isEqualTo("0");
    assertThat(ThresholdGrid.parse(" 0.25 ").value(0)).isEqualTo(0.25);
  }

  @Test
  void upperEndIsIncludedOnlyWhenOnTheGrid() {
    assertThat(ThresholdGrid.parse("0.1:0.35:0.1").size()).isEqualTo(3);
    assertThat(ThresholdGrid.parse("0.1:0.3:0.1").size()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0.5:0.1:0.1", "0:1:0.1", "0:0.5:0", "0:0.5:-0.1", "a:b:c", "0.1:0.2",
      "-0.1:0.5:0.1", "0x1p-2", "0.5d", "1"})
  void malformedSpecsAreRefusedWithTheExpectedForm(String spec) {
    assertThatThrownBy(() -> ThresholdGrid.parse(spec)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("lo:hi:step");
  }

  @Property(tries = 200)
  void everyThresholdIsLoPlusAnExactMultipleOfStep(@ForAll @IntRange(min = 0, max = 98) int lo,
                                                   @ForAll @IntRange(min = 0, max = 98) int span,
                                                   @ForAll @IntRange(min = 1, max = 30) int step) {
    int hi = Math.min(99, lo + span);
    String spec = "0." + two(lo) + ":0." + two(hi) + ":0." + two(step);
    ThresholdGrid g = ThresholdGrid.parse(spec);
    assertThat(g.size()).isEqualTo((hi - lo) / step + 1);
    for (int i = 0; i < g.size(); i++) {
      BigDecimal expected = BigDecimal.valueOf(lo + (long) i * step, 2);
      assertThat(g.threshold(i)).isEqualByComparingTo(expected);
      assertThat(g.value(i)).isEqualTo(Double.parseDouble(expected.toPlainString()));
      assertThat(new BigDecimal(g.label(i))).isEqualByComparingTo(expected);
    }
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }
}
