package org.backstrat.report.model;

import java.util.List;

/**
 * Cross-validated performance of one model predicting the stratum.
 *
 * @param model model name (e.g. "all features", "questionnaire only")
 * @param accuracyMean mean accuracy over folds × repeats
 * @param accuracySd its standard deviation
 * @param balancedAccuracyMean mean balanced accuracy
 * @param macroF1Mean mean macro-averaged F1
 * @param folds folds per repeat
 * @param repeats repeats
 * @param classLabels stratum names, in confusion-matrix order
 * @param confusion mean confusion matrix of one repeat, [true][predicted]: the held-out
 *     predictions of all repeats counted and divided by the number of repeats, so that each
 *     person counts once, a row sums to its stratum's size and the total is the number of people
 *     cross-validated (the sum over repeats would count everyone once per repeat)
 */
public record ValidationResult(String model, double accuracyMean, double accuracySd, double balancedAccuracyMean,
                               double macroF1Mean, int folds, int repeats, List<String> classLabels,
                               double[][] confusion) {
  /** Checks the matrix shape and copies. */
  public ValidationResult {
    classLabels = List.copyOf(classLabels);
    if (confusion.length != classLabels.size()) {
      throw new IllegalArgumentException("validation " + model + ": confusion matrix rows differ from classes");
    }
    double[][] c = new double[confusion.length][];
    for (int i = 0; i < c.length; i++) {
      if (confusion[i].length != classLabels.size()) {
        throw new IllegalArgumentException("validation " + model + ": confusion matrix is not square");
      }
      c[i] = confusion[i].clone();
    }
    confusion = c;
  }

  @Override
  public double[][] confusion() {
    double[][] c = new double[confusion.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = confusion[i].clone();
    }
    return c;
  }
}
