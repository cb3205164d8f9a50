package org.backstrat.analysis.validation;

/**
 * Fits multinomial logistic regression by maximum likelihood, optionally with an L2 (ridge)
 * penalty on the slopes, using Newton–Raphson on the full (K-1)·(p+1) parameter vector with step
 * halving. Reference-class parametrisation with class 0 as reference, like R
 * {@code nnet::multinom}; see {@link MultinomialLogisticModel}.
 *
 * <p>Objective maximised: {@code logLik(beta) - (lambda/2) * sum_{k>=1, j>=1} beta_kj^2} (the
 * intercepts are not penalised). scikit-learn's binary {@code LogisticRegression(C=c)} minimises
 * {@code 0.5 ||w||^2 + c * sum_i logloss_i}, which is the same objective with
 * {@code lambda = 1 / c}. For K &gt; 2 scikit-learn penalises its K symmetric coefficient vectors
 * instead of the K-1 reference-class contrasts, which is a different model.
 *
 * <p>Numerical choices: features are centred and scaled to unit standard deviation internally
 * (the penalty is transformed so that it still applies to the coefficients on the original
 * scale), because raw clinical features differ by orders of magnitude and the Newton system is
 * then far better conditioned; the result is reported on the original scale. Newton's method is
 * used rather than L-BFGS because p and K are small here (the system has (K-1)(p+1) unknowns),
 * each iteration costs O(n (K-1)^2 (p+1)^2), and its quadratic convergence reaches the maximiser
 * to near machine precision even on nearly collinear designs, where first-order methods stop
 * early along flat directions of the likelihood (nnet's BFGS, for example, stops 1e-3 away from
 * the maximiser on the UCI vertebral column data).
 *
 * <p>Convergence: the fit stops when the largest Newton step on the standardised scale is below
 * {@link #coefficientTolerance()}, or when a step below 1e-6 no longer changes the objective
 * measurably (the numerical floor). Otherwise it stops after {@link #maxIterations()} and the
 * model reports {@link MultinomialLogisticModel.Status#ITERATION_LIMIT} or
 * {@link MultinomialLogisticModel.Status#SEPARATION}; nothing is silently declared converged.
 */
public final class MultinomialLogisticTrainer implements ClassifierTrainer {

  /** Fitted probabilities beyond exp(-23) (about 1e-10) from 0 or 1 indicate separation. */
  private static final double SEPARATION_LOG_PROBABILITY = -23.0;
  private static final double STEP_FLOOR = 1e-6;
  private static final int MAX_HALVINGS = 60;
  /** Rows whose information terms are added to each entry in one load and store. */
  private static final int ROW_GROUP = 4;

  private final double l2Lambda;
  private final int maxIterations;
  private final double coefficientTolerance;

  private MultinomialLogisticTrainer(double l2Lambda, int maxIterations,
                                     double coefficientTolerance) {
    if (!(l2Lambda >= 0) || Double.isInfinite(l2Lambda)) {
      throw new IllegalArgumentException("l2Lambda must be finite and >= 0: " + l2Lambda);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1: " + maxIterations);
    }
    if (!(coefficientTolerance > 0)) {
      throw new IllegalArgumentException("coefficientTolerance must be > 0: " + coefficientTolerance);
    }
    this.l2Lambda = l2Lambda;
    this.maxIterations = maxIterations;
    this.coefficientTolerance = coefficientTolerance;
  }

  /** Maximum likelihood (no penalty), at most 100 Newton iterations, step tolerance 1e-10. */
  public static MultinomialLogisticTrainer withDefaults() {
    return new MultinomialLogisticTrainer(0.0, 100, 1e-10);
  }

  /** A copy with L2 penalty weight lambda on the slopes (0 = maximum likelihood). */
  public MultinomialLogisticTrainer withL2Lambda(double lambda) {
    return new MultinomialLogisticTrainer(lambda, maxIterations, coefficientTolerance);
  }

