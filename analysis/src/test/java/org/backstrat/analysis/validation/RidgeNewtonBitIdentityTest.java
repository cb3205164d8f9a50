package org.backstrat.analysis.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The ridge trainer's Newton iterations are arranged for speed (objective first, derivatives only
 * for accepted steps and from the kept probabilities, the next λ started from the last pass, the
 * Hessian taking four rows per load and store); its fits must be bit for bit those of the plain
 * iteration that evaluates objective and derivatives in one pass per trial, row by row
 * ({@link Reference}, the code the demo's outputs were made with). Checked on data with and
 * without separation, 2 to 4 classes, row counts that are and are not multiples of four.
 */
class RidgeNewtonBitIdentityTest {

  @Test
  void pathFitsAreBitIdenticalToOnePassNewtonAtEveryLambda() {
    SplittableRandom rng = new SplittableRandom(21);
    double[] grid = MultinomialRidgeTrainer.DEFAULT_GRID;
    for (int trial = 0; trial < 24; trial++) {
      int n = 40 + rng.nextInt(400);
      int p = 1 + rng.nextInt(9);
      int k = 2 + rng.nextInt(3);
      double spread = trial % 3 == 0 ? 20 : 1; // every third data set separable
      double[][] x = new double[n][p];
      int[] y = new int[n];
      for (int i = 0; i < n; i++) {
        y[i] = i < k ? i : rng.nextInt(k);
        for (int j = 0; j < p; j++) {
          x[i][j] = rng.nextGaussian() + (j % k == y[i] ? spread : 0) + 3 * j;
        }
      }
      // every λ of the path (as the inner cross-validation fits them) ...
      MultinomialRidgeModel[] path = MultinomialRidgeTrainer.fitPath(x, y, k, grid);
      for (int g = 0; g < grid.length; g++) {
        double[][] expected = Reference.pathTo(x, y, k, Arrays.copyOf(grid, g + 1));
        assertBits(path[g].coefficients(), expected, "trial " + trial + ", λ " + grid[g]);
      }
      // ... and train's fit down to the λ it chose, and a fit at one fixed λ
      MultinomialRidgeTrainer cv = MultinomialRidgeTrainer.crossValidated(trial);
      double chosen = cv.chooseLambda(x, y, k);
      int down = 0;
      while (down < grid.length && grid[down] >= chosen) {
        down++;
      }
      assertBits(cv.train(x, y, k).coefficients(),
          Reference.pathTo(x, y, k, Arrays.copyOf(grid, down)), "trial " + trial + " trained");
      assertBits(MultinomialRidgeTrainer.fixed(0.05).train(x, y, k).coefficients(),
          Reference.pathTo(x, y, k, new double[] {0.05}), "trial " + trial + " fixed");
    }
  }

  private static void assertBits(double[][] got, double[][] expected, String what) {
    for (int c = 0; c < expected.length; c++) {
      for (int t = 0; t < expected[c].length; t++) {
        assertThat(Double.doubleToRawLongBits(got[c][t])).as(what + " class " + c + " term " + t)
            .isEqualTo(Double.doubleToRawLongBits(expected[c][t]));
      }
    }
  }

  /**
   * The plain Newton iteration with step halving along a decreasing λ path: one pass over the
   * rows per trial evaluates the objective and, unless the step ends the fit, the gradient and
   * the upper triangles of the Hessian's class-pair blocks row by row.
   */
  static final class Reference {
    private static final double TOLERANCE = 1e-10;

    static double[][] pathTo(double[][] x, int[] classes, int kc, double[] lambdas) {
      StandardisedDesign d = new StandardisedDesign(x, classes, kc);
      int width = d.width;
      int m = kc * width;
      int n = d.n;
      int tri = width * (width + 1) / 2;
      double[] theta = new double[m];
      for (int k = 1; k < kc; k++) {
        theta[k * width] = Math.log((double) d.counts[k] / d.counts[0]);
      }
      double[] outer = new double[n * tri];
      for (int i = 0; i < n; i++) {
        int t = i * tri;
        for (int j = 0; j < width; j++) {
          for (int jj = j; jj < width; jj++) {
            outer[t++] = d.z[i * width + j] * d.z[i * width + jj];
          }
        }
      }
      double[] gradient = new double[m];
      double[] hessian = new double[m * m];
      double[] blocks = new double[kc * (kc + 1) / 2 * tri];
      for (double lambda : lambdas) {
        double[] delta = new double[m];
        double[] trial = new double[m];
        double[] chol = new double[m * m];
        double f = evaluate(d, outer, tri, theta, lambda, true, gradient, hessian, blocks);
        for (int iter = 0; iter < 200; iter++) {
          if (!Cholesky.solve(hessian, gradient, chol, delta, m)) {
            break;
          }
          double maxStep = 0;
          for (double v : delta) {
            maxStep = Math.max(maxStep, Math.abs(v));
          }
          double step = 1.0;
          double ft = Double.NaN;
          for (int h = 0; h <= 60; h++) {
            for (int t = 0; t < m; t++) {
              trial[t] = theta[t] - step * delta[t];
            }
            ft = evaluate(d, outer, tri, trial, lambda, maxStep * step >= TOLERANCE, gradient,
                hessian, blocks);
            if (ft <= f) {
              break;
            }
            step *= 0.5;
          }
          if (!(ft <= f)) {
            break;
          }
          System.arraycopy(trial, 0, theta, 0, m);
          f = ft;
          if (maxStep * step < TOLERANCE) {
            break;
          }
        }
      }
      double[][] beta = new double[kc][width];
      double interceptMean = 0;
      for (int k = 0; k < kc; k++) {
        double a = theta[k * width];
        for (int j = 0; j < d.p; j++) {
          double b = theta[k * width + j + 1] / d.scale[j];
          beta[k][j + 1] = b;
          a -= b * d.mean[j];
        }
        beta[k][0] = a;
        interceptMean += a / kc;
      }
      for (int k = 0; k < kc; k++) {
        beta[k][0] -= interceptMean;
      }
      return beta;
    }

    private static double evaluate(StandardisedDesign d, double[] outer, int tri, double[] th,
                                   double lambda, boolean derivatives, double[] gradient,
                                   double[] hessian, double[] blocks) {
      int n = d.n;
      int width = d.width;
      int kc = d.counts.length;
      int m = kc * width;
      if (derivatives) {
        Arrays.fill(gradient, 0);
        Arrays.fill(hessian, 0);
        Arrays.fill(blocks, 0);
      }
      double[] eta = new double[kc];
      double ll = 0;
      for (int i = 0; i < n; i++) {
        int o = i * width;
        for (int k = 0; k < kc; k++) {
          double s = 0;
          for (int j = 0; j < width; j++) {
            s += th[k * width + j] * d.z[o + j];
          }
          eta[k] = s;
        }
        double yEta = eta[d.y[i]];
        double lse = MultinomialLogisticModel.softmaxInPlace(eta);
        ll += yEta - lse;
        if (!derivatives) {
          continue;
        }
        int pair = 0;
        for (int k = 0; k < kc; k++) {
          double r = eta[k] - (d.y[i] == k ? 1.0 : 0.0);
          for (int j = 0; j < width; j++) {
            gradient[k * width + j] += r * d.z[o + j];
          }
          for (int l = k; l < kc; l++) {
            double w = eta[k] * ((k == l ? 1.0 : 0.0) - eta[l]);
            for (int t = 0; t < tri; t++) {
              blocks[pair * tri + t] += w * outer[i * tri + t];
            }
            pair++;
          }
        }
      }
      if (derivatives) {
        int pair = 0;
        for (int k = 0; k < kc; k++) {
          for (int l = k; l < kc; l++) {
            int t = pair * tri;
            for (int j = 0; j < width; j++) {
              for (int jj = j; jj < width; jj++) {
                double v = blocks[t++];
                hessian[(k * width + j) * m + l * width + jj] = v;
                if (k != l) {
                  hessian[(k * width + jj) * m + l * width + j] = v;
                }
              }
            }
            pair++;
          }
        }
      }
      double pen = 0;
      for (int k = 0; k < kc; k++) {
        for (int j = 1; j < width; j++) {
          pen += th[k * width + j] * th[k * width + j];
        }
      }
      double f = -ll / n + 0.5 * lambda * pen;
      if (derivatives) {
        for (int t = 0; t < m; t++) {
          gradient[t] /= n;
        }
        for (int r = 0; r < m; r++) {
          for (int c = r; c < m; c++) {
            hessian[r * m + c] /= n;
          }
        }
        for (int k = 0; k < kc; k++) {
          for (int j = 1; j < width; j++) {
            int t = k * width + j;
            gradient[t] += lambda * th[t];
            hessian[t * m + t] += lambda;
          }
        }
        for (int r = 0; r < m; r++) {
          for (int c = r + 1; c < m; c++) {
            hessian[c * m + r] = hessian[r * m + c];
          }
        }
        gradient[0] = 0;
        for (int t = 0; t < m; t++) {
          hessian[t] = 0;
          hessian[t * m] = 0;
        }
        hessian[0] = 1;
      }
      return f;
    }
  }
}
