package org.backstrat.analysis.stats;

import java.util.Arrays;

/**
 * Descriptive statistics of one group of numbers: size, median, quartiles, mean and standard
 * deviation. Missing values (NaN) are excluded and counted in {@code missing}.
 *
 * <p>Quantiles use R's default definition, type 7 (Hyndman &amp; Fan 1996): for sorted values
 * {@code x_1..x_n} and probability {@code p}, {@code h = (n - 1) p + 1},
 * {@code Q(p) = x_floor(h) + (h - floor(h)) (x_floor(h)+1 - x_floor(h))}, evaluated as
 * {@code (1 - g) x_lo + g x_hi} like R so that results agree to the last bit. The mean is
 * computed in two passes (sum, then a correction by the mean residual) and the standard
 * deviation is the sample one (divisor {@code n - 1}), from deviations about the mean (no
 * {@code sum x^2 - n mean^2} cancellation). With one value SD is NaN (as R's {@code sd}); with
 * none, every statistic is NaN.
 *
 * @param n number of non-missing values
 * @param missing number of missing values
 * @param median type-7 0.5 quantile
 * @param q1 type-7 0.25 quantile
 * @param q3 type-7 0.75 quantile
 * @param mean arithmetic mean
 * @param sd sample standard deviation
 */
public record NumericSummary(int n, int missing, double median, double q1, double q3, double mean,
                             double sd) {

  /** Summarises {@code values} (not modified). */
  public static NumericSummary of(double[] values) {
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        n++;
      }
    }
    double[] x = new double[n];
    int k = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        x[k++] = v;
      }
    }
    Arrays.sort(x);
    if (n == 0) {
      return new NumericSummary(0, values.length, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN);
    }
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    double mean = sum / n;
    double residual = 0;
    for (double v : x) {
      residual += v - mean;
    }
    mean += residual / n;
    double ss = 0;
    for (double v : x) {
      double d = v - mean;
      ss += d * d;
    }
    double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
    return new NumericSummary(n, values.length - n, quantileType7(x, 0.5), quantileType7(x, 0.25),
        quantileType7(x, 0.75), mean, sd);
  }

  /** R's type-7 quantile of ascending-sorted, non-empty {@code sorted} at probability {@code p}. */
  public static double quantileType7(double[] sorted, double p) {
    if (sorted.length == 0 || !(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("need values and 0 <= p <= 1");
    }
    double index = (sorted.length - 1) * p; // 0-based h - 1
    int lo = (int) Math.floor(index);
    int hi = (int) Math.ceil(index);
    double g = index - lo;
    if (g == 0 || sorted[hi] == sorted[lo]) {
      return sorted[lo];
    }
    return (1 - g) * sorted[lo] + g * sorted[hi];
  }
}
