package org.backstrat.report.svg;

import java.util.List;

/**
 * Vertical box plots, one per group: box from Q1 to Q3, a thick median line, whiskers to the
 * given ends. Groups are named on the x axis (colour is a second cue only). A group whose
 * numbers are missing (NaN) is shown as "no data".
 *
 * @param id page-unique chart id
 * @param title chart title
 * @param valueLabel y-axis label with unit
 * @param groupTitle x-axis label (e.g. "Stratum")
 * @param boxes one box per group, in order
 * @param whiskerNote legend text saying what the whiskers show (e.g. "whiskers: min–max"); null = no legend
 * @param widthPx nominal width
 * @param heightPx nominal height
 */
public record BoxPlotChart(String id, String title, String valueLabel, String groupTitle, List<BoxStats> boxes,
                           String whiskerNote, double widthPx, double heightPx) {

  /** Copies the list. */
  public BoxPlotChart {
    boxes = List.copyOf(boxes);
  }

  /** @return the chart as a standalone SVG document */
  public String render() {
    List<LegendEntry> legend = whiskerNote == null ? List.of() : List.of(
        new LegendEntry("box: Q1–Q3", "#BBBBBB", "", null, LegendEntry.Kind.SWATCH),
        new LegendEntry("line: median", "#000000", "", null, LegendEntry.Kind.LINE),
        new LegendEntry(whiskerNote, "#555555", "2 3", null, LegendEntry.Kind.LINE));
    double longest = 0;
    for (BoxStats b : boxes) {
      longest = Math.max(longest, ChartFrame.textWidth(b.label(), ChartFrame.TICK_SIZE));
    }
    ChartFrame probe = new ChartFrame(widthPx, heightPx, 64, 50, legend);
    double slot = (probe.right - probe.left) / Math.max(1, boxes.size());
    boolean rotate = longest > slot - 4;
    double bottomMargin = rotate ? Math.min(120, longest * 0.71 + 36) : 50;
    ChartFrame f = new ChartFrame(widthPx, heightPx, 64, bottomMargin, legend);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (BoxStats b : boxes) {
      for (double v : new double[] {b.lowerWhisker(), b.q1(), b.median(), b.q3(), b.upperWhisker()}) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (lo > hi) {
      lo = 0;
      hi = 1;
    }
    LinearScale ys = LinearScale.nice(lo, hi, f.bottom, f.top, 5);
    SvgCanvas svg = new SvgCanvas(id, f.width, f.height, title, "Box plots of " + valueLabel + " for "
        + boxes.size() + " groups.");
    f.title(svg, title);
    f.yAxis(svg, ys, valueLabel);
    svg.line(f.left, f.bottom, f.right, f.bottom, ChartFrame.AXIS_COLOUR, 1, "");
    double boxW = Math.min(56, slot * 0.55);
    for (int i = 0; i < boxes.size(); i++) {
      BoxStats b = boxes.get(i);
      double cx = f.left + slot * (i + 0.5);
      if (rotate) {
        svg.rotatedText(cx + 4, f.bottom + 14, b.label(), "end", ChartFrame.TICK_SIZE, -45, "");
      } else {
        svg.text(cx, f.bottom + 19, b.label(), "middle", ChartFrame.TICK_SIZE, "");
      }
      if (!(Double.isFinite(b.q1()) && Double.isFinite(b.median()) && Double.isFinite(b.q3()))) {
        svg.text(cx, (f.top + f.bottom) / 2, "no data", "middle", 11, SvgCanvas.attr("fill", "#666666"));
        continue;
      }
      String colour = Palette.colour(b.style());
      svg.groupWithTooltip(b.label() + ": whiskers " + fmt(b.lowerWhisker()) + "–" + fmt(b.upperWhisker())
          + ", Q1 " + fmt(b.q1()) + ", median " + fmt(b.median()) + ", Q3 " + fmt(b.q3()), SvgCanvas.attr("class", "box"));
      if (Double.isFinite(b.lowerWhisker())) {
        svg.line(cx, ys.map(b.lowerWhisker()), cx, ys.map(b.q1()), "#333333", 1.3, SvgCanvas.attr("stroke-dasharray", "2 3"));
        svg.line(cx - boxW / 4, ys.map(b.lowerWhisker()), cx + boxW / 4, ys.map(b.lowerWhisker()), "#333333", 1.3, "");
      }
      if (Double.isFinite(b.upperWhisker())) {
        svg.line(cx, ys.map(b.q3()), cx, ys.map(b.upperWhisker()), "#333333", 1.3, SvgCanvas.attr("stroke-dasharray", "2 3"));
        svg.line(cx - boxW / 4, ys.map(b.upperWhisker()), cx + boxW / 4, ys.map(b.upperWhisker()), "#333333", 1.3, "");
      }
      double top = ys.map(b.q3());
      double bottom = ys.map(b.q1());
      svg.rect(cx - boxW / 2, top, boxW, Math.max(1, bottom - top), colour,
          SvgCanvas.attr("fill-opacity", 0.45) + SvgCanvas.attr("stroke", colour) + SvgCanvas.attr("stroke-width", 1.5));
      svg.line(cx - boxW / 2, ys.map(b.median()), cx + boxW / 2, ys.map(b.median()), "#000000", 3, "");
      svg.endGroup();
    }
    svg.text((f.left + f.right) / 2, heightPx - 10, groupTitle, "middle", ChartFrame.LABEL_SIZE, "");
    f.legend(svg, legend);
    return svg.finish();
  }

  private static String fmt(double v) {
    return Double.isFinite(v) ? LinearScale.formatWithStep(v, 0.01) : "n/a";
  }
}