  /** A copy with another iteration cap. */
  public MultinomialLogisticTrainer withMaxIterations(int iterations) {
    return new MultinomialLogisticTrainer(l2Lambda, iterations, coefficientTolerance);
  }

  /** A copy with another convergence tolerance (largest Newton step, standardised scale). */
  public MultinomialLogisticTrainer withCoefficientTolerance(double tolerance) {
    return new MultinomialLogisticTrainer(l2Lambda, maxIterations, tolerance);
  }

  /** The L2 penalty weight lambda. */
  public double l2Lambda() {
    return l2Lambda;
  }

  /** The iteration cap. */
  public int maxIterations() {
    return maxIterations;
  }

  /** The convergence tolerance on the largest standardised Newton step. */
  public double coefficientTolerance() {
    return coefficientTolerance;
  }

  /**
   * Fits the model.
   *
   * @param features n rows of p finite features
   * @param classes class of each row, 0..classCount-1; every class must occur at least once
   * @param classCount K &gt;= 2
   * @throws IllegalArgumentException for ragged or non-finite features, a class out of range or
   *     a class without rows (its maximum likelihood intercept would be minus infinity)
   */
  @Override
  public MultinomialLogisticModel train(double[][] features, int[] classes, int classCount) {
    Problem pr = new Problem(features, classes, classCount, l2Lambda);
    return pr.solve(maxIterations, coefficientTolerance);
  }

  /** The working state of one fit, on the standardised scale. */
  private static final class Problem {
    private final int n;
    private final int p;
    private final int k1;
    private final int width;
    private final int m;
    private final double[] z;
    private final int[] y;
    private final double[] mean;
    private final double[] scale;
    private final double[] penaltyDiagonal;
    private final double lambda;
    // evaluation outputs at the current point
    private final double[] gradient;
    private final double[] information;
    private double objective;
    private double logLik;
    private double minLogProbability;

    Problem(double[][] x, int[] classes, int classCount, double lambda) {
      StandardisedDesign d = new StandardisedDesign(x, classes, classCount);
      this.n = d.n;
      this.p = d.p;
      this.k1 = classCount - 1;
      this.width = d.width;
      this.m = k1 * width;
      this.lambda = lambda;
      this.y = d.y;
      this.mean = d.mean;
      this.scale = d.scale;
      this.z = d.z;
      int[] counts = d.counts;
      penaltyDiagonal = new double[m];
      for (int k = 0; k < k1; k++) {
        for (int j = 0; j < p; j++) {
          // beta_j = gamma_j / s_j, so (lambda/2) beta_j^2 = (lambda / s_j^2 / 2) gamma_j^2
          penaltyDiagonal[k * width + j + 1] = lambda / (scale[j] * scale[j]);
        }
      }
      gradient = new double[m];
      information = new double[m * m];
      this.counts = counts;
    }

    private final int[] counts;

