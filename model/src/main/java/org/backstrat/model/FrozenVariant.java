package org.backstrat.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.kmeans.Assignment;
import org.backstrat.cluster.kmeans.ClusterFit;
import org.backstrat.cluster.kmeans.ClusterModel;
import org.backstrat.core.BadInputException;
import org.backstrat.model.features.FeatureSpec;

/**
 * One variant of a frozen model: how its features are encoded, the clustering it assigns with
 * (the scaler fitted on the training cohort and the centres, trim fraction and trim radius of the
 * fit, restored as a {@link ClusterModel} so that new people go through the very same
 * {@link Scaler#transformPoint} and {@link ClusterFit#assignScaled} arithmetic as the training
 * cohort), the strata's names and a summary of the training run.
 *
 * <p>Definitions of {@link #place} (also in the README):
 * <ul>
 *   <li>{@code distance} = Euclidean distance d to the assigned centre in the scaled space
 *       z = (x − center) / scale · weight; {@code outlier} = the method trims and d exceeds the
 *       trim radius (the largest training distance of a kept person).</li>
 *   <li>{@code p_k} = exp(−d_k²/2) / Σ_j exp(−d_j²/2): a softmax of minus half the squared
 *       distances to every centre (an isotropic unit-variance Gaussian mixture with equal
 *       weights in the scaled space); computed stably, the p_k sum to 1.</li>
 *   <li>{@code top_features}: with a the assigned and b the runner-up (second-nearest) centre,
 *       d_b² − d_a² = Σ_j [(z_j − b_j)² − (z_j − a_j)²]; the (at most three) encoded columns with
 *       the largest positive terms, largest first, are the features that pull the person most
 *       toward a rather than b.</li>
 * </ul>
 *
 * <p>A person without imaging is placed by the variant's {@link FallbackModel} when it has one
 * (questionnaire scores and demographics to stratum, with its own cross-validated accuracy); see
 * {@link StratumAssigner}.
 *
 * @param name variant name, e.g. {@code sbt}
 * @param features feature specs, in config order
 * @param categoryLevels for each feature stored as a category, its levels in code order, as in
 *     the training cohort; a new cohort must code them the same way
 * @param columns encoded column names, in matrix order (the scaler's features)
 * @param sourceFeature the feature each encoded column came from
 * @param clustering the scaler and the restored fit (centres, trim fraction, trim radius)
 * @param strata the strata, ids 1..K in centre order
 * @param training what training found
 * @param fallback the model for people without imaging, if analyze fitted one
 */
