package org.backstrat.analysis.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.backstrat.analysis.dca.DecisionCurveBootstrap;
import org.backstrat.analysis.dca.ThresholdGrid;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.cluster.select.KSelector;
import org.backstrat.core.BadInputException;
import org.backstrat.core.SafeName;
import org.backstrat.model.features.FeatureSpec;

/**
 * Every setting of the {@code analyze} stage. Made in code with {@link #builder()} (the shipped
 * defaults, then the settings that differ, checked together at {@link Builder#build()}), or read
 * from an analysis config JSON whose fields override the shipped defaults
 * ({@code default-analysis.json}), so a user's file holds only what they change. Immutable; the
 * report's methods text prints every field.
 *
 * <p>Every setting is bounded, and an absurd value (say {@code restarts} 2147483647) is refused
 * before any work or allocation, naming the setting and the allowed range. Variant, feature and
 * outcome names must be safe names ({@link SafeName}): they become parts of file names and of
 * the report.
 *
 * @param seed master seed; each random component draws from its own stream derived from it
 *     ({@code RandomStream})
 * @param scaling how numeric and ordinal features are scaled: robust, zscore or none
 * @param missing complete-case (default), impute (median/mode with indicator columns), or mice
 *     (multiple imputation by chained equations, {@value #MIN_IMPUTATIONS} sets; {@code mice:M}
 *     for M sets), clustering each imputed set and pooling the strata by consensus
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
 * @param l2 ridge penalty λ of the validation's multinomial regression on glmnet's scale
 *     (0 = λ chosen by inner cross-validation in every fit)
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
 * @param permutations block permutations of the test that the strata are more than the
 *     separate data domains (0 = no test)
 * @param evidenceRestarts k-means++ restarts of every clustering of the evidence that is not
 *     circular: the block-permutation test (the observed statistic and every permuted one alike,
 *     so the test stays exact) and prediction strength's halves. Fewer than {@code restarts}
 *     because those clusterings number thousands (2 per permutation, 2 per split and K)
 * @param variants the variants analysed, each on its own
 */
