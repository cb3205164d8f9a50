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
 * @param confusion pooled confusion matrix [true][predicted], counts
 */
public record ValidationResult(String model, double accuracyMean, double accuracySd, double balancedAccuracyMean,
                               double macroF1Mean, int folds, int repeats, List<String> classLabels,
                               long[][] confusion) {
  /** Checks the matrix shape and copies. */
  public ValidationResult {
    classLabels = List.copyOf(classLabels);
    if (confusion.length != classLabels.size()) {
      throw new IllegalArgumentException("validation " + model + ": confusion matrix rows differ from classes");
    }
    long[][] c = new long[confusion.length][];
    for (int i = 0; i < c.length; i++) {
      if (confusion[i].length != classLabels.size()) {
        throw new IllegalArgumentException("validation " + model + ": confusion matrix is not square");
      }
      c[i] = confusion[i].clone();
    }
    confusion = c;
  }

  @Override
  public long[][] confusion() {
    long[][] c = new long[confusion.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = confusion[i].clone();
    }
    return c;
  }
}
