package org.backstrat.report.svg;

import java.util.List;
import java.util.Locale;

/**
 * A forest plot: one row per estimate, a point at the odds ratio and a horizontal line across its
 * confidence interval, on a logarithmic axis with a dashed line at 1 (no association). Rows are
 * labelled on the left; rows of the same group share a colour (colour is a second cue only: the
 * label names the group). Non-finite values are drawn as "not estimable".
 *
 * @param id page-unique chart id
 * @param title chart title
 * @param axisLabel x-axis label
 * @param rows the estimates, top to bottom
 * @param widthPx nominal width
 */
public record ForestPlot(String id, String title, String axisLabel, List<Row> rows,
                         double widthPx) {

  /**
   * One estimate.
   *
   * @param label row label
   * @param group colour index (e.g. the stratum)
   * @param estimate the odds ratio (> 0)
   * @param lower lower confidence limit
   * @param upper upper confidence limit
   */
  public record Row(String label, int group, double estimate, double lower, double upper) {
  }

  /** Copies the list. */
  public ForestPlot {
    rows = List.copyOf(rows);
  }

  private static final double ROW_PX = 22;

  /** @return the chart as a standalone SVG document */
  public String render() {
    double longest = 0;
    double lo = 0;
    double hi = 0;
    for (Row r : rows) {
      longest = Math.max(longest, ChartFrame.textWidth(r.label(), ChartFrame.TICK_SIZE));
      for (double v : new double[] {r.estimate(), r.lower(), r.upper()}) {
        if (v > 0 && Double.isFinite(v)) {
          lo = Math.min(lo, Math.log10(v));
          hi = Math.max(hi, Math.log10(v));
        }
      }
    }
    double height = 44 + 50 + ROW_PX * Math.max(1, rows.size());
    ChartFrame f = new ChartFrame(widthPx, height, Math.min(widthPx * 0.45, longest + 20), 50,
        List.of());
    double from = Math.floor(lo);
    double to = Math.max(from + 1, Math.ceil(hi));
    LinearScale xs = LinearScale.exact(from, to, f.left + 6, f.right - 24, 5); // room for the end labels
    SvgCanvas svg = new SvgCanvas(id, f.width, f.height, title, "Forest plot of " + rows.size()
        + " odds ratios with confidence intervals on a logarithmic axis.");
    f.title(svg, title);
    for (double t : ticks(from, to)) {
      double px = xs.map(t);
      svg.line(px, f.top, px, f.bottom, ChartFrame.GRID_COLOUR, 1, "");
      svg.line(px, f.bottom, px, f.bottom + 5, ChartFrame.AXIS_COLOUR, 1, "");
      svg.text(px, f.bottom + 19, tick(t), "middle", ChartFrame.TICK_SIZE, "");
    }
    svg.line(f.left, f.bottom, f.right, f.bottom, ChartFrame.AXIS_COLOUR, 1, "");
    svg.text((f.left + f.right) / 2, f.height - 12, axisLabel, "middle", ChartFrame.LABEL_SIZE, "");
    svg.line(xs.map(0), f.top, xs.map(0), f.bottom, "#333333", 1.2,
        SvgCanvas.attr("stroke-dasharray", "4 3"));
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      double y = f.top + ROW_PX * (i + 0.5);
      svg.text(f.left - 8, y + 4, r.label(), "end", ChartFrame.TICK_SIZE, "");
      if (!(r.estimate() > 0 && Double.isFinite(r.estimate()) && r.lower() > 0
          && Double.isFinite(r.upper()))) {
        svg.text(f.left + 8, y + 4, "not estimable", "start", 11,
            SvgCanvas.attr("fill", "#666666"));
        continue;
      }
      String colour = Palette.colour(r.group());
      svg.groupWithTooltip(r.label() + ": " + num(r.estimate()) + " (" + num(r.lower()) + " to "
          + num(r.upper()) + ")", SvgCanvas.attr("class", "estimate"));
      svg.line(xs.map(Math.log10(r.lower())), y, xs.map(Math.log10(r.upper())), y, colour, 2, "");
      svg.rect(xs.map(Math.log10(r.estimate())) - 4, y - 4, 8, 8, colour, "");
      svg.endGroup();
    }
    return svg.finish();
  }

  /**
   * Tick positions (log10 of the odds ratio) between whole decades from and to: 1, 2 and 5 times
   * each power of ten over at most two decades, else powers of ten, thinned to about eight.
   */
  static double[] ticks(double from, double to) {
    java.util.List<Double> out = new java.util.ArrayList<>();
    if (to - from <= 2) {
      for (double d = from; d <= to; d++) {
        for (double m : new double[] {1, 2, 5}) {
          double t = d + Math.log10(m);
          if (t <= to + 1e-9) {
            out.add(t);
          }
        }
      }
    } else {
      double step = Math.ceil((to - from) / 8);
      for (double d = from; d <= to + 1e-9; d += step) {
        out.add(d);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** A tick at log10 value t as an odds ratio: 0.1, 0.2, 0.5, 1, 2, 5, 10, or 1e+05 beyond. */
  static String tick(double t) {
    double v = Math.pow(10, t);
    if (v >= 1e4 || v < 1e-3) {
      return String.format(Locale.ROOT, "%.0e", v);
    }
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros()
        .toPlainString();
  }

  private static String num(double v) {
    if (v >= 1e4 || v < 1e-3) {
      return String.format(Locale.ROOT, "%.2g", v);
    }
    return String.format(Locale.ROOT, v >= 10 ? "%.0f" : v >= 1 ? "%.2f" : "%.3f", v);
  }
}