    MultinomialLogisticModel solve(int maxIterations, double tolerance) {
      double[] gamma = new double[m];
      for (int k = 0; k < k1; k++) {
        gamma[k * width] = Math.log((double) counts[k + 1] / counts[0]);
      }
      evaluate(gamma);
      double[] delta = new double[m];
      double[] trial = new double[m];
      double[] chol = new double[m * m];
      MultinomialLogisticModel.Status status = null;
      int iter = 0;
      while (iter < maxIterations) {
        iter++;
        if (!Cholesky.solve(information, gradient, chol, delta, m)) {
          // saturated probabilities make the information matrix vanish along the separating
          // direction; otherwise the design itself is degenerate
          status = minLogProbability < SEPARATION_LOG_PROBABILITY
              ? MultinomialLogisticModel.Status.SEPARATION
              : MultinomialLogisticModel.Status.SINGULAR;
          break;
        }
        double maxStep = 0;
        for (int t = 0; t < m; t++) {
          maxStep = Math.max(maxStep, Math.abs(delta[t]));
        }
        double oldObjective = objective;
        double step = 1.0;
        for (int t = 0; t < m; t++) {
          trial[t] = gamma[t] + delta[t];
        }
        evaluate(trial); // the full Newton step usually succeeds: evaluate it completely at once
        boolean improved = objective >= oldObjective;
        if (!improved) {
          for (int h = 1; h <= MAX_HALVINGS && !improved; h++) {
            step *= 0.5;
            for (int t = 0; t < m; t++) {
              trial[t] = gamma[t] + step * delta[t];
            }
            improved = objectiveAt(trial) >= oldObjective;
          }
          if (!improved) {
            // no step along the Newton direction increases the objective: at the numerical
            // floor. With a small step that is convergence; with a large one the direction came
            // from a numerically near-singular information matrix.
            evaluate(gamma);
            status = maxStep < STEP_FLOOR ? MultinomialLogisticModel.Status.CONVERGED
                : MultinomialLogisticModel.Status.SINGULAR;
            break;
          }
          evaluate(trial);
        }
        System.arraycopy(trial, 0, gamma, 0, m);
        if (maxStep * step < tolerance) {
          status = MultinomialLogisticModel.Status.CONVERGED;
          break;
        }
        if (maxStep < STEP_FLOOR && objective - oldObjective <= 1e-15 * Math.abs(oldObjective)) {
          status = MultinomialLogisticModel.Status.CONVERGED;
          break;
        }
      }
      if (status == null) {
        status = minLogProbability < SEPARATION_LOG_PROBABILITY
            ? MultinomialLogisticModel.Status.SEPARATION
            : MultinomialLogisticModel.Status.ITERATION_LIMIT;
      }
      return new MultinomialLogisticModel(toOriginalScale(gamma), logLik, objective, lambda, iter,
          status);
    }

    private double[][] toOriginalScale(double[] gamma) {
      double[][] beta = new double[k1][width];
      for (int k = 0; k < k1; k++) {
        int o = k * width;
        double intercept = gamma[o];
        for (int j = 0; j < p; j++) {
          double b = gamma[o + j + 1] / scale[j];
          beta[k][j + 1] = b;
          intercept -= b * mean[j];
        }
        beta[k][0] = intercept;
      }
      return beta;
    }

    /** Penalised log-likelihood only (for the line search). */
    private double objectiveAt(double[] gamma) {
      double[] eta = new double[k1 + 1];
      double ll = 0;
      for (int i = 0; i < n; i++) {
        double lse = linearPredictors(gamma, i, eta, null);
        ll += eta[y[i]] - lse;
      }
      return ll - penalty(gamma);
    }

    private double penalty(double[] gamma) {
      if (lambda == 0) {
        return 0;
      }
      double pen = 0;
      for (int t = 0; t < m; t++) {
        pen += penaltyDiagonal[t] * gamma[t] * gamma[t];
      }
      return 0.5 * pen;
    }

    /**
     * Fills eta (eta[0] = 0) for row i, and prob with exp(eta - max eta) when prob is non-null;
     * returns log(sum exp(eta)).
     */
    private double linearPredictors(double[] gamma, int i, double[] eta, double[] prob) {
      int o = i * width;
      eta[0] = 0;
      double max = 0;
      for (int k = 0; k < k1; k++) {
        int g = k * width;
        double s = 0;
        for (int j = 0; j < width; j++) {
          s += gamma[g + j] * z[o + j];
        }
        eta[k + 1] = s;
        max = Math.max(max, s);
      }
      double sum = 0;
      for (int k = 0; k <= k1; k++) {
        double e = Math.exp(eta[k] - max);
        sum += e;
        if (prob != null) {
          prob[k] = e;
        }
      }
      return max + Math.log(sum);
    }

