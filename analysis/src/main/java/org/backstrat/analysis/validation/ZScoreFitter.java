package org.backstrat.analysis.validation;

/**
 * Standardises every column to mean 0 and standard deviation 1 using the training rows' mean
 * and population standard deviation (divisor n, as scikit-learn's StandardScaler). Missing values
 * (NaN) are skipped when fitting and stay NaN; a column that is constant (or has fewer than one
 * observed value) in the training rows is only centred (scale 1), so it becomes 0 rather than
 * NaN or infinity.
 */
public final class ZScoreFitter implements FoldTransformFitter {

  /** A z-score fitter. */
  public ZScoreFitter() {
    // stateless
  }

  /**
   * The fitted means and scales of the training rows (what {@link #fit} applies), for a model
   * that has to store them (the fallback of a frozen model).
   *
   * @param mean each column's mean over its observed values
   * @param scale each column's population SD, or 1 when it is constant
   */
  public record Parameters(double[] mean, double[] scale) {
    public Parameters {
      mean = mean.clone();
      scale = scale.clone();
    }

    @Override
    public double[] mean() {
      return mean.clone();
    }

    @Override
    public double[] scale() {
      return scale.clone();
    }
  }

  /** Fits the means and scales (see the class comment). */
  public Parameters parameters(double[][] trainRows) {
    int p = trainRows.length == 0 ? 0 : trainRows[0].length;
    double[] mean = new double[p];
    double[] scale = new double[p];
    for (int j = 0; j < p; j++) {
      double sum = 0;
      int count = 0;
      for (double[] row : trainRows) {
        if (!Double.isNaN(row[j])) {
          sum += row[j];
          count++;
        }
      }
      double mu = count > 0 ? sum / count : 0;
      double ss = 0;
      for (double[] row : trainRows) {
        if (!Double.isNaN(row[j])) {
          double d = row[j] - mu;
          ss += d * d;
        }
      }
      double sd = count > 0 ? Math.sqrt(ss / count) : 0;
      mean[j] = mu;
      scale[j] = sd > 0 ? sd : 1.0;
    }
    return new Parameters(mean, scale);
  }

  @Override
  public FoldTransform fit(double[][] trainRows) {
    Parameters fitted = parameters(trainRows);
    double[] mean = fitted.mean();
    double[] scale = fitted.scale();
    int p = mean.length;
    return row -> {
      if (row.length != p) {
        throw new IllegalArgumentException("expected " + p + " columns, got " + row.length);
      }
      double[] out = new double[p];
      for (int j = 0; j < p; j++) {
        out[j] = (row[j] - mean[j]) / scale[j];
      }
      return out;
    };
  }
}
