package org.backstrat.report.svg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColourScaleTest {

  @Test
  void divergingScaleIsBlueBelowNearWhiteAtZeroOrangeAbove() {
    ColourScale s = ColourScale.diverging(2);
    assertThat(s.colour(-2)).isEqualTo("#2166AC");
    assertThat(s.colour(0)).isEqualTo("#F7F7F7");
    assertThat(s.colour(2)).isEqualTo("#E66101");
  }

  @Test
  void valuesOutsideTheScaleAreClampedAndNaNIsGrey() {
    ColourScale s = ColourScale.diverging(1);
    assertThat(s.colour(-50)).isEqualTo(s.colour(-1));
    assertThat(s.colour(50)).isEqualTo(s.colour(1));
    assertThat(s.colour(Double.NaN)).isEqualTo("#DDDDDD");
  }

  @Test
  void interpolationIsHalfwayBetweenAnchors() {
    ColourScale s = new ColourScale(0, 1, new String[] {"#000000", "#FFFFFF"});
    assertThat(s.colour(0.5)).isEqualTo("#808080");
  }

  @Test
  void textColourContrastsWithTheBackground() {
    assertThat(ColourScale.textColourOn("#08306B")).isEqualTo("#FFFFFF");
    assertThat(ColourScale.textColourOn("#F7FBFF")).isEqualTo("#000000");
    assertThat(ColourScale.textColourOn("#E66101")).isEqualTo("#000000");
  }
}