    /**
     * Objective, gradient, information matrix (minus the Hessian) and the smallest fitted log
     * probability at gamma. (A probability near 1 forces another class's near 0, so the smallest
     * log probability alone reveals saturation.)
     */
    private void evaluate(double[] gamma) {
      java.util.Arrays.fill(gradient, 0);
      java.util.Arrays.fill(information, 0);
      double[] eta = new double[k1 + 1];
      double[] prob = new double[k1 + 1];
      // the weights of up to ROW_GROUP rows, added to the information matrix together
      double[] w = new double[ROW_GROUP * k1 * k1];
      double ll = 0;
      double minLogP = 0;
      int group = 0;
      for (int i = 0; i < n; i++) {
        int o = i * width;
        double lse = linearPredictors(gamma, i, eta, prob);
        ll += eta[y[i]] - lse;
        double total = 0;
        for (int k = 0; k <= k1; k++) {
          total += prob[k];
        }
        for (int k = 0; k <= k1; k++) {
          prob[k] /= total;
          minLogP = Math.min(minLogP, eta[k] - lse);
        }
        for (int k = 0; k < k1; k++) {
          double r = (y[i] == k + 1 ? 1.0 : 0.0) - prob[k + 1];
          int g = k * width;
          for (int j = 0; j < width; j++) {
            gradient[g + j] += r * z[o + j];
          }
        }
        int wo = group * k1 * k1;
        for (int k = 0; k < k1; k++) {
          for (int l = k; l < k1; l++) {
            w[wo + k * k1 + l] = prob[k + 1] * ((k == l ? 1.0 : 0.0) - prob[l + 1]);
          }
        }
        group++;
        if (group == ROW_GROUP) {
          addInformation4(i - (ROW_GROUP - 1), w);
          group = 0;
        }
      }
      for (int g = 0; g < group; g++) {
        addInformation(n - group + g, w, g * k1 * k1);
      }
      for (int t = 0; t < m; t++) {
        gradient[t] -= penaltyDiagonal[t] * gamma[t];
        information[t * m + t] += penaltyDiagonal[t];
      }
      // mirror the upper triangle (blocks k <= l, and j <= jj within diagonal blocks)
      for (int r = 0; r < m; r++) {
        for (int c = r + 1; c < m; c++) {
          information[c * m + r] = information[r * m + c];
        }
      }
      this.logLik = ll;
      this.objective = ll - penalty(gamma);
      this.minLogProbability = minLogP;
    }

    /**
     * Adds row i's terms w_ikl z_ij z_ijj to the upper triangle of the information matrix, with
     * the row's weights at {@code w[wo..]}.
     */
    private void addInformation(int i, double[] w, int wo) {
      int o = i * width;
      for (int k = 0; k < k1; k++) {
        for (int l = k; l < k1; l++) {
          double wkl = w[wo + k * k1 + l];
          for (int j = 0; j < width; j++) {
            double a = wkl * z[o + j];
            int row = (k * width + j) * m + l * width;
            for (int jj = (k == l ? j : 0); jj < width; jj++) {
              information[row + jj] += a * z[o + jj];
            }
          }
        }
      }
    }

    /**
     * {@link #addInformation} for rows i..i+3 (weights at {@code w[0..]} in row order): each
     * entry takes the four rows' terms one after the other, exactly the sums of four calls, with
     * one load and store per entry instead of four.
     */
    private void addInformation4(int i, double[] w) {
      int o0 = i * width;
      int o1 = o0 + width;
      int o2 = o1 + width;
      int o3 = o2 + width;
      int kk = k1 * k1;
      for (int k = 0; k < k1; k++) {
        for (int l = k; l < k1; l++) {
          int q = k * k1 + l;
          double w0 = w[q];
          double w1 = w[kk + q];
          double w2 = w[2 * kk + q];
          double w3 = w[3 * kk + q];
          for (int j = 0; j < width; j++) {
            double a0 = w0 * z[o0 + j];
            double a1 = w1 * z[o1 + j];
            double a2 = w2 * z[o2 + j];
            double a3 = w3 * z[o3 + j];
            int row = (k * width + j) * m + l * width;
            for (int jj = (k == l ? j : 0); jj < width; jj++) {
              information[row + jj] = information[row + jj] + a0 * z[o0 + jj] + a1 * z[o1 + jj]
                  + a2 * z[o2 + jj] + a3 * z[o3 + jj];
            }
          }
        }
      }
    }
  }
}
