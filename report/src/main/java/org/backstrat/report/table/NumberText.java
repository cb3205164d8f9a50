package org.backstrat.report.table;

import org.backstrat.core.io.PlainNumber;
import java.util.Locale;

/**
 * Number formatting for the report, always with {@link Locale#ROOT}: display texts for people
 * (fixed decimals, p-values as "&lt; 0.001") and exact machine texts for the CSV twins
 * (shortest round-trip decimal, empty for NaN).
 */
public final class NumberText {
  /** Shown for a missing or not-computed value. */
  public static final String MISSING = "–";

  private NumberText() {
  }

  /** @return {@code value} with {@code decimals} decimals, or "–" when not finite */
  public static String fixed(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return MISSING;
    }
    String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
    return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
  }

  /** @return a p-value for reading: "&lt; 0.001" below 0.001, else three decimals */
  public static String pValue(double p) {
    if (!Double.isFinite(p)) {
      return MISSING;
    }
    return p < 0.001 ? "< 0.001" : fixed(p, 3);
  }

  /** @return a p-value with four significant digits, for tooltips */
  public static String pValueExact(double p) {
    if (!Double.isFinite(p)) {
      return "";
    }
    return "p = " + String.format(Locale.ROOT, "%.4g", p);
  }

  /** @return the exact value for CSV: integers without ".0", others by {@link Double#toString}, NaN as "" */
  public static String csv(double value) {
    if (Double.isNaN(value)) {
      return "";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Inf" : "-Inf";
    }
    return PlainNumber.of(value);
  }

  /** @return a percentage with one decimal and a % sign */
  public static String percent(double fraction) {
    return Double.isFinite(fraction) ? fixed(100 * fraction, 1) + "%" : MISSING;
  }
}
