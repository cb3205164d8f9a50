package org.backstrat.model;

import java.util.List;
import java.util.Objects;
import org.backstrat.model.features.FeatureSpec;

/**
 * A variant's fallback for people without imaging: a multinomial logistic regression that
 * predicts the stratum from the variant's other features (the questionnaire scores and the
 * demographics), fitted by {@code analyze} on the people the clustering kept, with its
 * cross-validated accuracy (the same repeated stratified folds as the variant's validation), so
 * that its answer is always shown with how often such answers were right.
 *
 * <p>Arithmetic (reference-class parametrisation, as R {@code nnet::multinom}): the encoded
 * values are z-scored, {@code z_j = (x_j − mean_j) / sd_j} (training mean and population SD);
 * for stratum k = 2..K, {@code eta_k = b_k0 + Σ_j b_kj z_j}, eta_1 = 0; {@code p_k = exp(eta_k) /
 * Σ_l exp(eta_l)}. The stratum is the most probable one (lowest id on ties). Its reasons are the
 * (at most three) columns with the largest positive {@code (b_aj − b_bj) z_j}, a the chosen and b
 * the runner-up stratum: the terms that move the log-odds of a against b the most.
 *
 * @param features the features it uses (a subset of the variant's, same encodings)
 * @param columns its encoded columns, in coefficient order (a subset of the variant's columns)
 * @param mean training mean of each column
 * @param sd training standard deviation of each column (1 for a constant column)
 * @param coefficients row k−2 for stratum k = 2..K: intercept, then one per column
 * @param accuracyMean mean cross-validated accuracy of predicting the stratum
 * @param accuracySd its standard deviation over folds and repeats
 * @param nTrained people it was fitted on
 * @param status how the final fit ended ({@code converged}, {@code separation}, ...)
 */
public record FallbackModel(List<FeatureSpec> features, List<String> columns, double[] mean,
                            double[] sd, double[][] coefficients, double accuracyMean,
                            double accuracySd, int nTrained, String status) {

  public FallbackModel {
    features = List.copyOf(features);
    columns = List.copyOf(columns);
    mean = mean.clone();
    sd = sd.clone();
    double[][] c = new double[coefficients.length][];
    for (int k = 0; k < c.length; k++) {
      c[k] = coefficients[k].clone();
    }
    coefficients = c;
    Objects.requireNonNull(status, "status");
    int p = columns.size();
    if (p == 0 || mean.length != p || sd.length != p) {
      throw new IllegalArgumentException("fallback: " + p + " columns, " + mean.length
          + " means, " + sd.length + " SDs");
    }
    for (double[] row : coefficients) {
      if (row.length != p + 1) {
        throw new IllegalArgumentException("fallback: coefficient rows need " + (p + 1)
            + " terms, found " + row.length);
      }
    }
    for (int j = 0; j < p; j++) {
      if (!(sd[j] > 0) || !Double.isFinite(sd[j]) || !Double.isFinite(mean[j])) {
        throw new IllegalArgumentException("fallback: column " + columns.get(j)
            + ": bad mean/sd " + mean[j] + "/" + sd[j]);
      }
    }
  }

  /** Number of strata it predicts. */
  public int k() {
    return coefficients.length + 1;
  }

  /** Feature names, in order. */
  public List<String> featureNames() {
    return features.stream().map(FeatureSpec::name).toList();
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] sd() {
    return sd.clone();
  }

  @Override
  public double[][] coefficients() {
    double[][] c = new double[coefficients.length][];
    for (int k = 0; k < c.length; k++) {
      c[k] = coefficients[k].clone();
    }
    return c;
  }

  /**
   * Places one person from their encoded values in {@link #columns} order (see the class
   * comment for the arithmetic).
   *
   * @param encoded the person's values, all finite
   * @param strata the variant's strata (ids 1..K)
   */
  public Placement place(double[] encoded, List<Stratum> strata) {
    int p = columns.size();
    if (encoded.length != p) {
      throw new IllegalArgumentException("expected " + p + " values " + columns + ", got "
          + encoded.length);
    }
    double[] z = new double[p];
    for (int j = 0; j < p; j++) {
      z[j] = (encoded[j] - mean[j]) / sd[j];
    }
    int k = k();
    double[] eta = new double[k];
    for (int c = 1; c < k; c++) {
      double[] b = coefficients[c - 1];
      double s = b[0];
      for (int j = 0; j < p; j++) {
        s += b[j + 1] * z[j];
      }
      eta[c] = s;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double e : eta) {
      max = Math.max(max, e);
    }
    double[] prob = new double[k];
    double sum = 0;
    for (int c = 0; c < k; c++) {
      prob[c] = Math.exp(eta[c] - max);
      sum += prob[c];
    }
    int best = 0;
    for (int c = 0; c < k; c++) {
      prob[c] /= sum;
      if (prob[c] > prob[best]) {
        best = c;
      }
    }
    int second = -1;
    for (int c = 0; c < k; c++) {
      if (c != best && (second < 0 || prob[c] > prob[second])) {
        second = c;
      }
    }
    List<String> top = second < 0 ? List.of() : topColumns(z, best, second);
    return new Placement(strata.get(best), Double.NaN, false, prob, top, Placement.Basis.FALLBACK);
  }

  private double coefficient(int stratum, int term) {
    return stratum == 0 ? 0 : coefficients[stratum - 1][term];
  }

  private List<String> topColumns(double[] z, int a, int b) {
    int p = z.length;
    double[] pull = new double[p];
    for (int j = 0; j < p; j++) {
      pull[j] = (coefficient(a, j + 1) - coefficient(b, j + 1)) * z[j];
    }
    return FrozenVariant.strongest(pull, columns);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FallbackModel f && f.features.equals(features)
        && f.columns.equals(columns) && java.util.Arrays.equals(f.mean, mean)
        && java.util.Arrays.equals(f.sd, sd)
        && java.util.Arrays.deepEquals(f.coefficients, coefficients)
        && Double.compare(f.accuracyMean, accuracyMean) == 0
        && Double.compare(f.accuracySd, accuracySd) == 0 && f.nTrained == nTrained
        && f.status.equals(status);
  }

  @Override
  public int hashCode() {
    return Objects.hash(features, columns, java.util.Arrays.hashCode(mean),
        java.util.Arrays.deepHashCode(coefficients), nTrained, status);
  }

  @Override
  public String toString() {
    return "FallbackModel[columns=" + columns + ", k=" + k() + ", accuracy=" + accuracyMean
        + ", nTrained=" + nTrained + ", status=" + status + "]";
  }
}
