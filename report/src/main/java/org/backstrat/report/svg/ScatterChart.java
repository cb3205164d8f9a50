package org.backstrat.report.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * 2-D scatter coloured and shaped by group, with outliers drawn as a black cross on top (shape,
 * not only colour, marks them). With more than {@code maxPoints} points, every ⌈n/maxPoints⌉-th
 * point is drawn (a deterministic thinning) and the description says so, to keep the page small.
 *
 * @param id page-unique chart id
 * @param title chart title
 * @param xLabel x-axis label
 * @param yLabel y-axis label
 * @param groupNames legend name per group index
 * @param x x coordinates
 * @param y y coordinates
 * @param group group index per point (0-based into groupNames)
 * @param outlier outlier flag per point
 * @param outlierLabel legend label of outliers
 * @param maxPoints most points drawn
 */
public record ScatterChart(String id, String title, String xLabel, String yLabel, List<String> groupNames,
                           double[] x, double[] y, int[] group, boolean[] outlier, String outlierLabel,
                           int maxPoints) {

  /** Checks lengths and copies the arrays. */
  public ScatterChart {
    groupNames = List.copyOf(groupNames);
    if (y.length != x.length || group.length != x.length || outlier.length != x.length) {
      throw new IllegalArgumentException("scatter " + id + ": arrays differ in length");
    }
    for (int g : group) {
      if (g < 0 || g >= groupNames.size()) {
        throw new IllegalArgumentException("scatter " + id + ": group index " + g + " has no name");
      }
    }
    if (maxPoints < 1) {
      throw new IllegalArgumentException("scatter " + id + ": maxPoints must be positive");
    }
    x = x.clone();
    y = y.clone();
    group = group.clone();
    outlier = outlier.clone();
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }

  @Override
  public int[] group() {
    return group.clone();
  }

  @Override
  public boolean[] outlier() {
    return outlier.clone();
  }

  /** @return the thinning stride: every stride-th point is drawn */
  public int stride() {
    return Math.max(1, (x.length + maxPoints - 1) / maxPoints);
  }

  /** @return the chart as a standalone SVG document */
  public String render() {
    List<LegendEntry> legend = new ArrayList<>();
    for (int g = 0; g < groupNames.size(); g++) {
      legend.add(new LegendEntry(groupNames.get(g), Palette.colour(g), "", Palette.marker(g), LegendEntry.Kind.MARKER));
    }
    legend.add(new LegendEntry(outlierLabel, "#000000", "", Palette.Marker.CROSS, LegendEntry.Kind.MARKER));
    ChartFrame f = new ChartFrame(720, 480, 64, 50, legend);
    double xlo = Double.POSITIVE_INFINITY;
    double xhi = Double.NEGATIVE_INFINITY;
    double ylo = Double.POSITIVE_INFINITY;
    double yhi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        xlo = Math.min(xlo, x[i]);
        xhi = Math.max(xhi, x[i]);
        ylo = Math.min(ylo, y[i]);
        yhi = Math.max(yhi, y[i]);
      }
    }
    if (xlo > xhi) {
      xlo = ylo = 0;
      xhi = yhi = 1;
    }
    double padX = (xhi - xlo) * 0.03;
    double padY = (yhi - ylo) * 0.03;
    LinearScale xs = LinearScale.nice(xlo - padX, xhi + padX, f.left, f.right, 8);
    LinearScale ys = LinearScale.nice(ylo - padY, yhi + padY, f.bottom, f.top, 6);
    int stride = stride();
    int drawn = (x.length + stride - 1) / stride;
    String desc = "Scatter of " + x.length + " points in " + groupNames.size() + " groups"
        + (stride > 1 ? ", every " + stride + "th point drawn (" + drawn + " shown)" : "") + "; outliers as crosses.";
    SvgCanvas svg = new SvgCanvas(id, f.width, f.height, title, desc);
    f.title(svg, title);
    f.yAxis(svg, ys, yLabel);
    f.xAxis(svg, xs, xLabel, true);
    for (int g = 0; g < groupNames.size(); g++) {
      StringBuilder d = new StringBuilder();
      for (int i = 0; i < x.length; i += stride) {
        if (group[i] == g && !outlier[i] && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
          d.append(Palette.marker(g).path(xs.map(x[i]), ys.map(y[i]), 3.2));
        }
      }
      if (d.length() > 0) {
        svg.groupWithTooltip(groupNames.get(g), SvgCanvas.attr("class", "points"));
        svg.path(d.toString(), Palette.colour(g), "#FFFFFF", 0.4, SvgCanvas.attr("fill-opacity", 0.75));
        svg.endGroup();
      }
    }
    StringBuilder crosses = new StringBuilder();
    for (int i = 0; i < x.length; i += stride) {
      if (outlier[i] && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        crosses.append(Palette.Marker.CROSS.path(xs.map(x[i]), ys.map(y[i]), 3.5));
      }
    }
    if (crosses.length() > 0) {
      svg.groupWithTooltip(outlierLabel, SvgCanvas.attr("class", "outliers"));
      svg.path(crosses.toString(), "none", "#000000", 1.6, "");
      svg.endGroup();
    }
    f.legend(svg, legend);
    return svg.finish();
  }
}
