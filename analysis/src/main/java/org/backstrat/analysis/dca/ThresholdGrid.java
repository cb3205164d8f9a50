package org.backstrat.analysis.dca;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.backstrat.core.BadInputException;

/**
 * The threshold probabilities of a decision curve, held as exact decimals so that a grid such as
 * {@code 0.01:0.99:0.01} contains exactly 7/100 (printed {@code 0.07}), not an accumulated
 * floating-point sum such as 0.07000000000000001. The double used in the net-benefit arithmetic
 * is the nearest double to each decimal.
 *
 * <p>Thresholds must lie in [0, 1): net benefit divides by 1 − threshold.
 */
public final class ThresholdGrid {

  /** The default grid 0.01 to 0.99 in steps of 0.01. */
  public static final String DEFAULT_SPEC = "0.01:0.99:0.01";

  private static final int MAX_SIZE = 1_000_000;
  private static final String EXPECTED =
      "expected lo:hi:step (for example 0.01:0.99:0.01) or one threshold, with 0 <= lo <= hi < 1 and step > 0";

  private final BigDecimal[] thresholds;
  private final double[] values;

  private ThresholdGrid(List<BigDecimal> thresholds) {
    this.thresholds = thresholds.toArray(BigDecimal[]::new);
    this.values = new double[this.thresholds.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = this.thresholds[i].doubleValue();
    }
  }

  /** The default grid 0.01:0.99:0.01. */
  public static ThresholdGrid defaultGrid() {
    return parse(DEFAULT_SPEC);
  }

  /**
   * Parses {@code lo:hi:step} (hi included when lo + k·step equals it exactly) or a single
   * threshold such as {@code 0.25}.
   *
   * @throws BadInputException naming the spec and what was expected
   */
  public static ThresholdGrid parse(String spec) {
    String s = spec == null ? "" : spec.trim();
    String[] parts = s.split(":", -1);
    if (parts.length != 1 && parts.length != 3) {
      throw bad(spec);
    }
    BigDecimal lo = number(parts[0], spec);
    BigDecimal hi = parts.length == 3 ? number(parts[1], spec) : lo;
    BigDecimal step = parts.length == 3 ? number(parts[2], spec) : BigDecimal.ONE;
    if (lo.signum() < 0 || hi.compareTo(BigDecimal.ONE) >= 0 || lo.compareTo(hi) > 0
        || step.signum() <= 0) {
      throw bad(spec);
    }
    BigDecimal count = hi.subtract(lo).divide(step, 0, java.math.RoundingMode.FLOOR);
    if (count.compareTo(BigDecimal.valueOf(MAX_SIZE)) >= 0) {
      throw new BadInputException("thresholds \"" + spec + "\": more than " + MAX_SIZE
          + " thresholds; use a larger step");
    }
    List<BigDecimal> grid = new ArrayList<>();
    for (BigDecimal t = lo; t.compareTo(hi) <= 0; t = t.add(step)) {
      grid.add(t);
    }
    return new ThresholdGrid(grid);
  }

  /** A grid of the given exact thresholds, ascending, each in [0, 1). */
  public static ThresholdGrid of(List<BigDecimal> thresholds) {
    if (thresholds.isEmpty()) {
      throw new IllegalArgumentException("no thresholds");
    }
    for (int i = 0; i < thresholds.size(); i++) {
      BigDecimal t = thresholds.get(i);
      if (t.signum() < 0 || t.compareTo(BigDecimal.ONE) >= 0) {
        throw new IllegalArgumentException("threshold outside [0, 1): " + t);
      }
      if (i > 0 && t.compareTo(thresholds.get(i - 1)) <= 0) {
        throw new IllegalArgumentException("thresholds must be strictly ascending: " + thresholds);
      }
    }
    return new ThresholdGrid(thresholds);
  }

  private static BigDecimal number(String text, String spec) {
    String t = text.trim();
    if (!t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
      throw bad(spec);
    }
    return new BigDecimal(t);
  }

  private static BadInputException bad(String spec) {
    return new BadInputException("thresholds \"" + spec + "\": " + EXPECTED);
  }

  /** Number of thresholds. */
  public int size() {
    return values.length;
  }

  /** Threshold i as an exact decimal. */
  public BigDecimal threshold(int i) {
    return thresholds[i];
  }

  /** Threshold i as the nearest double. */
  public double value(int i) {
    return values[i];
  }

  /** All thresholds as doubles (a copy). */
  public double[] values() {
    return values.clone();
  }

  /** Threshold i as printed: shortest plain decimal, e.g. {@code 0.07}, {@code 0.1}, {@code 0}. */
  public String label(int i) {
    BigDecimal t = thresholds[i].stripTrailingZeros();
    return t.signum() == 0 ? "0" : t.toPlainString();
  }

  /**
   * For each risk, how many leading thresholds of this grid treat the person, following dcurves:
   * a person is treated at threshold pt when risk >= pt, except that a risk of exactly 0 is never
   * treated and a risk of exactly 1 always is (dcurves moves 0 and 1 by one machine epsilon
   * outward before comparing, so that at threshold 0 a risk of 0 is not treated). The result c
   * means: treated at thresholds 0..c-1, untreated at c..size-1.
   */
  int treatedCount(double risk) {
    if (risk == 0) {
      return 0;
    }
    if (risk >= 1) {
      return values.length;
    }
    // first index whose threshold exceeds risk
    int lo = 0;
    int hi = values.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] <= risk) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public String toString() {
    return values.length == 1 ? label(0)
        : label(0) + ".." + label(values.length - 1) + " (" + values.length + " thresholds)";
  }
}
