package org.backstrat.report.frozen;

import java.util.List;
import org.backstrat.analysis.config.FeatureSpec;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.kmeans.ClusterMethod;
import org.backstrat.core.BadInputException;

/**
 * One variant of a frozen model: how its features are encoded, the scaler fitted on the training
 * cohort, the centres and names of its strata, the trim radius and a summary of the training
 * run. Everything {@link StratumAssigner} needs to place a new person exactly as the training
 * cohort was placed, without refitting anything.
 *
 * <p>Arrays are not copied (the record is built by this package's reader and factory only);
 * callers must not modify them.
 *
 * @param name variant name, e.g. {@code sbt}
 * @param features feature specs, in config order
 * @param columns encoded column names, in matrix order
 * @param sourceFeature the feature each encoded column came from
 * @param scaleMethod scaler method name (robust, zscore or none)
 * @param center per-column centre subtracted first
 * @param scale per-column positive divisor
 * @param weights per-column positive multiplier applied after scaling
 * @param centersScaled stratum centres in the scaled (weighted) space, K rows x columns
 * @param centersOriginal the same centres in the features' own units
 * @param labels stratum labels, stratum id = index + 1
 * @param trimRadius largest training distance of a kept person; beyond it a person is an outlier
 * @param trimFraction the trimmed fraction alpha (0 when the method does not trim)
 * @param method clustering method name
 * @param nUsed people clustered in training (kept and trimmed)
 * @param nOutliers people trimmed in training
 * @param accuracy cross-validated accuracy of predicting the stratum (mean), NaN if unknown
 */
public record FrozenVariant(String name, List<FeatureSpec> features, List<String> columns,
                            List<String> sourceFeature, String scaleMethod, double[] center,
                            double[] scale, double[] weights, double[][] centersScaled,
                            double[][] centersOriginal, List<String> labels, double trimRadius,
                            double trimFraction, String method, int nUsed, int nOutliers,
                            double accuracy) {

  public FrozenVariant {
    features = List.copyOf(features);
    columns = List.copyOf(columns);
    sourceFeature = List.copyOf(sourceFeature);
    labels = List.copyOf(labels);
  }

  /** Number of strata. */
  public int k() {
    return labels.size();
  }

  /** Number of encoded columns. */
  public int width() {
    return columns.size();
  }

  /**
   * Checks that the parts fit together, so that a model edited by hand into inconsistency is
   * refused before any person is assigned.
   *
   * @param source the model file, for messages
   * @throws BadInputException naming the variant and the inconsistent field
   */
  public void validate(String source) {
    String where = source + ": variant " + name + ": ";
    int d = columns.size();
    if (d == 0) {
      throw new BadInputException(where + "columns: expected at least one encoded column");
    }
    if (features.isEmpty()) {
      throw new BadInputException(where + "features: expected at least one feature");
    }
    List<String> featureNames = features.stream().map(FeatureSpec::name).toList();
    if (sourceFeature.size() != d) {
      throw new BadInputException(where + "source_features: expected " + d + " entries (one "
          + "per column), found " + sourceFeature.size());
    }
    for (String s : sourceFeature) {
      if (!featureNames.contains(s)) {
        throw new BadInputException(where + "source_features: \"" + s + "\" is not one of the "
            + "features " + featureNames);
      }
    }
    requireLength(where, "scaler.center", center, d);
    requireLength(where, "scaler.scale", scale, d);
    requireLength(where, "scaler.weights", weights, d);
    for (int j = 0; j < d; j++) {
      String col = columns.get(j);
      if (!Double.isFinite(center[j])) {
        throw new BadInputException(where + "scaler.center of column " + col + ": " + center[j]
            + " is not a finite number");
      }
      if (!(scale[j] > 0) || !Double.isFinite(scale[j])) {
        throw new BadInputException(where + "scaler.scale of column " + col + ": " + scale[j]
            + ": expected a positive finite number");
      }
      if (!(weights[j] > 0) || !Double.isFinite(weights[j])) {
        throw new BadInputException(where + "scaler.weights of column " + col + ": "
            + weights[j] + ": expected a positive finite number");
      }
    }
    int k = labels.size();
    if (k < 1) {
      throw new BadInputException(where + "strata: expected at least one stratum");
    }
    if (centersScaled.length != k) {
      throw new BadInputException(where + "centers_scaled: expected " + k + " centres (one per "
          + "stratum label), found " + centersScaled.length);
    }
    if (centersOriginal.length != k) {
      throw new BadInputException(where + "centers_original: expected " + k + " centres (one "
          + "per stratum label), found " + centersOriginal.length);
    }
    for (int c = 0; c < k; c++) {
      requireLength(where, "centers_scaled[" + c + "]", centersScaled[c], d);
      requireLength(where, "centers_original[" + c + "]", centersOriginal[c], d);
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(centersScaled[c][j])) {
          throw new BadInputException(where + "centers_scaled[" + c + "] column "
              + columns.get(j) + ": " + centersScaled[c][j] + " is not a finite number");
        }
        double back = centersScaled[c][j] / weights[j] * scale[j] + center[j];
        double tol = 1e-6 * Math.max(1, Math.abs(back));
        if (!(Math.abs(back - centersOriginal[c][j]) <= tol)) {
          throw new BadInputException(where + "centers_original[" + c + "] column "
              + columns.get(j) + ": " + centersOriginal[c][j] + " does not match the scaled "
              + "centre mapped back through the scaler (" + back + "); the model was edited "
              + "inconsistently");
        }
      }
    }
    if (!(trimRadius >= 0) || !Double.isFinite(trimRadius)) {
      throw new BadInputException(where + "trim_radius: " + trimRadius
          + ": expected a finite number >= 0");
    }
    if (!(trimFraction >= 0 && trimFraction < 0.5)) {
      throw new BadInputException(where + "trim_fraction: " + trimFraction
          + ": expected a number in [0, 0.5)");
    }
    try {
      ScaleMethod.parse(scaleMethod);
    } catch (RuntimeException e) {
      throw new BadInputException(where + "scaler.method: found \"" + scaleMethod
          + "\", expected robust, zscore or none");
    }
    try {
      ClusterMethod.parse(method);
    } catch (RuntimeException e) {
      throw new BadInputException(where + "method: found \"" + method
          + "\", expected trimmed, huber, mom, kmeans or kmedoids");
    }
    if (nUsed < 0 || nOutliers < 0 || nOutliers > nUsed) {
      throw new BadInputException(where + "training: n_used " + nUsed + " and n_outliers "
          + nOutliers + ": expected 0 <= n_outliers <= n_used");
    }
  }

  private static void requireLength(String where, String field, double[] v, int d) {
    if (v.length != d) {
      throw new BadInputException(where + field + ": expected " + d + " values (one per "
          + "encoded column), found " + v.length);
    }
  }
}
