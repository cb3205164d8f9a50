package org.backstrat.imaging.model;

import java.util.Arrays;

/**
 * Intensity normalisation applied to an image crop before a model sees it, as its model card
 * prescribes. MR intensities have no absolute scale, so models are trained on normalised
 * crops and must be fed the same way.
 *
 * @param method {@code none}, {@code zscore} (subtract mean, divide by standard deviation) or
 *     {@code percentile} (map the {@code lowPercentile}..{@code highPercentile} range to 0..1
 *     and clip)
 * @param lowPercentile lower percentile (0–100) for {@code percentile}
 * @param highPercentile upper percentile (0–100) for {@code percentile}
 */
public record Normalisation(String method, double lowPercentile, double highPercentile) {

  public Normalisation {
    if (!method.equals("none") && !method.equals("zscore") && !method.equals("percentile")) {
      throw new IllegalArgumentException("normalisation method must be none, zscore or"
          + " percentile: " + method);
    }
    if (method.equals("percentile") && !(0 <= lowPercentile && lowPercentile < highPercentile
        && highPercentile <= 100)) {
      throw new IllegalArgumentException("need 0 <= low < high <= 100 percentiles");
    }
  }

  /** Percentile normalisation between {@code low} and {@code high}. */
  public static Normalisation percentile(double low, double high) {
    return new Normalisation("percentile", low, high);
  }

  /** Z-score normalisation. */
  public static Normalisation zscore() {
    return new Normalisation("zscore", 0, 100);
  }

  /** Normalises {@code values} in place. A constant crop maps to zeros (no scale to divide by). */
  public void apply(float[] values) {
    int n = values.length;
    if (n == 0 || method.equals("none")) {
      return;
    }
    if (method.equals("zscore")) {
      double mean = 0;
      for (float v : values) {
        mean += v;
      }
      mean /= n;
      double ss = 0;
      for (float v : values) {
        ss += (v - mean) * (v - mean);
      }
      double sd = Math.sqrt(ss / n);
      for (int i = 0; i < n; i++) {
        values[i] = sd > 0 ? (float) ((values[i] - mean) / sd) : 0f;
      }
      return;
    }
    float[] sorted = values.clone();
    Arrays.sort(sorted);
    double lo = quantile(sorted, lowPercentile / 100);
    double hi = quantile(sorted, highPercentile / 100);
    double range = hi - lo;
    for (int i = 0; i < n; i++) {
      double x = range > 0 ? (values[i] - lo) / range : 0;
      values[i] = (float) Math.max(0, Math.min(1, x));
    }
  }

  /**
   * Quantile of sorted data by linear interpolation between closest ranks, position
   * {@code q (n - 1)}: numpy's default ("linear", Hyndman and Fan type 7).
   */
  static double quantile(float[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    double frac = pos - lo;
    return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
  }
}
