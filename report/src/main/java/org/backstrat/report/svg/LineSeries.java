package org.backstrat.report.svg;

/**
 * One series of a {@link LineChart}: points (x, y) joined in order, with an optional shaded
 * band (lower/upper per point, e.g. a bootstrap 95% interval) and optional symmetric error
 * bars (e.g. ±1 SE of the gap statistic). NaN values break the line instead of being drawn.
 * Arrays are copied in and out.
 *
 * @param name legend label
 * @param x x values
 * @param y y values, same length as x
 * @param lower band lower limits, or null for no band
 * @param upper band upper limits, or null for no band
 * @param bandLabel legend label of the band
 * @param errorHalfWidth error bar half-widths, or null for none
 * @param markers whether to draw a marker at each point
 * @param style index into {@link Palette} (colour, dash and marker); -1 = the series' position
 */
public record LineSeries(String name, double[] x, double[] y, double[] lower, double[] upper,
                         String bandLabel, double[] errorHalfWidth, boolean markers, int style) {

  /** Checks lengths and copies the arrays. */
  public LineSeries {
    if (x.length != y.length) {
      throw new IllegalArgumentException("series " + name + ": x and y differ in length");
    }
    if ((lower == null) != (upper == null)) {
      throw new IllegalArgumentException("series " + name + ": band needs both lower and upper");
    }
    if (lower != null && (lower.length != x.length || upper.length != x.length)) {
      throw new IllegalArgumentException("series " + name + ": band length differs from x");
    }
    if (errorHalfWidth != null && errorHalfWidth.length != x.length) {
      throw new IllegalArgumentException("series " + name + ": error bars length differs from x");
    }
    x = x.clone();
    y = y.clone();
    lower = lower == null ? null : lower.clone();
    upper = upper == null ? null : upper.clone();
    errorHalfWidth = errorHalfWidth == null ? null : errorHalfWidth.clone();
  }

  /** A plain line, styled by its position in the chart. */
  public static LineSeries of(String name, double[] x, double[] y) {
    return new LineSeries(name, x, y, null, null, null, null, false, -1);
  }

  /** A copy with a shaded band between {@code lowerValues} and {@code upperValues}. */
  public LineSeries withBand(double[] lowerValues, double[] upperValues, String label) {
    return new LineSeries(name, x, y, lowerValues, upperValues, label, errorHalfWidth, markers, style);
  }

  /** A copy with symmetric error bars. */
  public LineSeries withErrorBars(double[] halfWidths) {
    return new LineSeries(name, x, y, lower, upper, bandLabel, halfWidths, markers, style);
  }

  /** A copy with markers at every point. */
  public LineSeries withMarkers() {
    return new LineSeries(name, x, y, lower, upper, bandLabel, errorHalfWidth, true, style);
  }

  /** A copy drawn with palette entry {@code index} whatever its position. */
  public LineSeries withStyle(int index) {
    return new LineSeries(name, x, y, lower, upper, bandLabel, errorHalfWidth, markers, index);
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
  public double[] lower() {
    return lower == null ? null : lower.clone();
  }

  @Override
  public double[] upper() {
    return upper == null ? null : upper.clone();
  }

  @Override
  public double[] errorHalfWidth() {
    return errorHalfWidth == null ? null : errorHalfWidth.clone();
  }
}
