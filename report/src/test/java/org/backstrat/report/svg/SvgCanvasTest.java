package org.backstrat.report.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SvgCanvasTest {

  @Test
  void numbersHaveAtMostTwoDecimalsAndNoNegativeZero() {
    assertThat(SvgCanvas.num(1.0)).isEqualTo("1");
    assertThat(SvgCanvas.num(1.5)).isEqualTo("1.5");
    assertThat(SvgCanvas.num(1.234)).isEqualTo("1.23");
    assertThat(SvgCanvas.num(-0.001)).isEqualTo("0");
    assertThat(SvgCanvas.num(-2.05)).isEqualTo("-2.05");
    assertThat(SvgCanvas.num(0.07)).isEqualTo("0.07");
    assertThat(SvgCanvas.num(1234567.891)).isEqualTo("1234567.89");
  }

  @Test
  void nonFiniteCoordinatesAreRefused() {
    assertThatThrownBy(() -> SvgCanvas.num(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SvgCanvas.num(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void escapeHandlesMarkupQuotesAndControlCharacters() {
    assertThat(SvgCanvas.escape("<a href=\"x\">'&'</a>\u0001"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; ");
  }

  @Test
  void titleAndTextAreEscapedInTheDocument() {
    SvgCanvas c = new SvgCanvas("c1", 100, 50, "<script>alert(1)</script>", "d & e");
    c.text(1, 2, "</svg><script>", "start", 12, "");
    String svg = c.finish();
    assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;");
    SvgAssertions.parse(svg);
  }

  @Test
  void chartIdMustBeSafeForUseAsAnXmlId() {
    assertThatThrownBy(() -> new SvgCanvas("1bad id", 1, 1, "t", "d")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SvgCanvas("a\"b", 1, 1, "t", "d")).isInstanceOf(IllegalArgumentException.class);
  }
}
