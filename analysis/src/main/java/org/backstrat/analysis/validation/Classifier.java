package org.backstrat.analysis.validation;

/**
 * A fitted probabilistic classifier over numeric feature rows. Cross-validation only needs class
 * probabilities, so any model (multinomial logistic regression, a questionnaire-only model, a
 * stand-in in tests) plugs in through this one method.
 */
public interface Classifier {

  /** Number of classes; probabilities are indexed 0..classCount()-1. */
  int classCount();

  /**
   * Probabilities of every class for one row of features (same column order as in training);
   * non-negative and summing to 1.
   */
  double[] predictProbabilities(double[] features);

  /**
   * Whether the fit reached its optimum. Cross-validation counts folds whose fit did not; models
   * without an iterative fit keep this default.
   */
  default boolean converged() {
    return true;
  }

  /**
   * Whether the training data of this fit were linearly separated (see {@link Separation});
   * models that do not check keep this default.
   */
  default Separation separation() {
    return Separation.NOT_CHECKED;
  }

  /**
   * The most probable class; ties go to the lowest class index so that predictions are
   * deterministic.
   */
  default int predictClass(double[] features) {
    double[] p = predictProbabilities(features);
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return best;
  }
}
