package org.backstrat.analysis.validation;

import java.util.List;

/**
 * Outcome of repeated stratified k-fold cross-validation.
 *
 * <p>Means and standard deviations are taken over all folds × repeats (each fold's metric
 * computed on its held-out rows; sample standard deviation, divisor folds·repeats − 1). The
 * pooled confusion matrix sums every held-out prediction over folds and repeats, so each person
 * is counted once per repeat; {@link #pooledRecall()} is per-class recall of that pooled matrix.
 *
 * @param folds k
 * @param repeats number of repetitions with fresh fold assignments
 * @param seed master seed
 * @param foldResults one entry per (repeat, fold), ordered by repeat then fold
 * @param accuracyMean mean accuracy over folds × repeats
 * @param accuracySd its sample standard deviation
 * @param balancedAccuracyMean mean balanced accuracy
 * @param balancedAccuracySd its sample standard deviation
 * @param macroF1Mean mean macro-F1
 * @param macroF1Sd its sample standard deviation
 * @param pooledConfusion [true][predicted], summed over folds and repeats
 * @param pooledRecall per-class recall of the pooled confusion matrix
 * @param nonConvergedFits number of fold fits whose model reported non-convergence
 * @param outOfFoldPredictions [repeat][row]: the class predicted for each row when it was held out
 */
public record CrossValidationResult(int folds, int repeats, long seed, List<FoldResult> foldResults,
                                    double accuracyMean, double accuracySd,
                                    double balancedAccuracyMean, double balancedAccuracySd,
                                    double macroF1Mean, double macroF1Sd,
                                    long[][] pooledConfusion, double[] pooledRecall,
                                    int nonConvergedFits, int[][] outOfFoldPredictions) {

  public CrossValidationResult {
    foldResults = List.copyOf(foldResults);
    pooledConfusion = ClassificationMetrics.copy(pooledConfusion);
    pooledRecall = pooledRecall.clone();
    outOfFoldPredictions = copy(outOfFoldPredictions);
  }

  /**
   * One fold of one repeat.
   *
   * @param repeat 0-based repeat
   * @param fold 0-based fold
   * @param trainSize rows used to fit
   * @param testSize held-out rows
   * @param metrics metrics on the held-out rows
   * @param converged whether the fold's model fit converged
   */
  public record FoldResult(int repeat, int fold, int trainSize, int testSize,
                           ClassificationMetrics metrics, boolean converged) {
  }

  @Override
  public long[][] pooledConfusion() {
    return ClassificationMetrics.copy(pooledConfusion);
  }

  @Override
  public double[] pooledRecall() {
    return pooledRecall.clone();
  }

  @Override
  public int[][] outOfFoldPredictions() {
    return copy(outOfFoldPredictions);
  }

  private static int[][] copy(int[][] a) {
    int[][] c = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}
