package org.backstrat.report.svg;

/**
 * One legend row: a sample of how a category is drawn (line with dash, filled swatch, marker,
 * or shaded band) and its label.
 *
 * @param label text shown beside the sample
 * @param colour fill or stroke colour
 * @param dash SVG dash array for line samples ("" = solid)
 * @param marker marker shape drawn on the sample, or null for none
 * @param kind how the sample is drawn
 */
public record LegendEntry(String label, String colour, String dash, Palette.Marker marker, Kind kind) {

  /** How a legend sample is drawn. */
  public enum Kind {
    /** a short line, dashed as the series. */
    LINE,
    /** a filled square. */
    SWATCH,
    /** a marker only. */
    MARKER,
    /** a translucent rectangle, for confidence bands and shaded ranges. */
    BAND
  }
}
