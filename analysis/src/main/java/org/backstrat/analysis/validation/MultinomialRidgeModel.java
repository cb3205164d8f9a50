package org.backstrat.analysis.validation;

/**
 * An immutable fitted multinomial ridge regression in glmnet's symmetric parametrisation: every
 * class k = 0..K-1 has its own intercept and slopes, {@code eta_k = a_k + sum_j b_kj x_j} and
 * {@code P(class = k | x) = exp(eta_k) / sum_l exp(eta_l)}. The ridge penalty makes the slopes
 * unique (they sum to zero over the classes for every feature); the intercepts are reported
 * centred (mean over classes 0), as only their differences are identified.
 *
 * <p>Besides the coefficients it carries the penalty it was fitted with, how the fit ended and,
 * when the trainer checked it, whether the unpenalised fit on the same data would have been
 * separated (see {@link Separation}), so that cross-validation can count both.
 */
public final class MultinomialRidgeModel implements Classifier {

  private final double[][] coefficients;
  private final double lambda;
  private final int iterations;
  private final boolean converged;
  private final Separation separation;

  MultinomialRidgeModel(double[][] coefficients, double lambda, int iterations, boolean converged,
                        Separation separation) {
    this.coefficients = copy(coefficients);
    this.lambda = lambda;
    this.iterations = iterations;
    this.converged = converged;
    this.separation = separation;
  }

  /** A copy of this model with the separation found by a check of its training data. */
  MultinomialRidgeModel withSeparation(Separation s) {
    return new MultinomialRidgeModel(coefficients, lambda, iterations, converged, s);
  }

  /** Coefficients, a copy: row k is class k, column 0 its centred intercept, column j feature j-1. */
  public double[][] coefficients() {
    return copy(coefficients);
  }

  /** The ridge penalty λ (glmnet's scale: per person, on standardised slopes). */
  public double lambda() {
    return lambda;
  }

  /** Newton iterations of the final fit. */
  public int iterations() {
    return iterations;
  }

  @Override
  public boolean converged() {
    return converged;
  }

  @Override
  public Separation separation() {
    return separation;
  }

  @Override
  public int classCount() {
    return coefficients.length;
  }

  @Override
  public double[] predictProbabilities(double[] features) {
    int p = coefficients[0].length - 1;
    if (features.length != p) {
      throw new IllegalArgumentException("expected " + p + " features, got " + features.length);
    }
    double[] eta = new double[coefficients.length];
    for (int k = 0; k < eta.length; k++) {
      double[] b = coefficients[k];
      double s = b[0];
      for (int j = 0; j < p; j++) {
        s += b[j + 1] * features[j];
      }
      eta[k] = s;
    }
    MultinomialLogisticModel.softmaxInPlace(eta);
    return eta;
  }

  private static double[][] copy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}
