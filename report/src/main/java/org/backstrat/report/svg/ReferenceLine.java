package org.backstrat.report.svg;

/**
 * A labelled straight reference line across a chart, e.g. the stability thresholds 0.6 / 0.75 /
 * 0.85 or the chosen K.
 *
 * @param vertical true for a line at x = value, false for y = value
 * @param value position in data units
 * @param label short text drawn beside the line
 */
public record ReferenceLine(boolean vertical, double value, String label) {

  /** A horizontal line at y = value. */
  public static ReferenceLine atY(double value, String label) {
    return new ReferenceLine(false, value, label);
  }

  /** A vertical line at x = value. */
  public static ReferenceLine atX(double value, String label) {
    return new ReferenceLine(true, value, label);
  }
}
