package org.backstrat.model.features;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A variant's features as numbers, one row per person kept: the encoded matrix (unscaled, in the
 * features' own units), the name of each encoded column, whether it is scaled before
 * clustering (numeric and ordinal columns are; 0/1 columns are not) and its weight, plus who was
 * left out and why.
 *
 * @param cohortRows index in the cohort of each kept row
 * @param matrix encoded values, rows x columns; NaN only where imputation is pending
 * @param columns encoded column names (a one-hot feature gives one column per level but the
 *     first, named {@code feature=level})
 * @param sourceFeature the feature each column came from
 * @param scaled whether each column is scaled before clustering
 * @param weights weight of each column after scaling
 * @param excludedByFeature people left out because this feature was missing (complete-case;
 *     a person missing several features is counted under each)
 * @param excludedTotal people left out in all
 * @param categoryLevels for each feature stored as a category (e.g. smoking), its levels in
 *     code order (index = the stored code the ordinal, binary and one-hot encodings use), in
 *     feature order; a frozen model keeps them so that new people are coded as in training
 */
public record EncodedFeatures(int[] cohortRows, double[][] matrix, List<String> columns,
                              List<String> sourceFeature, boolean[] scaled, double[] weights,
                              Map<String, Integer> excludedByFeature, int excludedTotal,
                              Map<String, List<String>> categoryLevels) {

  public EncodedFeatures {
    columns = List.copyOf(columns);
    sourceFeature = List.copyOf(sourceFeature);
    excludedByFeature = Map.copyOf(excludedByFeature);
    Map<String, List<String>> levels = new LinkedHashMap<>();
    categoryLevels.forEach((k, v) -> levels.put(k, List.copyOf(v)));
    categoryLevels = Collections.unmodifiableMap(levels);
  }

  /** Number of people kept. */
  public int rows() {
    return cohortRows.length;
  }

  /** Number of encoded columns. */
  public int width() {
    return columns.size();
  }
}