public record AnalysisConfig(long seed, String scaling, String missing, String method, int k,
                             int kMin, int kMax, double trim, int restarts,
                             int stabilityResamples, int gapReferences, int folds, int repeats,
                             double l2, String adjustment, String outcome, String thresholds,
                             int dcaBootstrap, int selectionSample, int cvSample,
                             int permutations, int evidenceRestarts,
                             List<VariantConfig> variants) {

  /** Imputed sets of {@code "missing": "mice"} (and the fewest {@code mice:M} may ask for). */
  public static final int MIN_IMPUTATIONS = 5;
  /** Most imputed sets {@code mice:M} may ask for. */
  public static final int MAX_IMPUTATIONS = 100;

  /** Most strata an analysis may form or consider. */
  public static final int MAX_STRATA = 50;
  /** Most cross-validation folds. */
  public static final int MAX_FOLDS = 100;
  /** Most cross-validation repeats. */
  public static final int MAX_REPEATS = 1_000;
  /** Largest L2 penalty. */
  public static final double MAX_L2 = 1e6;
  /** Most block permutations. */
  public static final int MAX_PERMUTATIONS = 10_000;
  /** Most variants in one analysis. */
  public static final int MAX_VARIANTS = 20;
  /** Deepest nesting an analysis config file may have (the shipped one nests 4 levels). */
  public static final int MAX_NESTING_DEPTH = 32;
  /** Largest analysis config file read (the shipped one is about 2 KB). */
  public static final long MAX_FILE_BYTES = 1 << 20;
  /** Decision curves drawn per variant at most: treat-all, treat-none, strata, two comparators. */
  private static final int DCA_CURVES = 5;

  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(MAX_NESTING_DEPTH).build())
          .build())
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // "k": 2.5 is refused, not cut to 2
      .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true)
      .build();

  /**
   * Checks every setting.
   *
   * @throws BadInputException naming the first setting out of its range and the range
   */
  public AnalysisConfig {
    scaling = lower("scaling", scaling);
    missing = lower("missing", missing);
    method = lower("method", method);
    adjustment = lower("adjustment", adjustment);
    Objects.requireNonNull(variants, "variants");
    variants = List.copyOf(variants);
    oneOf("scaling", scaling, "robust", "zscore", "none");
    if (!missing.startsWith("mice")) {
      oneOf("missing", missing, "complete-case", "impute", "mice");
    }
    require(!missing.startsWith("mice") || missing.matches("mice(:[0-9]{1,3})?")
        && miceImputations(missing) >= MIN_IMPUTATIONS
        && miceImputations(missing) <= MAX_IMPUTATIONS, "missing", missing,
        "complete-case, impute, mice (m = " + MIN_IMPUTATIONS + " imputed sets) or mice:M with M "
            + "from " + MIN_IMPUTATIONS + " to " + MAX_IMPUTATIONS);
    oneOf("method", method, "trimmed", "huber", "mom", "kmeans", "kmedoids");
    oneOf("adjustment", adjustment, "holm", "bh", "bonferroni");
    require(k == 0 || k >= 2 && k <= MAX_STRATA, "k", k,
        "0 (choose K) or a number of strata from 2 to " + MAX_STRATA);
    require(kMin >= 2 && kMax >= kMin && kMax <= MAX_STRATA, "k_min/k_max", kMin + ".." + kMax,
        "2 <= k_min <= k_max <= " + MAX_STRATA);
    require(trim >= 0 && trim < 0.5, "trim", trim, "a fraction in [0, 0.5)");
    requireRange("restarts", restarts, 1, Clusterer.MAX_RESTARTS);
    requireRange("stability_resamples", stabilityResamples, 0, KSelector.MAX_RESAMPLES);
    require(permutations == 0 || permutations >= 19 && permutations <= MAX_PERMUTATIONS,
        "permutations", permutations, "0 (no test) or 19 to " + MAX_PERMUTATIONS);
    requireRange("evidence_restarts", evidenceRestarts, 1, Clusterer.MAX_RESTARTS);
    require(gapReferences == 0 || gapReferences >= 2 && gapReferences <= KSelector.MAX_RESAMPLES,
        "gap_references", gapReferences,
        "0 (no gap statistic) or a whole number from 2 to " + KSelector.MAX_RESAMPLES);
    requireRange("folds", folds, 2, MAX_FOLDS);
    requireRange("repeats", repeats, 1, MAX_REPEATS);
    require(l2 >= 0 && l2 <= MAX_L2, "l2", l2, "a penalty from 0 to " + (long) MAX_L2);
    Objects.requireNonNull(outcome, "outcome");
    try {
      SafeName.require("outcome", outcome);
    } catch (BadInputException e) {
      throw new BadInputException("analysis config: " + e.getMessage());
    }
    Objects.requireNonNull(thresholds, "thresholds");
    int gridSize;
    try {
      gridSize = ThresholdGrid.parse(thresholds).size();
    } catch (BadInputException e) {
      throw new BadInputException("analysis config: " + e.getMessage());
    }
    require(dcaBootstrap == 0 || dcaBootstrap >= 2
            && dcaBootstrap <= DecisionCurveBootstrap.MAX_REPLICATES, "dca_bootstrap",
        dcaBootstrap, "0 (no bands) or a whole number from 2 to "
            + DecisionCurveBootstrap.MAX_REPLICATES);
    require((long) dcaBootstrap * gridSize * DCA_CURVES <= DecisionCurveBootstrap.MAX_VALUES,
        "dca_bootstrap", dcaBootstrap, "at most " + DecisionCurveBootstrap.MAX_VALUES
            / ((long) gridSize * DCA_CURVES) + " with " + gridSize + " thresholds (the bands keep"
            + " replicates x thresholds x curves values): fewer replicates or a coarser grid");
    require(selectionSample == 0 || selectionSample >= 100, "selection_sample", selectionSample,
        "0 (always choose K on everyone) or a subsample size >= 100");
    require(cvSample == 0 || cvSample >= 100, "cv_sample", cvSample,
        "0 (always cross-validate on everyone) or a subsample size >= 100");
    if (variants.isEmpty() || variants.size() > MAX_VARIANTS) {
      throw new BadInputException("analysis config: variants: expected 1 to " + MAX_VARIANTS
          + " variants, found " + variants.size());
    }
    Set<String> names = new HashSet<>();
    for (VariantConfig v : variants) {
      if (!names.add(v.name().toLowerCase(Locale.ROOT))) {
        throw new BadInputException("analysis config: variants: the name " + v.name()
            + " is used twice (ignoring case); each variant's outputs are named after it");
      }
    }
  }

  private static String lower(String field, String value) {
    if (value == null) {
      throw new BadInputException("analysis config: " + field + ": missing");
    }
    return value.toLowerCase(Locale.ROOT);
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

  private static void requireRange(String field, int value, int min, int max) {
    require(value >= min && value <= max, field, value,
        "a whole number from " + min + " to " + max);
  }

  /** The shipped defaults (DESIGN.md's settings). */
  public static AnalysisConfig defaults() {
    return fromNode(defaultsNode(), "default-analysis.json");
  }

  /** A builder holding the shipped defaults. */
  public static Builder builder() {
    return defaults().toBuilder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Defaults overridden by the fields of a user's JSON file (arrays replace, objects merge).
   *
   * @throws BadInputException naming the file and the setting, in words (never a Java type),
   *     when the file cannot be read, is not JSON, nests too deeply, names an unknown setting,
   *     holds a value of the wrong kind or out of range, or a name that is not safe
   */
  public static AnalysisConfig read(Path file) {
    JsonNode user;
    try {
      if (!Files.isRegularFile(file)) {
        throw new BadInputException(file + ": " + (Files.exists(file)
            ? "not a regular file; expected an analysis config JSON file"
            : "no such analysis config file"));
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new BadInputException(file + ": " + Files.size(file) + " bytes; an analysis "
            + "config is at most " + MAX_FILE_BYTES + " bytes (the shipped one is about 2 KB)");
      }
      user = MAPPER.readTree(Files.readAllBytes(file));
    } catch (StreamConstraintsException e) {
      throw new BadInputException(file + ": nested more than " + MAX_NESTING_DEPTH
          + " levels deep; an analysis config nests at most 4 levels");
    } catch (JsonProcessingException e) {
      throw new BadInputException(file + ": not valid JSON: "
          + org.backstrat.core.io.JsonProblems.describe(e));
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such analysis config file");
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

  /** Number of imputed sets m of {@code "missing": "mice[:M]"}; 0 for the other policies. */
  public int imputations() {
    return missing.startsWith("mice") ? miceImputations(missing) : 0;
  }

  private static int miceImputations(String missing) {
    int colon = missing.indexOf(':');
    return colon < 0 ? MIN_IMPUTATIONS : Integer.parseInt(missing.substring(colon + 1));
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
    Iterator<Map.Entry<String, JsonNode>> it = from.properties().iterator();
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
    } catch (JsonMappingException e) {
      throw new BadInputException(source + ": " + inUserTerms(e, node));
    } catch (JsonProcessingException e) {
      throw new BadInputException(source + ": invalid settings: " + e.getOriginalMessage());
    }
  }

  /**
   * A mapping error in the words of the config file: the setting's path as written there
   * (e.g. {@code variants[0].features[1].weight}), what was found and what is expected.
   */
  private static String inUserTerms(JsonMappingException e, JsonNode root) {
    String path = path(e);
    String at = path.isEmpty() ? "" : path + ": ";
    if (e instanceof UnrecognizedPropertyException u) {
      Set<String> known = new TreeSet<>();
      for (Object id : u.getKnownPropertyIds()) {
        known.add(String.valueOf(id));
      }
      String where = path.lastIndexOf('.') < 0 && path.lastIndexOf(']') < 0 ? ""
          : path.substring(0, Math.max(path.lastIndexOf('.'), path.lastIndexOf(']') + 1)) + ": ";
      return where.replace(".: ", ": ") + "unknown setting \"" + u.getPropertyName()
          + "\"; expected one of " + String.join(", ", known);
    }
    if (e instanceof ValueInstantiationException) {
      Throwable cause = e.getCause();
      if (cause instanceof BadInputException bad) {
        String msg = bad.getMessage().replaceFirst("^analysis config: ", "");
        return at + msg;
      }
      if (cause instanceof NullPointerException || cause instanceof IllegalArgumentException) {
        return at + "incomplete: every field must be given (see the shipped "
            + "default-analysis.json for a complete example)";
      }
      return at + foundInstead(root, e);
    }
    if (e instanceof InvalidFormatException f) {
      return at + "found " + shown(f.getValue()) + ", expected " + expected(f.getTargetType());
    }
    if (e instanceof MismatchedInputException m) {
      JsonNode found = at(root, e);
      String what = found == null || found.isMissingNode() || found.isNull() ? "missing"
          : "found " + shown(found.isValueNode() ? found.asText() : found.toString());
      return at + what + ", expected " + expected(m.getTargetType());
    }
    Throwable cause = e.getCause();
    if (cause instanceof BadInputException bad) {
      return at + bad.getMessage().replaceFirst("^analysis config: ", "");
    }
    return at + foundInstead(root, e);
  }

  /**
   * The last resort for a value Jackson could not take (a number too large for its type, a
   * missing list): what was found there, in the file's own words, never a Java type.
   */
  private static String foundInstead(JsonNode root, JsonMappingException e) {
    JsonNode found = at(root, e);
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InputCoercionException) {
        return "found " + shown(found == null ? "" : found.asText())
            + ", expected a whole number of at most " + Integer.MAX_VALUE;
      }
    }
    if (found == null || found.isMissingNode() || found.isNull()) {
      return "missing, expected a value";
    }
    return "found " + shown(found.isValueNode() ? found.asText() : found.toString())
        + ", which is not a value this setting takes (see the shipped default-analysis.json)";
  }

  /** The node the error points at, or null when it is absent. */
  private static JsonNode at(JsonNode root, JsonMappingException e) {
    JsonNode n = root;
    for (JsonMappingException.Reference r : e.getPath()) {
      if (n == null) {
        return null;
      }
      n = r.getFieldName() != null ? n.get(r.getFieldName())
          : r.getIndex() >= 0 ? n.get(r.getIndex()) : n;
    }
    return n;
  }

  private static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static String shown(Object value) {
    String s = String.valueOf(value);
    return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
  }

  /** What a value of this Java type looks like in JSON, in words. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return "another kind of value";
    }
    if (type == int.class || type == Integer.class || type == long.class
        || type == Long.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "text in double quotes";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list in [brackets]";
    }
    if (type == FeatureSpec.Encoding.class) {
      return "one of numeric, ordinal, binary, one_hot";
    }
    if (type.isEnum()) {
      StringBuilder b = new StringBuilder("one of ");
      Object[] values = type.getEnumConstants();
      for (int i = 0; i < values.length; i++) {
        b.append(i == 0 ? "" : ", ").append(values[i].toString().toLowerCase(Locale.ROOT));
      }
      return b.toString();
    }
    return "an object in {braces}";
  }

  /**
   * Collects analysis settings, starting from the ones it was made from; {@link #build()}
   * checks them all together. Setters may be called in any order; none resets another.
   */
  public static final class Builder {
    private long seed;
    private String scaling;
    private String missing;
    private String method;
    private int k;
    private int kMin;
    private int kMax;
    private double trim;
    private int restarts;
    private int stabilityResamples;
    private int gapReferences;
    private int permutations;
    private int evidenceRestarts;
    private int folds;
    private int repeats;
    private double l2;
    private String adjustment;
    private String outcome;
    private String thresholds;
    private int dcaBootstrap;
    private int selectionSample;
    private int cvSample;
    private List<VariantConfig> variants;

    private Builder(AnalysisConfig c) {
      seed = c.seed;
      scaling = c.scaling;
      missing = c.missing;
      method = c.method;
      k = c.k;
      kMin = c.kMin;
      kMax = c.kMax;
      trim = c.trim;
      restarts = c.restarts;
      stabilityResamples = c.stabilityResamples;
      gapReferences = c.gapReferences;
      permutations = c.permutations;
      evidenceRestarts = c.evidenceRestarts;
      folds = c.folds;
      repeats = c.repeats;
      l2 = c.l2;
      adjustment = c.adjustment;
      outcome = c.outcome;
      thresholds = c.thresholds;
      dcaBootstrap = c.dcaBootstrap;
      selectionSample = c.selectionSample;
      cvSample = c.cvSample;
      variants = c.variants;
    }

    /** Master seed. */
    public Builder seed(long s) {
      seed = s;
      return this;
    }

    /** robust, zscore or none. */
    public Builder scaling(String s) {
      scaling = s;
      return this;
    }

    /** complete-case or impute. */
    public Builder missing(String m) {
      missing = m;
      return this;
    }

    /** trimmed, huber, mom, kmeans or kmedoids. */
    public Builder method(String m) {
      method = m;
      return this;
    }

    /** A fixed number of strata (0 = choose K in the range). */
    public Builder k(int fixed) {
      k = fixed;
      return this;
    }

    /** The range K is chosen from. */
    public Builder kRange(int min, int max) {
      kMin = min;
      kMax = max;
      return this;
    }

    /** Trimmed fraction alpha. */
    public Builder trim(double alpha) {
      trim = alpha;
      return this;
    }

    /** k-means++ restarts. */
    public Builder restarts(int r) {
      restarts = r;
      return this;
    }

    /** Stability bootstrap resamples (0 = skip). */
    public Builder stabilityResamples(int b) {
      stabilityResamples = b;
      return this;
    }

    /** Block permutations of the test of the strata (0 = no test). */
    public Builder permutations(int b) {
      permutations = b;
      return this;
    }

    /**
     * Restarts of the evidence's clusterings (block permutations, observed included, and
     * prediction strength).
     */
    public Builder evidenceRestarts(int r) {
      evidenceRestarts = r;
      return this;
    }

    /** Gap statistic reference sets (0 = skip). */
    public Builder gapReferences(int b) {
      gapReferences = b;
      return this;
    }

    /** Cross-validation folds. */
    public Builder folds(int f) {
      folds = f;
      return this;
    }

    /** Cross-validation repeats. */
    public Builder repeats(int r) {
      repeats = r;
      return this;
    }

    /** L2 penalty of the multinomial logistic regression. */
    public Builder l2(double penalty) {
      l2 = penalty;
      return this;
    }

    /** holm, bh or bonferroni. */
    public Builder adjustment(String a) {
      adjustment = a;
      return this;
    }

    /** Binary outcome column of the decision curves. */
    public Builder outcome(String column) {
      outcome = column;
      return this;
    }

    /** Threshold grid lo:hi:step. */
    public Builder thresholds(String spec) {
      thresholds = spec;
      return this;
    }

    /** Decision-curve bootstrap resamples (0 = no bands). */
    public Builder dcaBootstrap(int b) {
      dcaBootstrap = b;
      return this;
    }

    /** K-selection subsample size (0 = everyone). */
    public Builder selectionSample(int size) {
      selectionSample = size;
      return this;
    }

    /** Cross-validation subsample size (0 = everyone). */
    public Builder cvSample(int size) {
      cvSample = size;
      return this;
    }

    /** The variants, each analysed on its own. */
    public Builder variants(List<VariantConfig> v) {
      variants = List.copyOf(v);
      return this;
    }

    /**
     * The settings.
     *
     * @throws BadInputException naming the first setting out of its range and the range
     */
    public AnalysisConfig build() {
      return new AnalysisConfig(seed, scaling, missing, method, k, kMin, kMax, trim, restarts,
          stabilityResamples, gapReferences, folds, repeats, l2, adjustment, outcome,
          thresholds, dcaBootstrap, selectionSample, cvSample, permutations, evidenceRestarts,
          variants);
    }
  }
}
