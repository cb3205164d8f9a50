package org.backstrat.report.svg;

import java.util.List;

/**
 * Heatmap of a rows × columns matrix with each cell's value printed in it (so the colour is
 * never the only carrier of the number) and a colour legend. Serves standardised centroids
 * (diverging scale about 0) and confusion matrices (sequential scale).
 *
 * @param id page-unique chart id
 * @param title chart title
 * @param rowTitle what the rows are (e.g. "Stratum", "True stratum")
 * @param columnTitle what the columns are (e.g. "Feature", "Predicted stratum")
 * @param rowLabels one label per row
 * @param columnLabels one label per column
 * @param values matrix [row][column] that sets the colour (NaN = grey)
 * @param cellText text printed in each cell, lines split by '\n'
 * @param scale colour scale
 * @param legendTitle title of the colour legend, with unit
 */
public record Heatmap(String id, String title, String rowTitle, String columnTitle, List<String> rowLabels,
                      List<String> columnLabels, double[][] values, String[][] cellText,
                      ColourScale scale, String legendTitle) {
  private static final double LEGEND_WIDTH = 220;

  /** Checks shapes and copies the data. */
  public Heatmap {
    rowLabels = List.copyOf(rowLabels);
    columnLabels = List.copyOf(columnLabels);
    if (values.length != rowLabels.size() || cellText.length != rowLabels.size()) {
      throw new IllegalArgumentException("heatmap " + id + ": row count mismatch");
    }
    double[][] v = new double[values.length][];
    String[][] t = new String[values.length][];
    for (int r = 0; r < values.length; r++) {
      if (values[r].length != columnLabels.size() || cellText[r].length != columnLabels.size()) {
        throw new IllegalArgumentException("heatmap " + id + ": column count mismatch in row " + r);
      }
      v[r] = values[r].clone();
      t[r] = cellText[r].clone();
    }
    values = v;
    cellText = t;
  }

  @Override
  public double[][] values() {
    double[][] v = new double[values.length][];
    for (int r = 0; r < v.length; r++) {
      v[r] = values[r].clone();
    }
    return v;
  }

  @Override
  public String[][] cellText() {
    String[][] t = new String[cellText.length][];
    for (int r = 0; r < t.length; r++) {
      t[r] = cellText[r].clone();
    }
    return t;
  }

  /** @return the chart as a standalone SVG document */
  public String render() {
    int rows = rowLabels.size();
    int cols = columnLabels.size();
    double rowLabelWidth = 0;
    for (String s : rowLabels) {
      rowLabelWidth = Math.max(rowLabelWidth, ChartFrame.textWidth(s, ChartFrame.TICK_SIZE));
    }
    double colLabelWidth = 0;
    for (String s : columnLabels) {
      colLabelWidth = Math.max(colLabelWidth, ChartFrame.textWidth(s, ChartFrame.TICK_SIZE));
    }
    int maxLines = 1;
    for (String[] row : cellText) {
      for (String s : row) {
        maxLines = Math.max(maxLines, s == null ? 1 : s.split("\n", -1).length);
      }
    }
    double left = Math.max(90, rowLabelWidth + 40);
    double top = 48;
    double cellW = Math.max(52, Math.min(96, (700 - left) / Math.max(1, cols)));
    double cellH = maxLines > 1 ? 44 : 34;
    boolean rotate = colLabelWidth > cellW - 6;
    double labelBand = rotate ? colLabelWidth * 0.71 + 16 : 22;
    double gridBottom = top + rows * cellH;
    double width = Math.max(Math.max(left + cols * cellW + 24, 360),
        Math.max(24 + ChartFrame.textWidth(title, ChartFrame.TITLE_SIZE),
            left + Math.max(LEGEND_WIDTH, ChartFrame.textWidth(legendTitle, ChartFrame.TICK_SIZE)) + 24));
    double legendTop = gridBottom + labelBand + 52;
    double height = legendTop + 40;

    SvgCanvas svg = new SvgCanvas(id, width, height, title, description());
    svg.text(12, 24, title, "start", ChartFrame.TITLE_SIZE, SvgCanvas.attr("font-weight", "bold"));
    svg.rotatedText(14, (top + gridBottom) / 2, rowTitle, "middle", ChartFrame.LABEL_SIZE, -90, "");
    for (int r = 0; r < rows; r++) {
      double y = top + r * cellH;
      svg.text(left - 8, y + cellH / 2 + 4, rowLabels.get(r), "end", ChartFrame.TICK_SIZE, "");
      for (int c = 0; c < cols; c++) {
        double x = left + c * cellW;
        String fill = scale.colour(values[r][c]);
        svg.groupWithTooltip(rowLabels.get(r) + " × " + columnLabels.get(c) + ": "
            + (cellText[r][c] == null ? "" : cellText[r][c].replace('\n', ' ')), SvgCanvas.attr("class", "cell"));
        svg.rect(x, y, cellW, cellH, fill, SvgCanvas.attr("stroke", "#FFFFFF") + SvgCanvas.attr("stroke-width", 1.5));
        String[] lines = cellText[r][c] == null ? new String[0] : cellText[r][c].split("\n", -1);
        double first = y + cellH / 2 + 4 - (lines.length - 1) * 7.5;
        for (int i = 0; i < lines.length; i++) {
          svg.text(x + cellW / 2, first + i * 15, lines[i], "middle", i == 0 ? 13 : 11,
              SvgCanvas.attr("fill", ColourScale.textColourOn(fill)));
        }
        svg.endGroup();
      }
    }
    for (int c = 0; c < cols; c++) {
      double x = left + c * cellW + cellW / 2;
      if (rotate) {
        svg.rotatedText(x + 4, gridBottom + 14, columnLabels.get(c), "end", ChartFrame.TICK_SIZE, -45, "");
      } else {
        svg.text(x, gridBottom + 16, columnLabels.get(c), "middle", ChartFrame.TICK_SIZE, "");
      }
    }
    svg.text(left + cols * cellW / 2, gridBottom + labelBand + 12, columnTitle, "middle", ChartFrame.LABEL_SIZE, "");
    drawLegend(svg, left, legendTop);
    return svg.finish();
  }

  private void drawLegend(SvgCanvas svg, double x, double y) {
    double w = LEGEND_WIDTH;
    String[] stops = new String[11];
    for (int i = 0; i < stops.length; i++) {
      stops[i] = scale.colour(scale.min() + (scale.max() - scale.min()) * i / (stops.length - 1));
    }
    String grad = svg.horizontalGradient("legend", stops);
    svg.group(SvgCanvas.attr("class", "legend"));
    svg.text(x, y - 6, legendTitle, "start", ChartFrame.TICK_SIZE, "");
    svg.rect(x, y, w, 12, "url(#" + grad + ")", SvgCanvas.attr("stroke", "#888888") + SvgCanvas.attr("stroke-width", 0.5));
    LinearScale ls = LinearScale.exact(scale.min(), scale.max(), x, x + w, 4);
    for (double t : ls.ticks()) {
      double px = ls.map(t);
      svg.line(px, y + 12, px, y + 16, "#333333", 1, "");
      svg.text(px, y + 28, ls.label(t), "middle", 11, "");
    }
    svg.endGroup();
  }

  private String description() {
    return "Heatmap of " + rowLabels.size() + " " + rowTitle + " rows by " + columnLabels.size() + " "
        + columnTitle + " columns; each cell prints its value; colour legend: " + legendTitle + ".";
  }
}
