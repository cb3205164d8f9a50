package org.backstrat.analysis.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.cluster.kmeans.Restarts;
import org.backstrat.core.BadInputException;

/**
 * Repeated stratified k-fold cross-validation of a classifier with a preprocessing step that is
 * fitted inside each training fold (default 5 folds × 10 repeats).
 *
 * <p>Determinism: a master {@link SplittableRandom} seeded with {@link #seed()} is split once per
 * repeat, in repeat order, and each split shuffles that repeat's {@link StratifiedFolds}. Fold
 * fits share no state and write to their own slots, and results are combined in (repeat, fold)
 * order, so the result is identical for any number of threads.
 */
public final class RepeatedCrossValidation {

  private final int folds;
  private final int repeats;
  private final long seed;
  private final int threads;

  private RepeatedCrossValidation(int folds, int repeats, long seed, int threads) {
    if (folds < 2) {
      throw new IllegalArgumentException("folds must be >= 2: " + folds);
    }
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats must be >= 1: " + repeats);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + threads);
    }
    this.folds = folds;
    this.repeats = repeats;
    this.seed = seed;
    this.threads = threads;
  }

  /** 5 folds, 10 repeats, seed 1, one thread. */
  public static RepeatedCrossValidation withDefaults() {
    return new RepeatedCrossValidation(5, 10, 1L, 1);
  }

  /** A copy with k folds. */
  public RepeatedCrossValidation withFolds(int k) {
    return new RepeatedCrossValidation(k, repeats, seed, threads);
  }

  /** A copy with another number of repeats. */
  public RepeatedCrossValidation withRepeats(int r) {
    return new RepeatedCrossValidation(folds, r, seed, threads);
  }

  /** A copy with another master seed. */
  public RepeatedCrossValidation withSeed(long s) {
    return new RepeatedCrossValidation(folds, repeats, s, threads);
  }

  /** A copy that fits folds on this many threads (results do not depend on it). */
  public RepeatedCrossValidation withThreads(int t) {
    return new RepeatedCrossValidation(folds, repeats, seed, t);
  }

  /** Number of folds k. */
  public int folds() {
    return folds;
  }

  /** Number of repeats. */
  public int repeats() {
    return repeats;
  }

  /** Master seed. */
  public long seed() {
    return seed;
  }

  /** Threads used for fold fits. */
  public int threads() {
    return threads;
  }

  /**
   * The fold of every row in every repeat, [repeat][row], exactly as {@link #run} uses them.
   * Also usable to compute other out-of-fold quantities (for example stratum risks for decision
   * curves) on the same folds.
   */
  public int[][] foldAssignments(int[] classes, int classCount) {
    SplittableRandom master = new SplittableRandom(seed);
    int[][] out = new int[repeats][];
    for (int r = 0; r < repeats; r++) {
      out[r] = StratifiedFolds.assign(classes, classCount, folds, master.split());
    }
    return out;
  }

  /**
   * Cross-validates.
   *
   * @param features n rows of p features (NaN = missing, for the transform to handle)
   * @param classes class of each row, 0..classCount-1
   * @param classCount number of classes K
   * @param trainer fits a classifier on each training fold
   * @param transform preprocessing fitted on each training fold only
   * @throws BadInputException when a class has fewer than 2 rows (some training fold would lack
   *     it) or fewer rows than folds exist
   */
  public CrossValidationResult run(double[][] features, int[] classes, int classCount,
                                   ClassifierTrainer trainer, FoldTransformFitter transform) {
    int n = features.length;
    if (classes.length != n) {
      throw new IllegalArgumentException(n + " feature rows but " + classes.length + " classes");
    }
    if (n < folds) {
      throw new BadInputException(
          "cross-validation with " + folds + " folds needs at least " + folds + " rows; got " + n);
    }
    int[] counts = new int[classCount];
    for (int c : classes) {
      counts[c]++;
    }
    for (int c = 0; c < classCount; c++) {
      if (counts[c] < 2) {
        throw new BadInputException("class " + c + " has " + counts[c]
            + " member(s); cross-validation needs at least 2 per class so that every training fold contains it");
      }
    }
    return runWithFolds(features, classes, classCount, trainer, transform,
        foldAssignments(classes, classCount));
  }

  /**
   * Cross-validates on given fold assignments instead of drawn ones (for example folds shared
   * with another analysis, or fixed folds of a reference computation). The number of repeats is
   * {@code foldOfRow.length} and the number of folds is this instance's {@link #folds()}.
   *
   * @param foldOfRow [repeat][row]: fold 0..folds()-1 of each row; every fold must be non-empty and
   *     leave every class in its training part
   */
  public CrossValidationResult runWithFolds(double[][] features, int[] classes, int classCount,
                                            ClassifierTrainer trainer,
                                            FoldTransformFitter transform, int[][] foldOfRow) {
    int n = features.length;
    int repeats = foldOfRow.length;
    int[][] assignment = new int[repeats][];
    for (int r = 0; r < repeats; r++) {
      if (foldOfRow[r].length != n) {
        throw new IllegalArgumentException("repeat " + r + ": " + foldOfRow[r].length + " folds for " + n + " rows");
      }
      assignment[r] = foldOfRow[r].clone();
      int[] size = new int[this.folds];
      for (int f : assignment[r]) {
        if (f < 0 || f >= this.folds) {
          throw new IllegalArgumentException("repeat " + r + ": fold " + f + " outside 0.." + (this.folds - 1));
        }
        size[f]++;
      }
      for (int f = 0; f < this.folds; f++) {
        if (size[f] == 0) {
          throw new IllegalArgumentException("repeat " + r + ": fold " + f + " is empty");
        }
      }
    }
    int tasks = repeats * folds;
    int[][] predictions = new int[repeats][n];
    FoldResult[] results = Restarts.inOrder(tasks, threads, t -> runFold(t / folds, t % folds,
        features, classes, classCount, assignment, trainer, transform, predictions))
        .toArray(new FoldResult[0]);
    return summarise(results, classCount, repeats, predictions);
  }

  private CrossValidationResult summarise(FoldResult[] results, int classCount, int repeats,
                                          int[][] predictions) {
    double[] accuracy = new double[results.length];
    double[] balanced = new double[results.length];
    double[] macroF1 = new double[results.length];
    long[][] pooled = new long[classCount][classCount];
    int nonConverged = 0;
    int complete = 0;
    int quasi = 0;
    boolean checked = false;
    double[] lambdas = new double[results.length];
    List<CrossValidationResult.FoldResult> list = new ArrayList<>(results.length);
    for (int t = 0; t < results.length; t++) {
      FoldResult r = results[t];
      ClassificationMetrics m = r.metrics;
      accuracy[t] = m.accuracy();
      balanced[t] = m.balancedAccuracy();
      macroF1[t] = m.macroF1();
      long[][] c = m.confusion();
      for (int a = 0; a < classCount; a++) {
        for (int b = 0; b < classCount; b++) {
          pooled[a][b] += c[a][b];
        }
      }
      if (!r.converged) {
        nonConverged++;
      }
      complete += r.separation == Separation.COMPLETE ? 1 : 0;
      quasi += r.separation == Separation.QUASI_COMPLETE ? 1 : 0;
      checked |= r.separation != Separation.NOT_CHECKED;
      lambdas[t] = r.lambda;
      list.add(new CrossValidationResult.FoldResult(r.repeat, r.fold, r.trainSize, r.testSize, m,
          r.converged, r.separation, r.lambda));
    }
    return new CrossValidationResult(folds, repeats, seed, list, mean(accuracy), sd(accuracy),
        mean(balanced), sd(balanced), mean(macroF1), sd(macroF1), pooled,
        ClassificationMetrics.fromConfusion(pooled).recall(), nonConverged, predictions,
        complete, quasi, checked, lambdas);
  }

  private static FoldResult runFold(int repeat, int fold, double[][] features, int[] classes,
                                    int classCount, int[][] assignment, ClassifierTrainer trainer,
                                    FoldTransformFitter transform, int[][] predictions) {
    int[] foldOf = assignment[repeat];
    int n = features.length;
    int testSize = 0;
    for (int i = 0; i < n; i++) {
      if (foldOf[i] == fold) {
        testSize++;
      }
    }
    int trainSize = n - testSize;
    double[][] trainX = new double[trainSize][];
    int[] trainY = new int[trainSize];
    int[] testRows = new int[testSize];
    int a = 0;
    int b = 0;
    for (int i = 0; i < n; i++) {
      if (foldOf[i] == fold) {
        testRows[b++] = i;
      } else {
        trainX[a] = features[i].clone();
        trainY[a++] = classes[i];
      }
    }
    FoldTransform fitted = transform.fit(trainX);
    Classifier model = trainer.train(fitted.applyAll(trainX), trainY, classCount);
    int[] truth = new int[testSize];
    int[] predicted = new int[testSize];
    for (int t = 0; t < testSize; t++) {
      int i = testRows[t];
      truth[t] = classes[i];
      predicted[t] = model.predictClass(fitted.apply(features[i].clone()));
      predictions[repeat][i] = predicted[t];
    }
    return new FoldResult(repeat, fold, trainSize, testSize,
        ClassificationMetrics.of(truth, predicted, classCount), model.converged(),
        model.separation(),
        model instanceof MultinomialRidgeModel ridge ? ridge.lambda() : Double.NaN);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double sd(double[] v) {
    if (v.length < 2) {
      return Double.NaN;
    }
    double mu = mean(v);
    double ss = 0;
    for (double x : v) {
      ss += (x - mu) * (x - mu);
    }
    return Math.sqrt(ss / (v.length - 1));
  }

  private record FoldResult(int repeat, int fold, int trainSize, int testSize,
                            ClassificationMetrics metrics, boolean converged,
                            Separation separation, double lambda) {
  }
}
