package org.backstrat.cluster.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.backstrat.core.BadInputException;

/**
 * A fitted feature transform {@code z_j = (x_j - center_j) / scale_j * weight_j}: fitted once on
 * the training data, immutable, and stored with a clustering model (its fields are plain arrays so
 * they serialise as JSON) so that new people are transformed exactly as the training data were.
 *
 * <p>The optional per-feature {@code weights} are applied after scaling; a weight below 1 shrinks
 * a feature's contribution to the squared Euclidean distance by its square (for example to
 * down-weight one-hot categorical features). Weights default to 1.
 *
 * @param method how center and scale were fitted
 * @param features feature names, in column order
 * @param center per-feature centre subtracted first
 * @param scale per-feature positive divisor
 * @param weights per-feature positive multiplier applied after scaling
 */
public record Scaler(ScaleMethod method, List<String> features, double[] center, double[] scale,
                     double[] weights) {

  public Scaler {
    Objects.requireNonNull(method, "method");
    features = List.copyOf(features);
    center = center.clone();
    scale = scale.clone();
    weights = weights.clone();
    int d = features.size();
    if (center.length != d || scale.length != d || weights.length != d) {
      throw new IllegalArgumentException("center/scale/weights must have " + d + " entries");
    }
    for (int j = 0; j < d; j++) {
      if (!(scale[j] > 0) || !Double.isFinite(scale[j]) || !Double.isFinite(center[j])) {
        throw new IllegalArgumentException("feature " + features.get(j) + ": bad centre/scale "
            + center[j] + "/" + scale[j]);
      }
      if (!(weights[j] > 0) || !Double.isFinite(weights[j])) {
        throw new BadInputException("feature " + features.get(j) + ": weight " + weights[j]
            + " must be a positive finite number");
      }
    }
  }

  /**
   * Fits a scaler to the columns of {@code data}.
   *
   * @throws BadInputException naming the column when a column has no spread (all values equal):
   *     it cannot be scaled and carries no information for clustering
   */
  public static Scaler fit(FeatureMatrix data, ScaleMethod method) {
    int d = data.columns();
    double[] center = new double[d];
    double[] scale = new double[d];
    double[] weights = new double[d];
    Arrays.fill(weights, 1.0);
    if (method == ScaleMethod.NONE) {
      // nothing to estimate: only the constant-column check, in one pass without sorting
      requireNoConstantColumn(data);
      Arrays.fill(scale, 1.0);
      return new Scaler(method, data.names(), center, scale, weights);
    }
    for (int j = 0; j < d; j++) {
      double[] col = data.column(j);
      if (col.length == 0) {
        throw new BadInputException("no rows to fit the scaler on");
      }
      Arrays.sort(col);
      if (col[0] == col[col.length - 1]) {
        throw new BadInputException("column " + data.names().get(j) + ": all values are equal ("
            + col[0] + "); a constant column cannot be scaled and carries no information for"
            + " clustering: leave it out");
      }
      switch (method) {
        case NONE -> {
          center[j] = 0;
          scale[j] = 1;
        }
        case ZSCORE -> {
          center[j] = mean(col);
          scale[j] = sampleSd(col, center[j]);
        }
        case ROBUST -> {
          center[j] = quantileType7(col, 0.5);
          double iqr = quantileType7(col, 0.75) - quantileType7(col, 0.25);
          if (iqr > 0) {
            scale[j] = iqr;
          } else {
            // IQR 0 (more than half the values tied): fall back to the sample SD, documented in
            // ScaleMethod.ROBUST; the column is not constant, so the SD is positive.
            double sd = sampleSd(col, mean(col));
            scale[j] = sd > 0 ? sd : meanAbsoluteDeviation(col, center[j]);
          }
        }
        default -> throw new IllegalStateException(method.toString());
      }
    }
    return new Scaler(method, data.names(), center, scale, weights);
  }

  private static void requireNoConstantColumn(FeatureMatrix data) {
    int n = data.rows();
    int d = data.columns();
    if (n == 0) {
      throw new BadInputException("no rows to fit the scaler on");
    }
    double[] x = data.rowMajorView();
    // a column is constant when every value == its first one: the verdict of min == max (also
    // for -0.0 and 0.0, and a NaN makes neither constant) without its full pass; the scan stops
    // at the row by which every column has differed from its first value, a few rows into most
    // data
    boolean[] varies = new boolean[d];
    int varying = 0;
    for (int i = 1, p = d; i < n && varying < d; i++) {
      for (int j = 0; j < d; j++, p++) {
        if (!varies[j] && x[p] != x[j]) {
          varies[j] = true;
          varying++;
        }
      }
    }
    for (int j = 0; j < d; j++) {
      if (!varies[j]) {
        double min = x[j];
        for (int p = j; p < x.length; p += d) {
          min = Math.min(min, x[p]);
        }
        throw new BadInputException("column " + data.names().get(j) + ": all values are equal ("
            + min + "); a constant column cannot be scaled and carries no information for"
            + " clustering: leave it out");
      }
    }
  }

  /** The identity transform for the given features (method NONE, no weights). */
  public static Scaler identity(List<String> features) {
    double[] zero = new double[features.size()];
    double[] one = new double[features.size()];
    Arrays.fill(one, 1.0);
    return new Scaler(ScaleMethod.NONE, features, zero, one, one);
  }

  /** A copy with per-feature weights applied after scaling (same order as {@link #features}). */
  public Scaler withWeights(double[] newWeights) {
    return new Scaler(method, features, center, scale, newWeights);
  }

  /** Number of features. */
  public int dimension() {
    return features.size();
  }

  /**
   * Transforms a whole matrix (names are kept); the input is not modified. The identity (every
   * centre +0 and every multiplier 1, as {@code --scale none} gives) returns {@code raw} itself:
   * {@code (x - 0) * 1 == x} bit for bit, and a matrix is never written to, so the copy of a
   * large table would only cost time and memory.
   */
  public FeatureMatrix transform(FeatureMatrix raw) {
    int d = checkDimension(raw.columns());
    double[] mul = multipliers();
    if (isIdentity(mul)) {
      return raw;
    }
    int n = raw.rows();
    double[] src = raw.rowMajorView();
    double[] out = new double[src.length];
    for (int i = 0, p = 0; i < n; i++) {
      for (int j = 0; j < d; j++, p++) {
        out[p] = (src[p] - center[j]) * mul[j];
      }
    }
    return FeatureMatrix.wrap(n, d, out, raw.names());
  }

  /**
   * Transforms one raw point (length = number of features) with exactly the arithmetic of
   * {@link #transform}, so a training row maps to the very same scaled values.
   */
  public double[] transformPoint(double[] raw) {
    int d = checkDimension(raw.length);
    double[] z = new double[d];
    double[] mul = multipliers();
    for (int j = 0; j < d; j++) {
      z[j] = (raw[j] - center[j]) * mul[j];
    }
    return z;
  }

  /** Maps a point of the scaled space back to original units. */
  public double[] inverse(double[] scaled) {
    int d = checkDimension(scaled.length);
    double[] x = new double[d];
    for (int j = 0; j < d; j++) {
      x[j] = scaled[j] / weights[j] * scale[j] + center[j];
    }
    return x;
  }

  @Override
  public double[] center() {
    return center.clone();
  }

  @Override
  public double[] scale() {
    return scale.clone();
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scaler s && s.method == method && s.features.equals(features)
        && Arrays.equals(s.center, center) && Arrays.equals(s.scale, scale)
        && Arrays.equals(s.weights, weights);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, features, Arrays.hashCode(center), Arrays.hashCode(scale),
        Arrays.hashCode(weights));
  }

  @Override
  public String toString() {
    return "Scaler[" + method + ", " + features + ", center=" + Arrays.toString(center)
        + ", scale=" + Arrays.toString(scale) + ", weights=" + Arrays.toString(weights) + "]";
  }

  /** Whether every centre is +0 (not -0: x - (-0) turns -0 into +0) and every multiplier 1. */
  private boolean isIdentity(double[] mul) {
    for (int j = 0; j < mul.length; j++) {
      if (Double.doubleToRawLongBits(center[j]) != 0 || mul[j] != 1.0) {
        return false;
      }
    }
    return true;
  }

  private double[] multipliers() {
    double[] m = new double[scale.length];
    for (int j = 0; j < m.length; j++) {
      m[j] = weights[j] / scale[j];
    }
    return m;
  }

  private int checkDimension(int d) {
    if (d != features.size()) {
      throw new BadInputException("expected " + features.size() + " features " + features
          + ", got " + d);
    }
    return d;
  }

  /** R's default sample quantile (type 7) of sorted values. */
  static double quantileType7(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double sampleSd(double[] v, double mean) {
    if (v.length < 2) {
      return 0;
    }
    double ss = 0;
    for (double x : v) {
      double e = x - mean; // centred before squaring, for precision
      ss += e * e;
    }
    return Math.sqrt(ss / (v.length - 1));
  }

  private static double meanAbsoluteDeviation(double[] v, double c) {
    double s = 0;
    for (double x : v) {
      s += Math.abs(x - c);
    }
    return s / v.length;
  }
}
