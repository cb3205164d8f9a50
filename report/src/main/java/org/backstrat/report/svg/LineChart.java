package org.backstrat.report.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * Line chart with several series, optional bands and error bars, reference lines and one
 * optional shaded x range (e.g. the thresholds where a model has the highest net benefit).
 * Series differ by colour, dash pattern and (with markers) shape.
 *
 * @param id page-unique chart id
 * @param title chart title
 * @param xLabel x-axis label with unit
 * @param yLabel y-axis label with unit
 * @param series the lines, drawn in order
 * @param references reference lines
 * @param shadedFrom start of the shaded x range (NaN = none)
 * @param shadedTo end of the shaded x range (NaN = none)
 * @param shadedLabel legend label of the shaded range
 * @param yMin fixed lower y limit, values below are clipped (NaN = from the data)
 * @param yMax fixed upper y limit (NaN = from the data)
 * @param integerX whether x ticks must be whole numbers (e.g. K)
 * @param widthPx nominal width
 * @param heightPx nominal height
 */
public record LineChart(String id, String title, String xLabel, String yLabel, List<LineSeries> series,
                        List<ReferenceLine> references, double shadedFrom, double shadedTo,
                        String shadedLabel, double yMin, double yMax, boolean integerX,
                        double widthPx, double heightPx) {

  /** Copies the lists. */
  public LineChart {
    series = List.copyOf(series);
    references = List.copyOf(references);
  }

  /** A 720 × 400 chart with automatic limits and no reference lines. */
  public static LineChart of(String id, String title, String xLabel, String yLabel, List<LineSeries> series) {
    return new LineChart(id, title, xLabel, yLabel, series, List.of(), Double.NaN, Double.NaN, null,
        Double.NaN, Double.NaN, false, 720, 400);
  }

  /** A copy with these reference lines. */
  public LineChart withReferences(List<ReferenceLine> lines) {
    return new LineChart(id, title, xLabel, yLabel, series, lines, shadedFrom, shadedTo, shadedLabel,
        yMin, yMax, integerX, widthPx, heightPx);
  }

  /** A copy with a shaded x range. */
  public LineChart withShadedRange(double from, double to, String label) {
    return new LineChart(id, title, xLabel, yLabel, series, references, from, to, label,
        yMin, yMax, integerX, widthPx, heightPx);
  }

  /** A copy with fixed y limits (NaN keeps that limit automatic). */
  public LineChart withYLimits(double min, double max) {
    return new LineChart(id, title, xLabel, yLabel, series, references, shadedFrom, shadedTo,
        shadedLabel, min, max, integerX, widthPx, heightPx);
  }

  /** A copy whose x ticks are whole numbers. */
  public LineChart withIntegerX() {
    return new LineChart(id, title, xLabel, yLabel, series, references, shadedFrom, shadedTo,
        shadedLabel, yMin, yMax, true, widthPx, heightPx);
  }

  /** A copy with another nominal size. */
  public LineChart withSize(double width, double height) {
    return new LineChart(id, title, xLabel, yLabel, series, references, shadedFrom, shadedTo,
        shadedLabel, yMin, yMax, integerX, width, height);
  }

  private int styleOf(int position) {
    int s = series.get(position).style();
    return s >= 0 ? s : position;
  }

  /** @return the chart as a standalone SVG document */
  public String render() {
    List<LegendEntry> legend = legend();
    ChartFrame f = new ChartFrame(widthPx, heightPx, 72, 50, legend);
    double[] xr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    double[] yr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (LineSeries s : series) {
      double[] x = s.x();
      double[] y = s.y();
      double[] lo = s.lower();
      double[] hi = s.upper();
      double[] e = s.errorHalfWidth();
      for (int i = 0; i < x.length; i++) {
        extend(xr, x[i]);
        extend(yr, y[i]);
        if (lo != null) {
          extend(yr, lo[i]);
          extend(yr, hi[i]);
        }
        if (e != null && Double.isFinite(e[i])) {
          extend(yr, y[i] - e[i]);
          extend(yr, y[i] + e[i]);
        }
      }
    }
    for (ReferenceLine r : references) {
      extend(r.vertical() ? xr : yr, r.value());
    }
    if (!Double.isNaN(yMin)) {
      yr[0] = yMin;
    }
    if (!Double.isNaN(yMax)) {
      yr[1] = yMax;
    }
    if (yr[0] > yr[1]) {
      yr[0] = 0;
      yr[1] = 1;
    }
    if (xr[0] > xr[1]) {
      xr[0] = 0;
      xr[1] = 1;
    }
    LinearScale xs = xScale(f, xr);
    LinearScale ys = Double.isNaN(yMin) && Double.isNaN(yMax)
        ? LinearScale.nice(yr[0], yr[1], f.bottom, f.top, 6)
        : LinearScale.exact(yr[0], yr[1], f.bottom, f.top, 6);

    SvgCanvas svg = new SvgCanvas(id, f.width, f.height, title, description());
    f.title(svg, title);
    if (Double.isFinite(shadedFrom) && Double.isFinite(shadedTo)) {
      double a = clamp(xs.map(shadedFrom), f.left, f.right);
      double b = clamp(xs.map(shadedTo), f.left, f.right);
      svg.rect(Math.min(a, b), f.top, Math.abs(b - a), f.bottom - f.top, "#009E73",
          SvgCanvas.attr("fill-opacity", 0.12) + SvgCanvas.attr("class", "shaded-range"));
    }
    f.yAxis(svg, ys, yLabel);
    f.xAxis(svg, xs, xLabel, false);
    String clip = svg.clipRect("plot", f.left - 6, f.top - 6, f.right - f.left + 12, f.bottom - f.top + 12);
    svg.group(SvgCanvas.attr("clip-path", "url(#" + clip + ")"));
    for (int k = 0; k < series.size(); k++) {
      drawBand(svg, series.get(k), xs, ys, Palette.colour(styleOf(k)));
    }
    for (ReferenceLine r : references) {
      drawReference(svg, f, r, xs, ys);
    }
    for (int k = 0; k < series.size(); k++) {
      drawSeries(svg, series.get(k), xs, ys, styleOf(k));
    }
    svg.endGroup();
    f.legend(svg, legend);
    return svg.finish();
  }

  private LinearScale xScale(ChartFrame f, double[] xr) {
    if (integerX) {
      double lo = Math.floor(xr[0]);
      double hi = Math.ceil(xr[1]);
      if (hi <= lo) {
        hi = lo + 1;
      }
      double step = Math.max(1, Math.ceil(LinearScale.niceStep((hi - lo) / 8)));
      double pad = 0.3;
      return new LinearScale(lo - pad, hi + pad, f.left, f.right, step);
    }
    return LinearScale.nice(xr[0], xr[1], f.left, f.right, 8);
  }

  private static void drawBand(SvgCanvas svg, LineSeries s, LinearScale xs, LinearScale ys, String colour) {
    double[] lo = s.lower();
    if (lo == null) {
      return;
    }
    double[] hi = s.upper();
    double[] x = s.x();
    int i = 0;
    while (i < x.length) {
      while (i < x.length && !finite(x[i], lo[i], hi[i])) {
        i++;
      }
      int start = i;
      while (i < x.length && finite(x[i], lo[i], hi[i])) {
        i++;
      }
      if (i - start >= 2) {
        PathData p = new PathData();
        for (int j = start; j < i; j++) {
          double px = xs.map(x[j]);
          double py = ys.map(hi[j]);
          if (j == start) {
            p.moveTo(px, py);
          } else {
            p.lineTo(px, py);
          }
        }
        for (int j = i - 1; j >= start; j--) {
          p.lineTo(xs.map(x[j]), ys.map(lo[j]));
        }
        p.close();
        svg.path(p.toString(), colour, "none", 0, SvgCanvas.attr("fill-opacity", 0.2)
            + SvgCanvas.attr("class", "band"));
      }
    }
  }

  private static void drawSeries(SvgCanvas svg, LineSeries s, LinearScale xs, LinearScale ys, int style) {
    String colour = Palette.colour(style);
    double[] x = s.x();
    double[] y = s.y();
    PathData p = new PathData();
    boolean pen = false;
    for (int i = 0; i < x.length; i++) {
      if (finite(x[i], y[i], 0)) {
        if (pen) {
          p.lineTo(xs.map(x[i]), ys.map(y[i]));
        } else {
          p.moveTo(xs.map(x[i]), ys.map(y[i]));
        }
        pen = true;
      } else {
        pen = false;
      }
    }
    String dash = Palette.dash(style);
    svg.groupWithTooltip(s.name(), SvgCanvas.attr("class", "series"));
    if (!p.isEmpty()) {
      svg.path(p.toString(), "none", colour, 2.2, (dash.isEmpty() ? "" : SvgCanvas.attr("stroke-dasharray", dash))
          + SvgCanvas.attr("stroke-linejoin", "round"));
    }
    double[] e = s.errorHalfWidth();
    if (e != null) {
      for (int i = 0; i < x.length; i++) {
        if (finite(x[i], y[i], e[i])) {
          double px = xs.map(x[i]);
          double y1 = ys.map(y[i] - e[i]);
          double y2 = ys.map(y[i] + e[i]);
          svg.line(px, y1, px, y2, colour, 1.5, "");
          svg.line(px - 5, y1, px + 5, y1, colour, 1.5, "");
          svg.line(px - 5, y2, px + 5, y2, colour, 1.5, "");
        }
      }
    }
    if (s.markers()) {
      for (int i = 0; i < x.length; i++) {
        if (finite(x[i], y[i], 0)) {
          ChartFrame.marker(svg, Palette.marker(style), xs.map(x[i]), ys.map(y[i]), 4.5, colour);
        }
      }
    }
    svg.endGroup();
  }

  private static void drawReference(SvgCanvas svg, ChartFrame f, ReferenceLine r, LinearScale xs, LinearScale ys) {
    String style = SvgCanvas.attr("stroke-dasharray", "3 3") + SvgCanvas.attr("class", "reference");
    if (r.vertical()) {
      double px = xs.map(r.value());
      svg.line(px, f.top, px, f.bottom, "#666666", 1.2, style);
      svg.text(px + 4, f.top + 12, r.label(), "start", ChartFrame.TICK_SIZE - 1, SvgCanvas.attr("fill", "#444444"));
    } else {
      double py = ys.map(r.value());
      svg.line(f.left, py, f.right, py, "#666666", 1.2, style);
      svg.text(f.right - 4, py - 4, r.label(), "end", ChartFrame.TICK_SIZE - 1, SvgCanvas.attr("fill", "#444444"));
    }
  }

  private List<LegendEntry> legend() {
    List<LegendEntry> entries = new ArrayList<>();
    for (int k = 0; k < series.size(); k++) {
      LineSeries s = series.get(k);
      int st = styleOf(k);
      entries.add(new LegendEntry(s.name(), Palette.colour(st), Palette.dash(st),
          s.markers() ? Palette.marker(st) : null, LegendEntry.Kind.LINE));
      if (s.lower() != null && s.bandLabel() != null) {
        entries.add(new LegendEntry(s.bandLabel(), Palette.colour(st), "", null, LegendEntry.Kind.BAND));
      }
    }
    if (Double.isFinite(shadedFrom) && Double.isFinite(shadedTo) && shadedLabel != null) {
      entries.add(new LegendEntry(shadedLabel, "#009E73", "", null, LegendEntry.Kind.BAND));
    }
    return entries;
  }

  private String description() {
    StringBuilder sb = new StringBuilder("Line chart of ").append(yLabel).append(" against ").append(xLabel)
        .append(" with ").append(series.size()).append(" series: ");
    for (int k = 0; k < series.size(); k++) {
      sb.append(k == 0 ? "" : ", ").append(series.get(k).name());
    }
    return sb.append('.').toString();
  }

  private static void extend(double[] range, double v) {
    if (Double.isFinite(v)) {
      range[0] = Math.min(range[0], v);
      range[1] = Math.max(range[1], v);
    }
  }

  private static boolean finite(double a, double b, double c) {
    return Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
