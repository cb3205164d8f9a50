package org.backstrat.analysis.validation;

/**
 * Configuration of a learning algorithm, holding no state between calls (the Tribuo trainer/model
 * split): each call to {@link #train} fits a new, independent {@link Classifier}, so one trainer
 * can be used by many cross-validation folds at once.
 */
@FunctionalInterface
public interface ClassifierTrainer {

  /**
   * Fits a classifier.
   *
   * @param features n rows of p features (not modified)
   * @param classes class index 0..classCount-1 of each row
   * @param classCount number of classes K
   */
  Classifier train(double[][] features, int[] classes, int classCount);
}
