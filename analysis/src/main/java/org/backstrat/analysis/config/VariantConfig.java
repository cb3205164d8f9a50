package org.backstrat.analysis.config;

import java.util.HashSet;
import java.util.List;
import org.backstrat.core.BadInputException;
import org.backstrat.core.SafeName;
import org.backstrat.model.features.FeatureSpec;

/**
 * One analysis variant (DESIGN.md: {@code sbt} or {@code ompsq}): the features clustered
 * together, which of them are the psychosocial scores (used to name strata and for the
 * questionnaire-only model) and which are the imaging burden.
 *
 * @param name variant name as written in outputs
 * @param features clustering features in order
 * @param psychosocial names of the psychosocial features (a subset of features)
 * @param imaging names of the imaging features, DD and FT (a subset of features)
 */
public record VariantConfig(String name, List<FeatureSpec> features, List<String> psychosocial,
                            List<String> imaging) {

  /**
   * Checks the variant.
   *
   * @throws BadInputException when the name is not a safe name (it becomes part of file names),
   *     there is no feature, a feature is listed twice, or a psychosocial or imaging feature is
   *     not among the features
   */
  public VariantConfig {
    SafeName.require("variant name", name);
    requireList(name, "features", features);
    requireList(name, "psychosocial", psychosocial);
    requireList(name, "imaging", imaging);
    features = List.copyOf(features);
    psychosocial = List.copyOf(psychosocial);
    imaging = List.copyOf(imaging);
    if (features.isEmpty()) {
      throw new BadInputException("variant " + name + ": features: expected at least one");
    }
    List<String> names = features.stream().map(FeatureSpec::name).toList();
    if (new HashSet<>(names).size() != names.size()) {
      throw new BadInputException("variant " + name + ": features: a feature is listed twice in "
          + names);
    }
    for (String p : psychosocial) {
      if (!names.contains(p)) {
        throw new BadInputException("variant " + name + ": psychosocial: \"" + p
            + "\" is not among its features " + names);
      }
    }
    for (String p : imaging) {
      if (!names.contains(p)) {
        throw new BadInputException("variant " + name + ": imaging: \"" + p
            + "\" is not among its features " + names);
      }
    }
  }

  private static void requireList(String variant, String field, List<?> value) {
    if (value == null) {
      throw new BadInputException("variant " + variant + ": " + field + ": missing, expected a "
          + "list in [brackets] of feature names ([] for none)");
    }
    if (value.stream().anyMatch(java.util.Objects::isNull)) {
      throw new BadInputException("variant " + variant + ": " + field + ": found null in the "
          + "list, expected feature names");
    }
  }

  /** Names of all features in order. */
  public List<String> featureNames() {
    return features.stream().map(FeatureSpec::name).toList();
  }
}
