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
 * @param completeSeparationFits fold fits whose training data were completely separated (the
 *     unpenalised estimate does not exist; see {@link Separation})
 * @param quasiSeparationFits fold fits whose training data were quasi-completely separated
 * @param separationChecked whether the trainer checked separation at all
 * @param lambdas the ridge λ of every fold fit in (repeat, fold) order (NaN for other models)
 */
public record CrossValidationResult(int folds, int repeats, long seed, List<FoldResult> foldResults,
                                    double accuracyMean, double accuracySd,
                                    double balancedAccuracyMean, double balancedAccuracySd,
                                    double macroF1Mean, double macroF1Sd,
                                    long[][] pooledConfusion, double[] pooledRecall,
                                    int nonConvergedFits, int[][] outOfFoldPredictions,
                                    int completeSeparationFits, int quasiSeparationFits,
                                    boolean separationChecked, double[] lambdas) {

  public CrossValidationResult {
    foldResults = List.copyOf(foldResults);
    lambdas = lambdas.clone();
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
   * @param separation whether the fold's training data were separated
   * @param lambda the fold model's ridge λ (NaN for other models)
   */
  public record FoldResult(int repeat, int fold, int trainSize, int testSize,
                           ClassificationMetrics metrics, boolean converged,
                           Separation separation, double lambda) {
  }

  @Override
  public double[] lambdas() {
    return lambdas.clone();
  }

  /**
   * The mean confusion matrix of one repeat, [true][predicted]: the pooled counts divided by the
   * number of repeats, so that its total is the number of people cross-validated (each person is
   * held out once per repeat).
   */
  public double[][] meanConfusionPerRepeat() {
    double[][] out = new double[pooledConfusion.length][];
    for (int a = 0; a < out.length; a++) {
      out[a] = new double[pooledConfusion[a].length];
      for (int b = 0; b < out[a].length; b++) {
        out[a][b] = (double) pooledConfusion[a][b] / repeats;
      }
    }
    return out;
  }

  /** Per-class precision, recall and F1 of the pooled held-out predictions. */
  public ClassificationMetrics pooledMetrics() {
    return ClassificationMetrics.fromConfusion(pooledConfusion);
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
