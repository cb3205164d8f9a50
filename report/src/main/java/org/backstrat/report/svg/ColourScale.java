package org.backstrat.report.svg;

import java.util.Locale;

/**
 * A continuous colour scale: piecewise-linear interpolation in sRGB between anchor colours
 * spread evenly over [min, max]. The diverging scale runs blue – near-white – orange (safe
 * for the common colour-vision deficiencies, unlike red–green); the sequential one runs from
 * near-white to dark blue.
 *
 * @param min value drawn in the first anchor colour (smaller values are clamped)
 * @param max value drawn in the last anchor colour (larger values are clamped)
 * @param anchors colours as #RRGGBB, at least two
 */
public record ColourScale(double min, double max, String[] anchors) {
  private static final String[] DIVERGING = {"#2166AC", "#67A9CF", "#F7F7F7", "#FDB863", "#E66101"};
  private static final String[] SEQUENTIAL = {"#F7FBFF", "#C6DBEF", "#6BAED6", "#2171B5", "#08306B"};

  /** Copies the anchors. */
  public ColourScale {
    if (anchors.length < 2) {
      throw new IllegalArgumentException("a colour scale needs two anchors");
    }
    anchors = anchors.clone();
  }

  @Override
  public String[] anchors() {
    return anchors.clone();
  }

  /** Diverging scale symmetric about zero, from −limit (blue) to +limit (orange). */
  public static ColourScale diverging(double limit) {
    double l = limit > 0 && Double.isFinite(limit) ? limit : 1;
    return new ColourScale(-l, l, DIVERGING);
  }

  /** Sequential scale from {@code min} (near-white) to {@code max} (dark blue). */
  public static ColourScale sequential(double min, double max) {
    return new ColourScale(min, max > min ? max : min + 1, SEQUENTIAL);
  }

  /** @return the colour of {@code value} as #RRGGBB; NaN gives light grey */
  public String colour(double value) {
    if (Double.isNaN(value)) {
      return "#DDDDDD";
    }
    double t = (value - min) / (max - min);
    t = Math.max(0, Math.min(1, t));
    double pos = t * (anchors.length - 1);
    int i = Math.min(anchors.length - 2, (int) Math.floor(pos));
    double f = pos - i;
    int a = Integer.parseInt(anchors[i].substring(1), 16);
    int b = Integer.parseInt(anchors[i + 1].substring(1), 16);
    int r = mix(a >> 16 & 0xFF, b >> 16 & 0xFF, f);
    int g = mix(a >> 8 & 0xFF, b >> 8 & 0xFF, f);
    int bl = mix(a & 0xFF, b & 0xFF, f);
    return String.format(Locale.ROOT, "#%02X%02X%02X", r, g, bl);
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }

  /**
   * Picks black or white text for a background, by WCAG relative luminance, so that printed
   * cell values stay readable on every colour of the scale.
   */
  public static String textColourOn(String background) {
    int c = Integer.parseInt(background.substring(1), 16);
    double l = 0.2126 * linear(c >> 16 & 0xFF) + 0.7152 * linear(c >> 8 & 0xFF) + 0.0722 * linear(c & 0xFF);
    return l > 0.18 ? "#000000" : "#FFFFFF";
  }

  private static double linear(int channel) {
    double s = channel / 255.0;
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  }
}
