package org.backstrat.model.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backstrat.core.BadInputException;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.ValueKind;
import org.backstrat.core.cohort.Variable;

/**
 * Turns a scored cohort into a variant's feature matrix: checks every feature exists and has a
 * usable kind for its encoding, encodes categories, and applies the missing-data policy —
 * complete-case (people missing any feature are left out and counted per feature) or keep
 * everyone and leave NaN for a later imputation (fitted where no leakage can occur). The same
 * encoder codes the training cohort in {@code analyze} and new people in {@code assign}.
 */
public final class FeatureEncoder {

  private FeatureEncoder() {
  }

  /**
   * Encodes a variant's features.
   *
   * @param cohort scored cohort
   * @param variant the variant's name, for messages
   * @param features the variant's features, in order
   * @param completeCase true to drop people with any missing feature; false to keep NaN
   */
  public static EncodedFeatures encode(Cohort cohort, String variant, List<FeatureSpec> features,
                                       boolean completeCase) {
    List<String> featureNames = features.stream().map(FeatureSpec::name).toList();
    Map<String, List<String>> categoryLevels = new LinkedHashMap<>();
    List<String> columns = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<Boolean> scaledList = new ArrayList<>();
    List<Double> weightList = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    List<double[]> rawPerFeature = new ArrayList<>();
    for (FeatureSpec f : features) {
      Variable v = cohort.variable(f.name()).orElseThrow(() -> new BadInputException(
          cohort.source() + ": column " + f.name() + ": expected for the " + variant
              + " variant's features " + featureNames + ", but the cohort has no such "
              + "column (were the scores added? are the questionnaire items present?)"));
      if (v.kind() == ValueKind.CATEGORY) {
        categoryLevels.put(f.name(), v.levels());
      }
      double[] x = cohort.values(f.name());
      rawPerFeature.add(x);
      switch (f.encoding()) {
        case NUMERIC -> {
          requireKind(cohort, f, v, v.isNumeric());
          add(columns, sources, scaledList, weightList, values, f.name(), f.name(), true,
              f.weight(), x);
        }
        case ORDINAL -> {
          requireKind(cohort, f, v, v.isNumeric() || v.kind() == ValueKind.CATEGORY);
          // a category's level index already has unit steps: it is weighted, not scaled from
          // the data (a robust scale of a three-level variable depends on the cohort's mix)
          add(columns, sources, scaledList, weightList, values, f.name(), f.name(),
              v.kind() != ValueKind.CATEGORY, f.weight(), x);
        }
        case BINARY -> {
          boolean ok = v.kind() == ValueKind.BOOLEAN
              || v.kind() == ValueKind.CATEGORY && v.levels().size() == 2
              || v.kind() == ValueKind.INTEGER && v.min() == 0 && v.max() == 1;
          requireKind(cohort, f, v, ok);
          add(columns, sources, scaledList, weightList, values, f.name(), f.name(), false,
              f.weight(), x);
        }
        case ONE_HOT -> {
          requireKind(cohort, f, v, v.kind() == ValueKind.CATEGORY);
          for (int level = 1; level < v.levels().size(); level++) {
            double[] d = new double[x.length];
            for (int i = 0; i < x.length; i++) {
              d[i] = Double.isNaN(x[i]) ? Double.NaN : (x[i] == level ? 1 : 0);
            }
            add(columns, sources, scaledList, weightList, values,
                f.name() + "=" + v.levels().get(level), f.name(), false, f.weight(), d);
          }
        }
      }
    }
    int n = cohort.size();
    Map<String, Integer> excluded = new LinkedHashMap<>();
    int[] keep = new int[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      boolean complete = true;
      for (int f = 0; f < rawPerFeature.size(); f++) {
        if (Double.isNaN(rawPerFeature.get(f)[i])) {
          complete = false;
          if (completeCase) {
            excluded.merge(features.get(f).name(), 1, Integer::sum);
          }
        }
      }
      if (complete || !completeCase) {
        keep[kept++] = i;
      }
    }
    int[] rows = java.util.Arrays.copyOf(keep, kept);
    double[][] m = new double[kept][columns.size()];
    for (int r = 0; r < kept; r++) {
      for (int c = 0; c < columns.size(); c++) {
        m[r][c] = values.get(c)[rows[r]];
      }
    }
    boolean[] scaled = new boolean[scaledList.size()];
    double[] weights = new double[weightList.size()];
    for (int c = 0; c < scaled.length; c++) {
      scaled[c] = scaledList.get(c);
      weights[c] = weightList.get(c);
    }
    return new EncodedFeatures(rows, m, columns, sources, scaled, weights, excluded, n - kept,
        categoryLevels);
  }

  private static void requireKind(Cohort cohort, FeatureSpec f, Variable v, boolean ok) {
    if (!ok) {
      throw new BadInputException(cohort.source() + ": column " + f.name() + ": expected a "
          + "column usable with " + f.encoding().name().toLowerCase(java.util.Locale.ROOT)
          + " encoding, but it is " + v.kind().name().toLowerCase(java.util.Locale.ROOT)
          + (v.levels().isEmpty() ? "" : " with levels " + v.levels()));
    }
  }

  private static void add(List<String> columns, List<String> sources, List<Boolean> scaled,
                          List<Double> weights, List<double[]> values, String column,
                          String source, boolean isScaled, double weight, double[] x) {
    columns.add(column);
    sources.add(source);
    scaled.add(isScaled);
    weights.add(weight);
    values.add(x);
  }
}
