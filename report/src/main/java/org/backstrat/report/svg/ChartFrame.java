package org.backstrat.report.svg;

import java.util.List;

/**
 * Layout shared by the x–y charts: title, plot rectangle, grid, ticks, axis labels and a
 * legend on the right. Package-private: charts compose it, users never see it.
 */
final class ChartFrame {
  static final double TITLE_SIZE = 15;
  static final double LABEL_SIZE = 13;
  static final double TICK_SIZE = 12;
  static final String AXIS_COLOUR = "#333333";
  static final String GRID_COLOUR = "#E3E3E3";

  final double width;
  final double height;
  final double left;
  final double top;
  final double right;
  final double bottom;
  /**
   * Legends wider than this (or than 30% of the chart) go below the plot, in columns, so they
   * never crowd it or get cut.
   */
  static final double MAX_SIDE_LEGEND_PX = 190;
  final boolean legendBelow;
  final int legendColumns;
  private final double axisLabelY;

  /**
   * Lays out a chart of nominal size; a wide legend goes below the plot and makes the chart
   * taller than nominal ({@link #height} is the final height).
   */
  ChartFrame(double width, double nominalHeight, double leftMargin, double bottomMargin,
             List<LegendEntry> legend) {
    this.width = width;
    this.left = leftMargin;
    this.top = 44;
    double side = legendWidth(legend);
    this.legendBelow = side > MAX_SIDE_LEGEND_PX || side > width * 0.3;
    this.bottom = nominalHeight - bottomMargin;
    this.axisLabelY = nominalHeight - 12;
    if (legendBelow) {
      this.right = width - 20;
      this.legendColumns = Math.max(1, (int) Math.floor((width - leftMargin) / (side + 12)));
      int rows = (legend.size() + legendColumns - 1) / legendColumns;
      this.height = nominalHeight + rows * 20 + 10;
    } else {
      this.right = width - side - 14;
      this.legendColumns = 1;
      this.height = nominalHeight;
    }
  }

  /** Estimated width of text in pixels (0.58 em per character, generous for digits). */
  static double textWidth(String s, double sizePx) {
    return s == null ? 0 : s.length() * sizePx * 0.58;
  }

  static double legendWidth(List<LegendEntry> legend) {
    if (legend.isEmpty()) {
      return 0;
    }
    double w = 0;
    for (LegendEntry e : legend) {
      w = Math.max(w, textWidth(e.label(), TICK_SIZE));
    }
    return w + 46;
  }

  void title(SvgCanvas svg, String title) {
    svg.text(12, 24, title, "start", TITLE_SIZE, SvgCanvas.attr("font-weight", "bold"));
  }

  /** Draws horizontal grid lines, y ticks and the y-axis label. */
  void yAxis(SvgCanvas svg, LinearScale y, String label) {
    for (double t : y.ticks()) {
      double py = y.map(t);
      svg.line(left, py, right, py, GRID_COLOUR, 1, "");
      svg.line(left - 5, py, left, py, AXIS_COLOUR, 1, "");
      svg.text(left - 8, py + 4, y.label(t), "end", TICK_SIZE, "");
    }
    svg.line(left, top, left, bottom, AXIS_COLOUR, 1, "");
    svg.rotatedText(16, (top + bottom) / 2, label, "middle", LABEL_SIZE, -90, "");
  }

  /** Draws x ticks and the x-axis label (grid lines only when {@code grid}). */
  void xAxis(SvgCanvas svg, LinearScale x, String label, boolean grid) {
    for (double t : x.ticks()) {
      double px = x.map(t);
      if (grid) {
        svg.line(px, top, px, bottom, GRID_COLOUR, 1, "");
      }
      svg.line(px, bottom, px, bottom + 5, AXIS_COLOUR, 1, "");
      svg.text(px, bottom + 19, x.label(t), "middle", TICK_SIZE, "");
    }
    svg.line(left, bottom, right, bottom, AXIS_COLOUR, 1, "");
    svg.text((left + right) / 2, axisLabelY, label, "middle", LABEL_SIZE, "");
  }

  /** Draws the legend to the right of the plot area. */
  void legend(SvgCanvas svg, List<LegendEntry> legend) {
    if (legend.isEmpty()) {
      return;
    }
    svg.group(SvgCanvas.attr("class", "legend"));
    if (legendBelow) {
      double columnWidth = (width - left) / legendColumns;
      for (int i = 0; i < legend.size(); i++) {
        double x = left + (i % legendColumns) * columnWidth;
        double y = axisLabelY + 22 + (i / legendColumns) * 20;
        drawSample(svg, legend.get(i), x, y);
        svg.text(x + 34, y + 4, legend.get(i).label(), "start", TICK_SIZE, "");
      }
    } else {
      double x = right + 16;
      double y = top + 4;
      for (LegendEntry e : legend) {
        drawSample(svg, e, x, y);
        svg.text(x + 34, y + 4, e.label(), "start", TICK_SIZE, "");
        y += 20;
      }
    }
    svg.endGroup();
  }

  static void drawSample(SvgCanvas svg, LegendEntry e, double x, double y) {
    switch (e.kind()) {
      case LINE -> {
        String dash = e.dash().isEmpty() ? "" : SvgCanvas.attr("stroke-dasharray", e.dash());
        svg.line(x, y, x + 26, y, e.colour(), 2.5, dash);
        if (e.marker() != null) {
          marker(svg, e.marker(), x + 13, y, 3.5, e.colour());
        }
      }
      case SWATCH -> svg.rect(x + 5, y - 7, 16, 14, e.colour(),
          SvgCanvas.attr("stroke", "#555555") + SvgCanvas.attr("stroke-width", 0.5));
      case MARKER -> marker(svg, e.marker() == null ? Palette.Marker.CIRCLE : e.marker(), x + 13, y, 4.5, e.colour());
      case BAND -> svg.rect(x, y - 7, 26, 14, e.colour(), SvgCanvas.attr("fill-opacity", 0.25));
    }
  }

  static void marker(SvgCanvas svg, Palette.Marker m, double cx, double cy, double r, String colour) {
    if (m.strokeOnly()) {
      svg.path(m.path(cx, cy, r), "none", colour, 2, "");
    } else {
      svg.path(m.path(cx, cy, r), colour, "#FFFFFF", 0.6, "");
    }
  }
}
