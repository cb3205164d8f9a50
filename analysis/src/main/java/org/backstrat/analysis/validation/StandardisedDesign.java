package org.backstrat.analysis.validation;

/**
 * The checked, standardised design of a multinomial regression fit: rows of
 * {@code (1, (x_j - mean_j) / sd_j)} (sd with divisor n; a constant column keeps scale 1), the
 * classes and their counts. Both regression trainers fit on this scale, where the Newton system
 * is well conditioned, and report on the original one.
 */
final class StandardisedDesign {
  final int n;
  final int p;
  final int width;
  final double[] z;
  final int[] y;
  final int[] counts;
  final double[] mean;
  final double[] scale;

  /**
   * @throws IllegalArgumentException for ragged or non-finite features, a class out of range or a
   *     class without rows (its intercept would run to minus infinity)
   */
  StandardisedDesign(double[][] x, int[] classes, int classCount) {
    if (classCount < 2) {
      throw new IllegalArgumentException("need at least 2 classes: " + classCount);
    }
    if (x.length != classes.length) {
      throw new IllegalArgumentException(x.length + " feature rows but " + classes.length + " classes");
    }
    if (x.length == 0) {
      throw new IllegalArgumentException("no rows to fit");
    }
    n = x.length;
    p = x[0].length;
    width = p + 1;
    y = classes.clone();
    counts = new int[classCount];
    for (int i = 0; i < n; i++) {
      if (x[i].length != p) {
        throw new IllegalArgumentException("row " + i + " has " + x[i].length + " features, expected " + p);
      }
      if (y[i] < 0 || y[i] >= classCount) {
        throw new IllegalArgumentException("row " + i + ": class " + y[i] + " outside 0.." + (classCount - 1));
      }
      counts[y[i]]++;
    }
    for (int k = 0; k < classCount; k++) {
      if (counts[k] == 0) {
        throw new IllegalArgumentException("class " + k + " has no rows; cannot fit its coefficients");
      }
    }
    mean = new double[p];
    scale = new double[p];
    z = new double[n * width];
    for (int j = 0; j < p; j++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        double v = x[i][j];
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("row " + i + ", feature " + j + " is not finite: " + v);
        }
        s += v;
      }
      double mu = s / n;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        double d = x[i][j] - mu;
        ss += d * d;
      }
      double sd = Math.sqrt(ss / n);
      mean[j] = mu;
      scale[j] = sd > 0 ? sd : 1.0;
    }
    for (int i = 0; i < n; i++) {
      int o = i * width;
      z[o] = 1.0;
      for (int j = 0; j < p; j++) {
        z[o + j + 1] = (x[i][j] - mean[j]) / scale[j];
      }
    }
  }
}
