package org.backstrat.analysis.validation;

/**
 * A preprocessing step already fitted on one training fold (for example a scaler holding the
 * training means), applied unchanged to training and held-out rows. Fitting it on the training
 * fold only is what keeps cross-validation free of leakage.
 */
@FunctionalInterface
public interface FoldTransform {

  /** Transforms one row into a new array (the input is not modified; the width may change). */
  double[] apply(double[] row);

  /** Transforms every row. */
  default double[][] applyAll(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = apply(rows[i]);
    }
    return out;
  }
}
