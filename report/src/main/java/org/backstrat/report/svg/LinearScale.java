package org.backstrat.report.svg;

import java.util.Locale;

/**
 * A linear map from a data interval to a pixel interval, with "nice" tick positions
 * (1, 2, 2.5 or 5 times a power of ten, after Heckbert's Graphics Gems labelling) and tick
 * labels whose number of decimals follows the tick step, written with {@link Locale#ROOT}.
 *
 * @param domainMin data value drawn at {@code rangeStart}
 * @param domainMax data value drawn at {@code rangeEnd}
 * @param rangeStart pixel position of {@code domainMin}
 * @param rangeEnd pixel position of {@code domainMax}
 * @param tickStep distance between ticks in data units
 */
public record LinearScale(double domainMin, double domainMax, double rangeStart, double rangeEnd,
                          double tickStep) {

  /**
   * Builds a scale whose domain is widened to whole ticks around the data.
   *
   * @param dataMin smallest value to show
   * @param dataMax largest value to show
   * @param targetTicks about how many ticks to aim for
   */
  public static LinearScale nice(double dataMin, double dataMax, double rangeStart, double rangeEnd,
                                 int targetTicks) {
    if (!Double.isFinite(dataMin) || !Double.isFinite(dataMax)) {
      dataMin = 0;
      dataMax = 1;
    }
    if (dataMax < dataMin) {
      double t = dataMin;
      dataMin = dataMax;
      dataMax = t;
    }
    if (dataMax - dataMin < 1e-12 * Math.max(1, Math.abs(dataMax))) {
      double pad = dataMin == 0 ? 1 : Math.abs(dataMin) * 0.1;
      dataMin -= pad;
      dataMax += pad;
    }
    double step = niceStep((dataMax - dataMin) / Math.max(1, targetTicks));
    double lo = Math.min(dataMin, Math.floor(dataMin / step + 1e-9) * step);
    double hi = Math.max(dataMax, Math.ceil(dataMax / step - 1e-9) * step);
    return new LinearScale(lo, hi, rangeStart, rangeEnd, step);
  }

  /** Builds a scale with an exact domain (no widening), with nice ticks inside it. */
  public static LinearScale exact(double domainMin, double domainMax, double rangeStart,
                                  double rangeEnd, int targetTicks) {
    double step = niceStep((domainMax - domainMin) / Math.max(1, targetTicks));
    return new LinearScale(domainMin, domainMax, rangeStart, rangeEnd, step);
  }

  static double niceStep(double rough) {
    if (!(rough > 0) || !Double.isFinite(rough)) {
      return 1;
    }
    double exponent = Math.floor(Math.log10(rough));
    double power = Math.pow(10, exponent);
    double f = rough / power;
    double nice;
    if (f < 1.5) {
      nice = 1;
    } else if (f < 2.25) {
      nice = 2;
    } else if (f < 3.5) {
      nice = 2.5;
    } else if (f < 7.5) {
      nice = 5;
    } else {
      nice = 10;
    }
    return nice * power;
  }

  /** Maps a data value to a pixel position (values outside the domain extrapolate). */
  public double map(double value) {
    double span = domainMax - domainMin;
    if (span == 0) {
      return (rangeStart + rangeEnd) / 2;
    }
    return rangeStart + (value - domainMin) / span * (rangeEnd - rangeStart);
  }

  /** @return tick values inside the domain, in increasing order */
  public double[] ticks() {
    long first = (long) Math.ceil(domainMin / tickStep - 1e-9);
    long last = (long) Math.floor(domainMax / tickStep + 1e-9);
    int n = (int) Math.max(0, Math.min(200, last - first + 1));
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      double v = (first + i) * tickStep;
      // round away binary noise (0.15000000000000002) so ticks equal their decimal labels
      t[i] = Math.abs(v) < tickStep * 1e-9 ? 0
          : new java.math.BigDecimal(v).round(new java.math.MathContext(12)).doubleValue();
    }
    return t;
  }

  /** Formats a tick value with as many decimals as the tick step needs. */
  public String label(double value) {
    return formatWithStep(value, tickStep);
  }

  /** Formats {@code value} with the decimals that distinguish multiples of {@code step}. */
  public static String formatWithStep(double value, double step) {
    int decimals = 0;
    if (step > 0 && Double.isFinite(step)) {
      double s = step;
      while (decimals < 8 && Math.abs(s - Math.rint(s)) > 1e-9 * Math.max(1, Math.abs(s))) {
        s *= 10;
        decimals++;
      }
    }
    String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
    if (text.matches("-0(\\.0*)?")) {
      text = text.substring(1);
    }
    return text.replace('-', '\u2212');
  }
}
