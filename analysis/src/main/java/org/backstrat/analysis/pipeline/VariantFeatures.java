package org.backstrat.analysis.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.model.features.EncodedFeatures;

/**
 * The features stage's result: the variant's encoded features and the matrix the later stages
 * use (the encoded values, median-imputed when the config says {@code impute}).
 *
 * @param encoded the encoding (columns, weights, cohort row of each person, exclusions)
 * @param matrix the values clustered, people x encoded columns, no NaN (with multiple
 *     imputation: the first imputed set)
 * @param imputedSets with {@code "missing": "mice"}: every imputed set (the first is
 *     {@code matrix}); otherwise empty
 */
public record VariantFeatures(EncodedFeatures encoded, double[][] matrix,
                              List<double[][]> imputedSets) {

  public VariantFeatures {
    imputedSets = List.copyOf(imputedSets);
  }

  /** Features without multiple imputation. */
  public VariantFeatures(EncodedFeatures encoded, double[][] matrix) {
    this(encoded, matrix, List.of());
  }

  /** People kept for this variant. */
  public int rows() {
    return matrix.length;
  }

  /** The matrix with its column names, for the clustering engine. */
  public FeatureMatrix raw() {
    return FeatureMatrix.of(matrix, encoded.columns());
  }

  /** Indices of the encoded columns that come from the given features, in column order. */
  public int[] columnsOf(List<String> features) {
    List<Integer> cols = new ArrayList<>();
    for (int j = 0; j < encoded.width(); j++) {
      if (features.contains(encoded.sourceFeature().get(j))) {
        cols.add(j);
      }
    }
    return cols.stream().mapToInt(Integer::intValue).toArray();
  }
}