public record FrozenVariant(String name, List<FeatureSpec> features,
                            Map<String, List<String>> categoryLevels, List<String> columns,
                            List<String> sourceFeature, ClusterModel clustering,
                            List<Stratum> strata, TrainingSummary training,
                            Optional<FallbackModel> fallback) {
  /** How many features {@code top_features} lists at most. */
  public static final int TOP_FEATURES = 3;

  public FrozenVariant {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(clustering, "clustering");
    Objects.requireNonNull(training, "training");
    features = List.copyOf(features);
    Map<String, List<String>> levels = new LinkedHashMap<>();
    categoryLevels.forEach((k, v) -> levels.put(k, List.copyOf(v)));
    categoryLevels = Collections.unmodifiableMap(levels);
    columns = List.copyOf(columns);
    sourceFeature = List.copyOf(sourceFeature);
    strata = List.copyOf(strata);
    List<String> featureNames = features.stream().map(FeatureSpec::name).toList();
    if (!clustering.scaler().features().equals(columns)) {
      throw new IllegalArgumentException("the scaler's features " + clustering.scaler().features()
          + " are not the columns " + columns);
    }
    if (sourceFeature.size() != columns.size()
        || !featureNames.containsAll(sourceFeature)
        || !featureNames.containsAll(categoryLevels.keySet())) {
      throw new IllegalArgumentException("source features " + sourceFeature + " / levels "
          + categoryLevels.keySet() + " do not fit the features " + featureNames);
    }
    if (strata.size() != clustering.fit().k() || training.sizes().length != strata.size()) {
      throw new IllegalArgumentException(strata.size() + " strata for " + clustering.fit().k()
          + " centres and " + training.sizes().length + " sizes");
    }
    for (int c = 0; c < strata.size(); c++) {
      if (strata.get(c).id() != c + 1) {
        throw new IllegalArgumentException("stratum ids must be 1..K in order");
      }
    }
    Objects.requireNonNull(fallback, "fallback");
    if (fallback.isPresent()) {
      FallbackModel f = fallback.get();
      if (f.k() != strata.size() || !columns.containsAll(f.columns())
          || !features.containsAll(f.features())) {
        throw new IllegalArgumentException("the fallback's strata " + f.k() + ", columns "
            + f.columns() + " or features do not fit the variant's " + strata.size()
            + " strata and columns " + columns);
      }
    }
  }

  /** A variant without a fallback model. */
  public FrozenVariant(String name, List<FeatureSpec> features,
                       Map<String, List<String>> categoryLevels, List<String> columns,
                       List<String> sourceFeature, ClusterModel clustering,
                       List<Stratum> strata, TrainingSummary training) {
    this(name, features, categoryLevels, columns, sourceFeature, clustering, strata, training,
        Optional.empty());
  }

  /** Number of strata. */
  public int k() {
    return strata.size();
  }

  /** Number of encoded columns. */
  public int width() {
    return columns.size();
  }

  /** Feature names, in order. */
  public List<String> featureNames() {
    return features.stream().map(FeatureSpec::name).toList();
  }

  /**
   * Places one person given their encoded feature values (in {@link #columns} order, in the
   * features' own units, as {@code FeatureEncoder} codes them): nearest stratum, distance,
   * outlier flag, probabilities and the features behind the choice (see the class comment).
   * Needs no cohort: a server or a batch job can call it with one person's values.
   *
   * @param encoded the person's encoded values, all present
   * @throws BadInputException naming the column when a value is not a finite number
   * @throws IllegalArgumentException when the number of values is not {@link #width()}
   */
  public Placement place(double[] encoded) {
    if (encoded.length != width()) {
      throw new IllegalArgumentException("expected " + width() + " values " + columns + ", got "
          + encoded.length);
    }
    for (int j = 0; j < encoded.length; j++) {
      if (!Double.isFinite(encoded[j])) {
        throw new BadInputException("variant " + name + ": column " + columns.get(j) + ": "
            + encoded[j] + " is not a finite number");
      }
    }
    ClusterFit fit = clustering.fit();
    double[] z = clustering.scaler().transformPoint(encoded);
    Assignment a = fit.assignScaled(z);
    double[] d2 = fit.squaredDistancesScaled(z);
    int best = a.cluster();
    int second = -1;
    for (int c = 0; c < d2.length; c++) {
      if (c != best && (second < 0 || d2[c] < d2[second])) {
        second = c;
      }
    }
    List<String> top = second < 0 ? List.of()
        : topFeatures(z, fit.center(best), fit.center(second));
    return new Placement(strata.get(best), a.distance(), a.outlier(),
        probabilities(d2, d2[best]), top);
  }

  /** Softmax of −d²/2, shifted by the smallest d² so that no term underflows to 0/0. */
  static double[] probabilities(double[] d2, double minD2) {
    double[] p = new double[d2.length];
    double sum = 0;
    for (int c = 0; c < d2.length; c++) {
      p[c] = Math.exp(-(d2[c] - minD2) / 2);
      sum += p[c];
    }
    for (int c = 0; c < d2.length; c++) {
      p[c] /= sum;
    }
    return p;
  }

  private List<String> topFeatures(double[] z, double[] a, double[] b) {
    int d = z.length;
    double[] pull = new double[d];
    for (int j = 0; j < d; j++) {
      double eb = z[j] - b[j];
      double ea = z[j] - a[j];
      pull[j] = eb * eb - ea * ea;
    }
    return strongest(pull, columns);
  }

  /**
   * The (at most {@value #TOP_FEATURES}) columns with the largest positive pull, largest first
   * (lowest index on ties): the reasons of a placement, by clustering or by the fallback.
   */
  static List<String> strongest(double[] pull, List<String> columns) {
    int d = pull.length;
    List<String> top = new ArrayList<>();
    boolean[] used = new boolean[d];
    for (int t = 0; t < TOP_FEATURES; t++) {
      int arg = -1;
      for (int j = 0; j < d; j++) {
        if (!used[j] && pull[j] > 0 && (arg < 0 || pull[j] > pull[arg])) {
          arg = j;
        }
      }
      if (arg < 0) {
        break;
      }
      used[arg] = true;
      top.add(columns.get(arg));
    }
    return top;
  }
}
