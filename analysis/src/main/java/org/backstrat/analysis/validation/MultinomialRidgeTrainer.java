package org.backstrat.analysis.validation;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Fits multinomial logistic regression with a ridge (L2) penalty exactly as R glmnet does with
 * {@code family = "multinomial", alpha = 0, standardize = TRUE}: it minimises
 * {@code -(1/n) logLik + (lambda/2) sum_k sum_j (s_j b_kj)^2} over the symmetric
 * parametrisation (one intercept and slope vector per class; intercepts unpenalised), where s_j
 * is the standard deviation (divisor n) of feature j. Checked against glmnet 4.1-6 to 1e-6
 * (fixture {@code reference/validation/glmnet_ridge.R}).
 *
 * <p>λ is either fixed ({@link #fixed}) or chosen for each fit by an inner stratified k-fold
 * cross-validation on the training data only ({@link #crossValidated}): the grid is fitted from
 * the largest λ down with warm starts, and the λ with the smallest mean held-out multinomial
 * deviance is kept (cv.glmnet's {@code lambda.min}; ties go to the larger λ), then the model is
 * refitted on all the training data at that λ. Why ridge rather than maximum likelihood: strata
 * that are nearest-centre cells of the features are linearly separable, so the unpenalised
 * estimate does not exist and its fits never converge; ridge has a unique finite optimum for any
 * data. Why not Firth: with separation its estimates exist too, but its Newton steps need the
 * hat matrix of an n·(K-1)-dimensional design at every step, and it does not shrink towards
 * calibrated probabilities the way a λ chosen for held-out deviance does.
 *
 * <p>With {@link #withSeparationCheck} each fit also fits the unpenalised model on the same data
 * and records whether it was separated ({@link Separation}): complete when that fit's
 * probabilities saturate (below about 1e-10) and it classifies every training row correctly,
 * quasi-complete when they saturate otherwise, none when it converged. This is a practical
 * check (divergence of the maximum likelihood fit), not Konis's linear program; it agrees with
 * brglm2's {@code detect_separation} on the reference data sets in the tests.
 *
 * <p>Newton's method with step halving on the standardised scale; converges when the largest
 * step is below 1e-10. Deterministic: the inner folds come from a {@link SplittableRandom} seeded
 * with {@link #seed()} and the training rows only.
 */
public final class MultinomialRidgeTrainer implements ClassifierTrainer {

  /** The default λ grid: 10^0 down to 10^-4 in half decades. */
  public static final double[] DEFAULT_GRID = {1.0, 0.31622776601683794, 0.1,
      0.031622776601683794, 0.01, 0.0031622776601683794, 0.001, 3.1622776601683794e-4, 1e-4};

  private static final int MAX_ITERATIONS = 200;
  private static final double TOLERANCE = 1e-10;

  private final double[] grid;
  private final int innerFolds;
  private final long seed;
  private final boolean separationCheck;

  private MultinomialRidgeTrainer(double[] grid, int innerFolds, long seed,
                                  boolean separationCheck) {
    for (double l : grid) {
      if (!(l > 0) || Double.isInfinite(l)) {
        throw new IllegalArgumentException("every λ must be finite and > 0: " + l);
      }
    }
    if (grid.length == 0) {
      throw new IllegalArgumentException("empty λ grid");
    }
    if (grid.length > 1 && innerFolds < 2) {
      throw new IllegalArgumentException("inner folds must be >= 2: " + innerFolds);
    }
    this.grid = grid.clone();
    Arrays.sort(this.grid);
    reverse(this.grid);
    this.innerFolds = innerFolds;
    this.seed = seed;
    this.separationCheck = separationCheck;
  }

  /** Ridge at one fixed λ (glmnet's scale). */
  public static MultinomialRidgeTrainer fixed(double lambda) {
    return new MultinomialRidgeTrainer(new double[] {lambda}, 0, 0L, false);
  }

  /** λ chosen from {@link #DEFAULT_GRID} by inner 5-fold cross-validation with this seed. */
  public static MultinomialRidgeTrainer crossValidated(long seed) {
    return new MultinomialRidgeTrainer(DEFAULT_GRID, 5, seed, false);
  }

  /** A copy choosing λ from this grid with this many inner folds. */
  public MultinomialRidgeTrainer withGrid(double[] lambdas, int folds) {
    return new MultinomialRidgeTrainer(lambdas, folds, seed, separationCheck);
  }

  /** A copy that also checks every fit's training data for separation. */
  public MultinomialRidgeTrainer withSeparationCheck() {
    return new MultinomialRidgeTrainer(grid, innerFolds, seed, true);
  }

  /** The λ grid, largest first (one value when fixed). */
  public double[] grid() {
    return grid.clone();
  }

  /** Inner folds (0 when λ is fixed). */
  public int innerFolds() {
    return innerFolds;
  }

  /** Seed of the inner folds. */
  public long seed() {
    return seed;
  }

  @Override
  public MultinomialRidgeModel train(double[][] features, int[] classes, int classCount) {
    double lambda = grid.length == 1 ? grid[0] : chooseLambda(features, classes, classCount);
    int down = 0;
    while (down < grid.length && grid[down] >= lambda) {
      down++;
    }
    MultinomialRidgeModel[] path = fitPath(features, classes, classCount,
        Arrays.copyOf(grid, down));
    MultinomialRidgeModel model = path[down - 1];
    if (separationCheck) {
      model = model.withSeparation(separationOf(features, classes, classCount));
    }
    return model;
  }

  /**
   * The separation of these data by the practical check described in the class comment: fits
   * the unpenalised model and reads how it ended.
   */
  public static Separation separationOf(double[][] features, int[] classes, int classCount) {
    MultinomialLogisticModel ml;
    try {
      ml = MultinomialLogisticTrainer.withDefaults().train(features, classes, classCount);
    } catch (IllegalArgumentException e) {
      return Separation.NOT_CHECKED;
    }
    switch (ml.status()) {
      case CONVERGED:
        return Separation.NONE;
      case SEPARATION:
        for (int i = 0; i < features.length; i++) {
          if (ml.predictClass(features[i]) != classes[i]) {
            return Separation.QUASI_COMPLETE;
          }
        }
        return Separation.COMPLETE;
      default:
        return Separation.NOT_CHECKED;
    }
  }

  /** The λ of the grid with the smallest mean held-out deviance over the inner folds. */
  double chooseLambda(double[][] x, int[] y, int classCount) {
    int[] counts = new int[classCount];
    for (int c : y) {
      counts[c]++;
    }
    int folds = innerFolds;
    for (int c : counts) {
      folds = Math.min(folds, c);
    }
    if (folds < 2) {
      return grid[0]; // a class too small to hold out: the strongest penalty
    }
    int[] fold = StratifiedFolds.assign(y, classCount, folds, new SplittableRandom(seed));
    double[] deviance = new double[grid.length];
    for (int f = 0; f < folds; f++) {
      int nTest = 0;
      for (int v : fold) {
        if (v == f) {
          nTest++;
        }
      }
      double[][] trainX = new double[x.length - nTest][];
      int[] trainY = new int[x.length - nTest];
      int a = 0;
      for (int i = 0; i < x.length; i++) {
        if (fold[i] != f) {
          trainX[a] = x[i];
          trainY[a++] = y[i];
        }
      }
      MultinomialRidgeModel[] path = fitPath(trainX, trainY, classCount, grid);
      for (int g = 0; g < grid.length; g++) {
        MultinomialRidgeModel m = path[g];
        for (int i = 0; i < x.length; i++) {
          if (fold[i] == f) {
            double pr = m.predictProbabilities(x[i])[y[i]];
            deviance[g] -= 2 * Math.log(Math.max(pr, 1e-300));
          }
        }
      }
    }
    int best = 0;
    for (int g = 1; g < grid.length; g++) {
      if (deviance[g] < deviance[best]) {
        best = g;
      }
    }
    return grid[best];
  }

  /**
   * The fits at each of {@code lambdas} (decreasing) on these data, each warm-started at the
   * previous one: the path that both the inner cross-validation and the final fit follow.
   */
  static MultinomialRidgeModel[] fitPath(double[][] x, int[] classes, int classCount,
                                         double[] lambdas) {
    Path path = new Path(x, classes, classCount);
    MultinomialRidgeModel[] out = new MultinomialRidgeModel[lambdas.length];
    for (int g = 0; g < lambdas.length; g++) {
      out[g] = path.fit(lambdas[g]);
    }
    return out;
  }

  private static void reverse(double[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      double t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /**
   * Fits along a decreasing λ path on one data set, each fit warm-started at the previous.
   *
   * <p>Each Newton trial point first gets its objective only (one pass over the rows that keeps
   * every row's class probabilities); the gradient and Hessian are computed from those kept
   * probabilities only for a trial that is accepted and does not end the fit. Rejected trials of
   * the step halving (common where the objective stops decreasing measurably near the optimum)
   * therefore cost no derivatives, and the next λ starts from the probabilities and
   * log-likelihood of the point the previous fit ended at, with no pass for its objective. Every
   * number is computed by the same operations in the same order as by one pass evaluating the
   * objective and derivatives together, so the fits are bit for bit the same.
   */
  private static final class Path {
    /** Rows whose Hessian contributions are added to each entry in one load and store. */
    private static final int ROW_GROUP = 4;
    private final int n;
    private final int p;
    private final int kc;
    private final int width;
    private final int m;
    private final double[] z;
    private final int[] y;
    private final double[] mean;
    private final double[] scale;
    private final double[] theta;
    private final double[] gradient;
    private final double[] hessian;
    /** Per row, the upper triangle of z_i z_i^T (j &lt;= jj), row-major: fixed on the path. */
    private final double[] outer;
    /** Entries of one upper triangle of a width x width block. */
    private final int tri;
    /** Per class pair (k &lt;= l), the upper triangle of sum_i w_ikl z_i z_i^T. */
    private final double[] blocks;
    /** Class probabilities of every row (n x kc) at the point of the last objective pass. */
    private final double[] prob;
    /** Log-likelihood at the point of the last objective pass. */
    private double logLik;
    /** Whether the last objective pass was at theta (so prob and logLik describe theta). */
    private boolean passAtTheta;

    Path(double[][] x, int[] classes, int classCount) {
      StandardisedDesign d = new StandardisedDesign(x, classes, classCount);
      n = d.n;
      p = d.p;
      kc = classCount;
      width = d.width;
      m = kc * width;
      y = d.y;
      mean = d.mean;
      scale = d.scale;
      z = d.z;
      int[] counts = d.counts;
      theta = new double[m];
      for (int k = 1; k < kc; k++) {
        theta[k * width] = Math.log((double) counts[k] / counts[0]);
      }
      gradient = new double[m];
      hessian = new double[m * m];
      tri = width * (width + 1) / 2;
      outer = new double[n * tri];
      for (int i = 0; i < n; i++) {
        int o = i * width;
        int t = i * tri;
        for (int j = 0; j < width; j++) {
          for (int jj = j; jj < width; jj++) {
            outer[t++] = z[o + j] * z[o + jj];
          }
        }
      }
      blocks = new double[kc * (kc + 1) / 2 * tri];
      prob = new double[n * kc];
    }

    /** Fits at lambda, starting from the previous fit on this path. */
    MultinomialRidgeModel fit(double lambda) {
      double[] delta = new double[m];
      double[] trial = new double[m];
      double[] chol = new double[m * m];
      if (!passAtTheta) {
        logLik = logLikelihood(theta);
        passAtTheta = true;
      }
      double f = objective(theta, logLik, lambda);
      derivatives(theta, lambda);
      boolean converged = false;
      int iter = 0;
      while (iter < MAX_ITERATIONS) {
        iter++;
        if (!Cholesky.solve(hessian, gradient, chol, delta, m)) {
          break;
        }
        double maxStep = 0;
        for (int t = 0; t < m; t++) {
          maxStep = Math.max(maxStep, Math.abs(delta[t]));
        }
        double step = 1.0;
        double ft = Double.NaN;
        for (int h = 0; h <= 60; h++) {
          for (int t = 0; t < m; t++) {
            trial[t] = theta[t] - step * delta[t];
          }
          logLik = logLikelihood(trial);
          ft = objective(trial, logLik, lambda);
          if (ft <= f) {
            break;
          }
          step *= 0.5;
        }
        if (!(ft <= f)) {
          passAtTheta = false; // the last pass was at a rejected trial
          converged = maxStep < 1e-6; // at the numerical floor
          break;
        }
        System.arraycopy(trial, 0, theta, 0, m);
        passAtTheta = true;
        f = ft;
        if (maxStep * step < TOLERANCE) {
          converged = true;
          break;
        }
        // the next step needs the derivatives at the accepted point: from its kept
        // probabilities (a step that ends the fit needs none)
        derivatives(theta, lambda);
      }
      return new MultinomialRidgeModel(originalScale(), lambda, iter, converged,
          Separation.NOT_CHECKED);
    }

    private double[][] originalScale() {
      double[][] beta = new double[kc][width];
      double interceptMean = 0;
      for (int k = 0; k < kc; k++) {
        int o = k * width;
        double a = theta[o];
        for (int j = 0; j < p; j++) {
          double b = theta[o + j + 1] / scale[j];
          beta[k][j + 1] = b;
          a -= b * mean[j];
        }
        beta[k][0] = a;
        interceptMean += a / kc;
      }
      for (int k = 0; k < kc; k++) {
        beta[k][0] -= interceptMean;
      }
      return beta;
    }

    /**
     * The log-likelihood at th (rows added in order), leaving every row's class probabilities in
     * {@link #prob}.
     */
    private double logLikelihood(double[] th) {
      double[] eta = new double[kc];
      double ll = 0;
      for (int i = 0; i < n; i++) {
        int o = i * width;
        for (int k = 0; k < kc; k++) {
          double s = 0;
          int g = k * width;
          for (int j = 0; j < width; j++) {
            s += th[g + j] * z[o + j];
          }
          eta[k] = s;
        }
        double yEta = eta[y[i]];
        double lse = MultinomialLogisticModel.softmaxInPlace(eta); // eta now holds probabilities
        ll += yEta - lse;
        System.arraycopy(eta, 0, prob, i * kc, kc);
      }
      return ll;
    }

    /** The penalised objective at th with log-likelihood ll. */
    private double objective(double[] th, double ll, double lambda) {
      double pen = 0;
      for (int k = 0; k < kc; k++) {
        for (int j = 1; j < width; j++) {
          double v = th[k * width + j];
          pen += v * v;
        }
      }
      return -ll / n + 0.5 * lambda * pen;
    }

    /**
     * The gradient and Hessian of the objective at th, from the class probabilities that the
     * objective pass at th left in {@link #prob} (class 0's intercept is held at 0: its row and
     * column are the identity).
     */
    private void derivatives(double[] th, double lambda) {
      Arrays.fill(gradient, 0);
      Arrays.fill(hessian, 0);
      Arrays.fill(blocks, 0);
      int i = 0;
      for (; i + ROW_GROUP <= n; i += ROW_GROUP) {
        addRows4(i);
      }
      for (; i < n; i++) {
        addRow(i);
      }
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
      // class 0's intercept is fixed at 0 (only intercept differences are identified)
      gradient[0] = 0;
      for (int t = 0; t < m; t++) {
        hessian[t] = 0;
        hessian[t * m] = 0;
      }
      hessian[0] = 1;
    }

    /**
     * Adds row i's gradient terms r_ik z_i and Hessian terms w_ikl z_i z_i^T (upper triangle of
     * each class pair's block, from the row's precomputed products).
     */
    private void addRow(int i) {
      int o = i * width;
      int pi = i * kc;
      int qi = i * tri;
      int pair = 0;
      for (int k = 0; k < kc; k++) {
        double r = prob[pi + k] - (y[i] == k ? 1.0 : 0.0);
        int g = k * width;
        for (int j = 0; j < width; j++) {
          gradient[g + j] += r * z[o + j];
        }
        for (int l = k; l < kc; l++) {
          double w = prob[pi + k] * ((k == l ? 1.0 : 0.0) - prob[pi + l]);
          int b = pair * tri;
          for (int t = 0; t < tri; t++) {
            blocks[b + t] += w * outer[qi + t];
          }
          pair++;
        }
      }
    }

    /**
     * {@link #addRow} for rows i..i+3 at once: each entry takes the four rows' terms one after
     * the other in row order, exactly the sums of four calls, with one load and store per entry
     * instead of four.
     */
    private void addRows4(int i) {
      int o0 = i * width;
      int o1 = o0 + width;
      int o2 = o1 + width;
      int o3 = o2 + width;
      int p0 = i * kc;
      int p1 = p0 + kc;
      int p2 = p1 + kc;
      int p3 = p2 + kc;
      int q0 = i * tri;
      int q1 = q0 + tri;
      int q2 = q1 + tri;
      int q3 = q2 + tri;
      int pair = 0;
      for (int k = 0; k < kc; k++) {
        double r0 = prob[p0 + k] - (y[i] == k ? 1.0 : 0.0);
        double r1 = prob[p1 + k] - (y[i + 1] == k ? 1.0 : 0.0);
        double r2 = prob[p2 + k] - (y[i + 2] == k ? 1.0 : 0.0);
        double r3 = prob[p3 + k] - (y[i + 3] == k ? 1.0 : 0.0);
        int g = k * width;
        for (int j = 0; j < width; j++) {
          gradient[g + j] = gradient[g + j] + r0 * z[o0 + j] + r1 * z[o1 + j] + r2 * z[o2 + j]
              + r3 * z[o3 + j];
        }
        for (int l = k; l < kc; l++) {
          double same = k == l ? 1.0 : 0.0;
          double w0 = prob[p0 + k] * (same - prob[p0 + l]);
          double w1 = prob[p1 + k] * (same - prob[p1 + l]);
          double w2 = prob[p2 + k] * (same - prob[p2 + l]);
          double w3 = prob[p3 + k] * (same - prob[p3 + l]);
          int b = pair * tri;
          for (int t = 0; t < tri; t++) {
            blocks[b + t] = blocks[b + t] + w0 * outer[q0 + t] + w1 * outer[q1 + t]
                + w2 * outer[q2 + t] + w3 * outer[q3 + t];
          }
          pair++;
        }
      }
    }
  }
}
