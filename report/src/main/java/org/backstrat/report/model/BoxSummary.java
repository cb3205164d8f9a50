package org.backstrat.report.model;

/**
 * Quartiles and whisker ends of one distribution (NaN throughout when there is no data).
 *
 * @param lowerWhisker minimum, or the lowest value within 1.5 IQR of Q1 (say which in the methods)
 * @param q1 first quartile
 * @param median median
 * @param q3 third quartile
 * @param upperWhisker maximum, or the highest value within 1.5 IQR of Q3
 */
public record BoxSummary(double lowerWhisker, double q1, double median, double q3, double upperWhisker) {
  /** @return a summary with no data */
  public static BoxSummary empty() {
    return new BoxSummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }
}
