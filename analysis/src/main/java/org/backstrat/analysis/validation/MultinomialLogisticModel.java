package org.backstrat.analysis.validation;

/**
 * An immutable fitted multinomial logistic regression in the reference-class parametrisation
 * (class 0 is the reference, as in R {@code nnet::multinom}): for class k = 1..K-1 the linear
 * predictor is {@code eta_k = b_k0 + sum_j b_kj x_j}, eta_0 = 0, and
 * {@code P(class = k | x) = exp(eta_k) / sum_l exp(eta_l)}.
 *
 * <p>Besides the coefficients the model carries how the fit went, so that a caller can see a
 * fit that did not converge (for example under complete separation) instead of trusting it.
 */
public final class MultinomialLogisticModel implements Classifier {

  /** How the maximisation ended. */
  public enum Status {
    /** Newton steps became negligible: the coefficients are the maximiser. */
    CONVERGED,
    /** The iteration limit was reached before the steps became negligible. */
    ITERATION_LIMIT,
    /**
     * The iteration limit was reached while fitted probabilities approached 0 or 1: the classes
     * are (quasi-)completely separated, the unpenalised maximum likelihood estimate does not
     * exist and the coefficients diverge. Use an L2 penalty.
     */
    SEPARATION,
    /**
     * The information matrix was numerically singular with no saturated probabilities (for
     * example collinear or constant features), so no reliable Newton step exists.
     */
    SINGULAR
  }

  private final double[][] coefficients;
  private final int featureCount;
  private final double logLikelihood;
  private final double penalisedLogLikelihood;
  private final double l2Lambda;
  private final int iterations;
  private final Status status;

  MultinomialLogisticModel(double[][] coefficients, double logLikelihood,
                           double penalisedLogLikelihood, double l2Lambda, int iterations,
                           Status status) {
    this.coefficients = deepCopy(coefficients);
    this.featureCount = coefficients[0].length - 1;
    this.logLikelihood = logLikelihood;
    this.penalisedLogLikelihood = penalisedLogLikelihood;
    this.l2Lambda = l2Lambda;
    this.iterations = iterations;
    this.status = status;
  }

  /**
   * The coefficients, a copy: row k-1 belongs to class k (k = 1..K-1), column 0 is the intercept,
   * column j is feature j-1.
   */
  public double[][] coefficients() {
    return deepCopy(coefficients);
  }

  /** One coefficient: class k (1..K-1), term 0 = intercept, term j = feature j-1. */
  public double coefficient(int classIndex, int term) {
    if (classIndex < 1 || classIndex > coefficients.length) {
      throw new IndexOutOfBoundsException("class " + classIndex + " (the reference class 0 has none)");
    }
    return coefficients[classIndex - 1][term];
  }

  @Override
  public int classCount() {
    return coefficients.length + 1;
  }

  /** Number of features p. */
  public int featureCount() {
    return featureCount;
  }

  /** Log-likelihood of the training data at the fitted coefficients (without the penalty). */
  public double logLikelihood() {
    return logLikelihood;
  }

  /** The maximised objective: log-likelihood minus (lambda/2)·(sum of squared slopes). */
  public double penalisedLogLikelihood() {
    return penalisedLogLikelihood;
  }

  /** The L2 penalty weight lambda used (0 for maximum likelihood). */
  public double l2Lambda() {
    return l2Lambda;
  }

  /** Newton iterations performed. */
  public int iterations() {
    return iterations;
  }

  /** How the fit ended. */
  public Status status() {
    return status;
  }

  /** True when the fit converged. */
  public boolean converged() {
    return status == Status.CONVERGED;
  }

  @Override
  public double[] predictProbabilities(double[] features) {
    if (features.length != featureCount) {
      throw new IllegalArgumentException(
          "expected " + featureCount + " features, got " + features.length);
    }
    double[] eta = new double[coefficients.length + 1];
    for (int k = 1; k < eta.length; k++) {
      double[] b = coefficients[k - 1];
      double s = b[0];
      for (int j = 0; j < featureCount; j++) {
        s += b[j + 1] * features[j];
      }
      eta[k] = s;
    }
    softmaxInPlace(eta);
    return eta;
  }

  /** Turns linear predictors into probabilities, shifting by the maximum to avoid overflow. */
  static double softmaxInPlace(double[] eta) {
    double max = eta[0];
    for (int k = 1; k < eta.length; k++) {
      max = Math.max(max, eta[k]);
    }
    double sum = 0;
    for (int k = 0; k < eta.length; k++) {
      eta[k] = Math.exp(eta[k] - max);
      sum += eta[k];
    }
    for (int k = 0; k < eta.length; k++) {
      eta[k] /= sum;
    }
    return max + Math.log(sum);
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}
