package org.backstrat.analysis.config;

import java.util.List;
import java.util.Objects;
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

  public VariantConfig {
    Objects.requireNonNull(name, "name");
    features = List.copyOf(features);
    psychosocial = List.copyOf(psychosocial);
    imaging = List.copyOf(imaging);
    if (features.isEmpty()) {
      throw new IllegalArgumentException("variant " + name + " has no features");
    }
    List<String> names = features.stream().map(FeatureSpec::name).toList();
    for (String p : psychosocial) {
      if (!names.contains(p)) {
        throw new IllegalArgumentException("variant " + name + ": psychosocial feature " + p
            + " is not among its features " + names);
      }
    }
    for (String p : imaging) {
      if (!names.contains(p)) {
        throw new IllegalArgumentException("variant " + name + ": imaging feature " + p
            + " is not among its features " + names);
      }
    }
  }

  /** Names of all features in order. */
  public List<String> featureNames() {
    return features.stream().map(FeatureSpec::name).toList();
  }
}
