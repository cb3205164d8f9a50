package org.backstrat.report.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ChartsTest {
  private static final double[] K = {2, 3, 4, 5};

  private static LineChart lineChart() {
    return LineChart.of("lc", "Quality by K", "Number of strata K", "Mean value (0–1)", List.of(
            LineSeries.of("silhouette", K, new double[] {0.2, 0.3, Double.NaN, 0.25}).withMarkers(),
            LineSeries.of("gap", K, new double[] {0.5, 0.6, 0.65, 0.7}).withErrorBars(new double[] {0.02, 0.02, 0.03, 0.03}),
            LineSeries.of("net benefit", K, new double[] {0.1, 0.2, 0.1, 0.0})
                .withBand(new double[] {0.05, 0.15, 0.05, -0.05}, new double[] {0.15, 0.25, 0.15, 0.05}, "95% band")))
        .withReferences(List.of(ReferenceLine.atY(0.75, "stable"), ReferenceLine.atX(3, "chosen K")))
        .withShadedRange(2.5, 3.5, "best range").withIntegerX();
  }

  @Test
  void lineChartHasTitleAxisLabelsTicksAndLegend() {
    Document d = SvgAssertions.assertChart(lineChart().render(), "Quality by K", "Number of strata K",
        "Mean value (0–1)", "silhouette", "gap", "net benefit", "95% band", "best range", "stable", "chosen K",
        "2", "3", "4", "5");
    assertThat(SvgAssertions.elements(d, "clipPath")).hasSize(1);
    assertThat(SvgAssertions.elements(d, "path")).anySatisfy(p -> assertThat(p.getAttribute("class")).isEqualTo("band"));
  }

  @Test
  void lineSeriesDifferByDashPatternNotOnlyColour() {
    String svg = lineChart().render();
    Document d = SvgAssertions.parse(svg);
    List<String> dashes = SvgAssertions.elements(d, "path").stream()
        .filter(p -> "none".equals(p.getAttribute("fill")) && p.getAttribute("stroke-width").equals("2.2"))
        .map(p -> p.getAttribute("stroke-dasharray")).toList();
    assertThat(dashes).hasSize(3).doesNotHaveDuplicates();
  }

  @Test
  void nanBreaksTheLineIntoTwoPieces() {
    String svg = LineChart.of("nan", "t", "x", "y", List.of(LineSeries.of("s", K, new double[] {1, 2, Double.NaN, 3})))
        .render();
    Element path = SvgAssertions.elements(SvgAssertions.parse(svg), "path").stream()
        .filter(p -> "none".equals(p.getAttribute("fill"))).findFirst().orElseThrow();
    assertThat(path.getAttribute("d").chars().filter(c -> c == 'M').count()).isEqualTo(2);
  }

  @Test
  void fixedYLimitsClipTheSeriesToThePlot() {
    String svg = LineChart.of("clip", "t", "x", "y", List.of(LineSeries.of("s", K, new double[] {1, -50, 0.5, 0})))
        .withYLimits(-0.1, 1).render();
    Document d = SvgAssertions.parse(svg);
    assertThat(SvgAssertions.elements(d, "g")).anySatisfy(g -> assertThat(g.getAttribute("clip-path")).startsWith("url(#clip-clip-"));
    assertThat(SvgAssertions.texts(d)).doesNotContain("\u221250");
  }

  @Test
  void renderingIsIdenticalUnderAnotherDefaultLocale() {
    String root = lineChart().render();
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(lineChart().render()).isEqualTo(root);
    } finally {
      Locale.setDefault(before);
    }
    assertThat(root).doesNotContain("0,5");
  }

  @Test
  void heatmapPrintsEveryCellValueAndHasAColourLegend() {
    Heatmap h = new Heatmap("hm", "Centroids", "Stratum", "Feature", List.of("1 psychosocial", "2 degenerative"),
        List.of("sbt_total", "dd_sum", "bmi"), new double[][] {{1.2, -0.3, 0}, {-0.5, 1.1, Double.NaN}},
        new String[][] {{"1.20", "−0.30", "0.00"}, {"−0.50", "1.10", "–"}}, ColourScale.diverging(1.5),
        "Centroid (standardised units)");
    Document d = SvgAssertions.assertChart(h.render(), "Centroids", "Stratum", "Feature", "1 psychosocial",
        "sbt_total", "1.20", "−0.30", "1.10", "–", "Centroid (standardised units)");
    assertThat(SvgAssertions.elements(d, "linearGradient")).hasSize(1);
    assertThat(SvgAssertions.elements(d, "g")).filteredOn(g -> "cell".equals(g.getAttribute("class"))).hasSize(6);
  }

  @Test
  void heatmapWidensToHoldItsTitleAndLegendCaptionWithFewColumns() {
    String caption = "Centroid in standardised units (blue below, orange above the cohort centre)";
    Heatmap h = new Heatmap("hm", "Standardised centroids (questionnaire-only variant)", "Stratum", "Feature",
        List.of("1 a", "2 b"), List.of("sbt", "bmi"), new double[][] {{1, -1}, {-1, 1}},
        new String[][] {{"1", "−1"}, {"−1", "1"}}, ColourScale.diverging(1), caption);
    Document d = SvgAssertions.parse(h.render());
    double width = Double.parseDouble(d.getDocumentElement().getAttribute("viewBox").split(" ")[2]);
    for (Element t : SvgAssertions.elements(d, "text")) {
      if ("start".equals(t.getAttribute("text-anchor")) && t.getAttribute("transform").isEmpty()) {
        double right = Double.parseDouble(t.getAttribute("x"))
            + t.getTextContent().length() * Double.parseDouble(t.getAttribute("font-size")) * 0.58;
        assertThat(right).as("right edge of '%s'", t.getTextContent()).isLessThanOrEqualTo(width);
      }
    }
  }

  @Test
  void heatmapRefusesRaggedMatrices() {
    assertThatThrownBy(() -> new Heatmap("hm", "t", "r", "c", List.of("a"), List.of("x", "y"),
        new double[][] {{1}}, new String[][] {{"1"}}, ColourScale.diverging(1), "l"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stackedBarsPrintPercentagesThatSumToTheWholeGroup() {
    StackedBarChart c = new StackedBarChart("sb", "LBP frequency", "Share of stratum (%)", List.of("A", "B"),
        List.of("0 none", "1", "2", "3", "4 daily"), new long[][] {{50, 25, 25, 0, 0}, {0, 0, 0, 0, 0}});
    Document d = SvgAssertions.assertChart(c.render(), "LBP frequency", "Share of stratum (%)", "A", "B",
        "0 none", "4 daily", "50%", "25%", "0", "100");
    List<Element> segments = SvgAssertions.elements(d, "g").stream()
        .filter(g -> "segment".equals(g.getAttribute("class"))).toList();
    assertThat(segments).hasSize(10);
    assertThat(segments.get(0).getElementsByTagNameNS("*", "title").item(0).getTextContent())
        .isEqualTo("A, 0 none: 50 (50.0%)");
  }

  @Test
  void boxPlotDrawsOneBoxPerGroupAndSaysNoDataForEmptyOnes() {
    BoxPlotChart c = new BoxPlotChart("bp", "Bothersomeness", "Bothersomeness (0–10)", "Stratum", List.of(
        new BoxStats("1 psychosocial", 0, 4, 6, 8, 10, 0), new BoxStats("2 degenerative", 0, 1, 3, 5, 9, 1),
        new BoxStats("3 empty", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 2)),
        "whiskers: min–max", 720, 360);
    Document d = SvgAssertions.assertChart(c.render(), "Bothersomeness", "Bothersomeness (0–10)", "Stratum",
        "1 psychosocial", "2 degenerative", "3 empty", "no data", "box: Q1–Q3", "line: median", "whiskers: min–max");
    assertThat(SvgAssertions.elements(d, "g")).filteredOn(g -> "box".equals(g.getAttribute("class"))).hasSize(2);
  }

  @Test
  void scatterMarksOutliersByShapeAndGroupsByShapeAndColour() {
    double[] x = {0, 1, 2, 3, 4};
    double[] y = {0, 1, 0, 1, 9};
    ScatterChart c = new ScatterChart("sc", "Projection", "PC1", "PC2", List.of("g1", "g2"), x, y,
        new int[] {0, 0, 1, 1, 0}, new boolean[] {false, false, false, false, true}, "trimmed outlier", 100);
    Document d = SvgAssertions.assertChart(c.render(), "Projection", "PC1", "PC2", "g1", "g2", "trimmed outlier");
    List<Element> groups = SvgAssertions.elements(d, "g");
    assertThat(groups).filteredOn(g -> "points".equals(g.getAttribute("class"))).hasSize(2);
    Element outliers = groups.stream().filter(g -> "outliers".equals(g.getAttribute("class"))).findFirst().orElseThrow();
    Element path = (Element) outliers.getElementsByTagNameNS("*", "path").item(0);
    assertThat(path.getAttribute("fill")).isEqualTo("none");
    assertThat(path.getAttribute("d").chars().filter(ch -> ch == 'M').count()).isEqualTo(2);
    assertThat(Palette.marker(0)).isNotEqualTo(Palette.marker(1)).isNotEqualTo(Palette.Marker.CROSS);
  }

  @Test
  void scatterThinsDeterministicallyAboveTheCap() {
    int n = 1000;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      y[i] = i % 7;
    }
    ScatterChart c = new ScatterChart("th", "t", "x", "y", List.of("g"), x, y, new int[n], new boolean[n], "o", 100);
    assertThat(c.stride()).isEqualTo(10);
    String svg = c.render();
    assertThat(svg).isEqualTo(c.render()).contains("every 10th point drawn (100 shown)");
  }

  @Test
  void hostileLabelsStayText() {
    String evil = "<script>alert(1)</script>\"'&";
    String svg = LineChart.of("ev", evil, evil, evil, List.of(LineSeries.of(evil, K, K))).render();
    assertThat(svg).doesNotContain("<script>");
    Document d = SvgAssertions.parse(svg);
    assertThat(SvgAssertions.elements(d, "script")).isEmpty();
    assertThat(SvgAssertions.texts(d)).contains(evil);
  }
}
