package org.backstrat.analysis.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The maximum likelihood (and L2) trainer adds four rows' terms to each entry of the information
 * matrix at once, for speed; its fits (coefficients, log-likelihood, iterations, status) must be
 * bit for bit those of the row-by-row Newton iteration it replaced ({@link Reference}, the code
 * the demo's outputs were made with), including fits that end in separation and row counts that
 * are not multiples of four.
 */
class LogisticNewtonBitIdentityTest {

  @Test
  void fitsAreBitIdenticalToRowByRowNewton() {
    SplittableRandom rng = new SplittableRandom(31);
    for (int trial = 0; trial < 40; trial++) {
      int n = 30 + rng.nextInt(300);
      int p = 1 + rng.nextInt(8);
      int k = 2 + rng.nextInt(3);
      double spread = trial % 3 == 0 ? 20 : 0.7; // every third data set separable
      double lambda = trial % 4 == 1 ? 0.5 : 0;
      double[][] x = new double[n][p];
      int[] y = new int[n];
      for (int i = 0; i < n; i++) {
        y[i] = i < k ? i : rng.nextInt(k);
        for (int j = 0; j < p; j++) {
          x[i][j] = rng.nextGaussian() + (j % k == y[i] ? spread : 0) - 2 * j;
        }
      }
      MultinomialLogisticModel got = MultinomialLogisticTrainer.withDefaults()
          .withL2Lambda(lambda).train(x, y, k);
      MultinomialLogisticModel expected = new Reference.Problem(x, y, k, lambda).solve(100, 1e-10);
      String what = "trial " + trial;
      assertThat(got.status()).as(what).isEqualTo(expected.status());
      assertThat(got.iterations()).as(what).isEqualTo(expected.iterations());
      assertThat(Double.doubleToRawLongBits(got.logLikelihood())).as(what)
          .isEqualTo(Double.doubleToRawLongBits(expected.logLikelihood()));
      double[][] a = got.coefficients();
      double[][] b = expected.coefficients();
      for (int c = 0; c < b.length; c++) {
        for (int t = 0; t < b[c].length; t++) {
          assertThat(Double.doubleToRawLongBits(a[c][t])).as(what + " class " + c + " term " + t)
              .isEqualTo(Double.doubleToRawLongBits(b[c][t]));
        }
      }
    }
  }

  /** The trainer's Newton iteration as it was, with the information matrix built row by row. */
  static final class Reference {
    private static final double SEPARATION_LOG_PROBABILITY = -23.0;
    private static final double STEP_FLOOR = 1e-6;
    private static final int MAX_HALVINGS = 60;

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
        double[] w = new double[k1 * k1];
        double ll = 0;
        double minLogP = 0;
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
          for (int k = 0; k < k1; k++) {
            for (int l = k; l < k1; l++) {
              w[k * k1 + l] = prob[k + 1] * ((k == l ? 1.0 : 0.0) - prob[l + 1]);
            }
          }
          for (int k = 0; k < k1; k++) {
            for (int l = k; l < k1; l++) {
              double wkl = w[k * k1 + l];
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
    }
  }
}
