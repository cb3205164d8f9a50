package org.backstrat.report.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ForestPlotTest {

  private static ForestPlot plot() {
    return new ForestPlot("fp", "Odds ratios", "Odds ratio per SD (log scale)", List.of(
        new ForestPlot.Row("2 vs 1: bmi", 1, 0.5, 0.25, 0.9),
        new ForestPlot.Row("2 vs 1: dd_sum", 1, 4, 2, 8),
        new ForestPlot.Row("3 vs 1: bmi", 2, Double.POSITIVE_INFINITY, 1, Double.NaN)), 600);
  }

  @Test
  void forestPlotLabelsEveryRowAndMarksTheLineOfNoAssociation() {
    Document d = SvgAssertions.assertChart(plot().render(), "Odds ratios",
        "Odds ratio per SD (log scale)", "2 vs 1: bmi", "2 vs 1: dd_sum", "3 vs 1: bmi",
        "not estimable", "0.1", "0.5", "1", "2", "10");
    assertThat(SvgAssertions.elements(d, "line"))
        .anySatisfy(l -> assertThat(l.getAttribute("stroke-dasharray")).isEqualTo("4 3"));
  }

  @Test
  void forestPlotDrawsEachIntervalAroundItsEstimateOnALogAxis() {
    Document d = SvgAssertions.parse(plot().render());
    List<Element> groups = SvgAssertions.elements(d, "g").stream()
        .filter(g -> "estimate".equals(g.getAttribute("class"))).toList();
    assertThat(groups).hasSize(2);
    for (Element g : groups) {
      Element line = (Element) g.getElementsByTagName("line").item(0);
      Element box = (Element) g.getElementsByTagName("rect").item(0);
      double x1 = Double.parseDouble(line.getAttribute("x1"));
      double x2 = Double.parseDouble(line.getAttribute("x2"));
      double mid = Double.parseDouble(box.getAttribute("x")) + Double.parseDouble(box.getAttribute("width")) / 2;
      assertThat(mid).isBetween(x1, x2);
      // intervals symmetric on the log scale (0.25..0.9 is not, 2..8 around 4 is)
      if (g.getTextContent().contains("dd_sum")) {
        assertThat(mid - x1).isCloseTo(x2 - mid, org.assertj.core.api.Assertions.within(0.2));
      }
    }
  }
}
