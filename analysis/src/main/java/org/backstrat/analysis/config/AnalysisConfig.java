package org.backstrat.analysis.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.backstrat.core.BadInputException;

/**
 * Every setting of the {@code analyze} stage, read from an analysis config JSON whose fields
 * override the shipped defaults ({@code default-analysis.json}), so a user's file holds only
 * what they change. Immutable; the report's methods text prints every field.
 *
 * @param seed master seed for every random step (restarts, resamples, folds, bootstrap)
 * @param scaling how numeric and ordinal features are scaled: robust, zscore or none
 * @param missing complete-case (default) or impute (median/mode with indicator columns)
 * @param method clustering method: trimmed, huber, mom, kmeans or kmedoids
 * @param k fixed number of strata, or 0 to choose K over [kMin, kMax]
 * @param kMin smallest K considered
 * @param kMax largest K considered
 * @param trim trimmed fraction alpha for trimmed k-means
 * @param restarts k-means++ restarts, best objective kept
 * @param stabilityResamples bootstrap resamples for the clusterboot stability
 * @param gapReferences uniform reference sets for the gap statistic
 * @param folds cross-validation folds
 * @param repeats cross-validation repeats
 * @param l2 L2 penalty of the multinomial logistic regression (0 = maximum likelihood)
 * @param adjustment multiple-testing adjustment: holm, bh or bonferroni
 * @param outcome binary outcome column for decision curves
 * @param thresholds threshold grid lo:hi:step
 * @param dcaBootstrap bootstrap resamples for the decision-curve bands
 * @param selectionSample large-n strategy for choosing K: when more people than this are
 *     clustered, the whole K-selection table is computed on a seeded random subsample of this
 *     size, and only the chosen K is then fitted on everyone (0 = always use everyone)
 * @param cvSample large-n strategy for validation: when more people than this are kept, the
 *     repeated cross-validation runs on a seeded subsample of this size, stratified by stratum
 *     (0 = always use everyone)
 * @param variants the variants analysed, each on its own
 */
public record AnalysisConfig(long seed, String scaling, String missing, String method, int k,
                             int kMin, int kMax, double trim, int restarts,
                             int stabilityResamples, int gapReferences, int folds, int repeats,
                             double l2, String adjustment, String outcome, String thresholds,
                             int dcaBootstrap, int selectionSample, int cvSample,
                             List<VariantConfig> variants) {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .configure(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);

  public AnalysisConfig {
    Objects.requireNonNull(scaling, "scaling");
    Objects.requireNonNull(missing, "missing");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(adjustment, "adjustment");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(thresholds, "thresholds");
    variants = List.copyOf(variants);
    scaling = scaling.toLowerCase(Locale.ROOT);
    missing = missing.toLowerCase(Locale.ROOT);
    method = method.toLowerCase(Locale.ROOT);
    adjustment = adjustment.toLowerCase(Locale.ROOT);
    oneOf("scaling", scaling, "robust", "zscore", "none");
    oneOf("missing", missing, "complete-case", "impute");
    oneOf("method", method, "trimmed", "huber", "mom", "kmeans", "kmedoids");
    oneOf("adjustment", adjustment, "holm", "bh", "bonferroni");
    require(k == 0 || k >= 2, "k", k, "0 (choose K) or a number of strata >= 2");
    require(kMin >= 2 && kMax >= kMin, "k_min/k_max", kMin + ".." + kMax,
        "2 <= k_min <= k_max");
    require(trim >= 0 && trim < 0.5, "trim", trim, "a fraction in [0, 0.5)");
    require(restarts >= 1, "restarts", restarts, "at least 1");
    require(stabilityResamples >= 0, "stability_resamples", stabilityResamples, ">= 0");
    require(gapReferences >= 0, "gap_references", gapReferences, ">= 0");
    require(folds >= 2, "folds", folds, "at least 2");
    require(repeats >= 1, "repeats", repeats, "at least 1");
    require(l2 >= 0 && Double.isFinite(l2), "l2", l2, "a penalty >= 0");
    require(dcaBootstrap >= 0, "dca_bootstrap", dcaBootstrap, ">= 0");
    require(selectionSample == 0 || selectionSample >= 100, "selection_sample", selectionSample,
        "0 (always choose K on everyone) or a subsample size >= 100");
    require(cvSample == 0 || cvSample >= 100, "cv_sample", cvSample,
        "0 (always cross-validate on everyone) or a subsample size >= 100");
    if (variants.isEmpty()) {
      throw new BadInputException("analysis config: variants: expected at least one variant");
    }
  }

  private static void oneOf(String field, String value, String... allowed) {
    if (!List.of(allowed).contains(value)) {
      throw new BadInputException("analysis config: " + field + ": value \"" + value
          + "\": expected one of " + String.join(", ", allowed));
    }
  }

  private static void require(boolean ok, String field, Object value, String expected) {
    if (!ok) {
      throw new BadInputException("analysis config: " + field + ": value \"" + value
          + "\": expected " + expected);
    }
  }

  /** The shipped defaults (DESIGN.md's settings). */
  public static AnalysisConfig defaults() {
    return fromNode(defaultsNode(), "default-analysis.json");
  }

  /** Defaults overridden by the fields of a user's JSON file (arrays replace, objects merge). */
  public static AnalysisConfig read(Path file) {
    JsonNode user;
    try {
      user = MAPPER.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new BadInputException(file + ": not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ")");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage());
    }
    if (user == null || !user.isObject()) {
      throw new BadInputException(file + ": expected a JSON object of analysis settings");
    }
    ObjectNode merged = defaultsNode();
    merge(merged, (ObjectNode) user);
    return fromNode(merged, file.toString());
  }

  /** This configuration as JSON (snake_case field names), for outputs and the report. */
  public ObjectNode toJson() {
    return MAPPER.valueToTree(this);
  }

  /** The variant of this name. */
  public VariantConfig variant(String name) {
    return variants.stream().filter(v -> v.name().equals(name)).findFirst()
        .orElseThrow(() -> new BadInputException("analysis config: no variant named " + name));
  }

  /** True when K is chosen from the data rather than fixed. */
  public boolean chooseK() {
    return k == 0;
  }

  private static ObjectNode defaultsNode() {
    try (InputStream in = AnalysisConfig.class.getResourceAsStream("default-analysis.json")) {
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void merge(ObjectNode into, ObjectNode from) {
    Iterator<Map.Entry<String, JsonNode>> it = from.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = into.get(e.getKey());
      if (existing != null && existing.isObject() && e.getValue().isObject()) {
        merge((ObjectNode) existing, (ObjectNode) e.getValue());
      } else {
        into.set(e.getKey(), e.getValue());
      }
    }
  }

  private static AnalysisConfig fromNode(JsonNode node, String source) {
    try {
      return MAPPER.treeToValue(node, AnalysisConfig.class);
    } catch (UnrecognizedPropertyException e) {
      throw new BadInputException(source + ": unknown setting \"" + e.getPropertyName()
          + "\"; expected one of " + e.getKnownPropertyIds());
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      Throwable cause = e.getCause();
      if (cause instanceof BadInputException bad) {
        throw bad;
      }
      String where = e.getPath().isEmpty() ? "" : " at " + e.getPathReference();
      throw new BadInputException(source + ": invalid setting" + where + ": "
          + (cause != null && cause.getMessage() != null ? cause.getMessage()
          : e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new BadInputException(source + ": invalid settings: " + e.getOriginalMessage());
    }
  }
}
