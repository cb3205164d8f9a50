package org.backstrat.report.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal 100% stacked bars: one bar per group (e.g. stratum), split into ordered
 * categories (e.g. LBP frequency 0–4) as percentages of the group. Ordered categories get a
 * light-to-dark sequential scale, so their order reads without hue; every segment wide enough
 * prints its percentage, and each segment's tooltip gives count and percentage.
 *
 * @param id page-unique chart id
 * @param title chart title
 * @param valueLabel x-axis label (e.g. "Share of stratum (%)")
 * @param groupLabels one label per bar
 * @param categoryLabels one label per category, in order
 * @param counts [group][category] counts, non-negative
 */
public record StackedBarChart(String id, String title, String valueLabel, List<String> groupLabels,
                              List<String> categoryLabels, long[][] counts) {

  /** Checks shapes and copies the data. */
  public StackedBarChart {
    groupLabels = List.copyOf(groupLabels);
    categoryLabels = List.copyOf(categoryLabels);
    if (counts.length != groupLabels.size()) {
      throw new IllegalArgumentException("bar chart " + id + ": group count mismatch");
    }
    long[][] c = new long[counts.length][];
    for (int g = 0; g < counts.length; g++) {
      if (counts[g].length != categoryLabels.size()) {
        throw new IllegalArgumentException("bar chart " + id + ": category count mismatch in group " + g);
      }
      for (long v : counts[g]) {
        if (v < 0) {
          throw new IllegalArgumentException("bar chart " + id + ": negative count");
        }
      }
      c[g] = counts[g].clone();
    }
    counts = c;
  }

  @Override
  public long[][] counts() {
    long[][] c = new long[counts.length][];
    for (int g = 0; g < c.length; g++) {
      c[g] = counts[g].clone();
    }
    return c;
  }

  /** @return the colour of category {@code index} on the sequential scale */
  String categoryColour(int index) {
    int n = categoryLabels.size();
    double t = n == 1 ? 0.5 : 0.08 + 0.84 * index / (n - 1);
    return ColourScale.sequential(0, 1).colour(t);
  }

  /** @return the chart as a standalone SVG document */
  public String render() {
    List<LegendEntry> legend = new ArrayList<>();
    for (int c = 0; c < categoryLabels.size(); c++) {
      legend.add(new LegendEntry(categoryLabels.get(c), categoryColour(c), "", null, LegendEntry.Kind.SWATCH));
    }
    double labelWidth = 0;
    for (String s : groupLabels) {
      labelWidth = Math.max(labelWidth, ChartFrame.textWidth(s, ChartFrame.TICK_SIZE));
    }
    double barH = 30;
    double gap = 12;
    double width = 720;
    double height = Math.max(44 + groupLabels.size() * (barH + gap) + 56, 44 + legend.size() * 20 + 30);
    ChartFrame f = new ChartFrame(width, height, Math.max(80, labelWidth + 22), 50, legend);
    LinearScale xs = LinearScale.exact(0, 100, f.left, f.right, 5);

    SvgCanvas svg = new SvgCanvas(id, f.width, f.height, title, "Stacked bars of " + categoryLabels.size()
        + " categories as percent of each of " + groupLabels.size() + " groups.");
    f.title(svg, title);
    f.xAxis(svg, xs, valueLabel, true);
    for (int g = 0; g < groupLabels.size(); g++) {
      long total = 0;
      for (long v : counts[g]) {
        total += v;
      }
      double y = f.top + 6 + g * (barH + gap);
      svg.text(f.left - 8, y + barH / 2 + 4, groupLabels.get(g), "end", ChartFrame.TICK_SIZE, "");
      double cum = 0;
      for (int c = 0; c < categoryLabels.size(); c++) {
        double pct = total == 0 ? 0 : 100.0 * counts[g][c] / total;
        double x0 = xs.map(cum);
        double x1 = xs.map(cum + pct);
        String fill = categoryColour(c);
        svg.groupWithTooltip(groupLabels.get(g) + ", " + categoryLabels.get(c) + ": " + counts[g][c]
            + " (" + LinearScale.formatWithStep(pct, 0.1) + "%)", SvgCanvas.attr("class", "segment"));
        svg.rect(x0, y, x1 - x0, barH, fill, SvgCanvas.attr("stroke", "#FFFFFF") + SvgCanvas.attr("stroke-width", 1));
        if (x1 - x0 >= 30) {
          svg.text((x0 + x1) / 2, y + barH / 2 + 4, LinearScale.formatWithStep(pct, 1) + "%", "middle", 11,
              SvgCanvas.attr("fill", ColourScale.textColourOn(fill)));
        }
        svg.endGroup();
        cum += pct;
      }
    }
    f.legend(svg, legend);
    return svg.finish();
  }
}
