package org.backstrat.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.kmeans.ClusterFit;
import org.backstrat.cluster.kmeans.ClusterMethod;
import org.backstrat.cluster.kmeans.ClusterModel;
import org.backstrat.core.BadInputException;
import org.backstrat.core.SafeName;
import org.backstrat.core.io.PrettyJson;
import org.backstrat.core.scoring.ScoringOptions;
import org.backstrat.model.features.FeatureSpec;

/**
 * Reads and writes {@code model.json} (schema {@value FrozenModel#SCHEMA}). Writing is
 * deterministic (fixed field order, two-space indentation). Reading checks the schema first (an
 * unknown schema is refused naming the schema found and the one expected; a
 * {@value FrozenModel#PREVIOUS_SCHEMA} model, written before provenance was recorded, is refused
 * with how to remake it), then every field, then the consistency of each variant, so that a
 * model edited by hand into inconsistency is refused with a clear {@link BadInputException}
 * naming the file, the variant and the field.
 */
public final class ModelJson {
  /** Deepest nesting a model file may have (a real one nests 5 levels). */
  static final int MAX_NESTING_DEPTH = 64;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH).build())
      .build());

  private ModelJson() {
  }

  /** Writes the model to {@code file} (the caller makes the write atomic). */
  public static void write(FrozenModel model, Path file) throws IOException {
    PrettyJson.write(toJson(model), file);
  }

  /** The model as a JSON tree. */
  public static ObjectNode toJson(FrozenModel model) {
    ObjectNode root = NODES.objectNode();
    root.put("schema", FrozenModel.SCHEMA);
    Provenance p = model.provenance();
    ObjectNode prov = root.putObject("provenance");
    prov.put("software_version", p.softwareVersion());
    prov.put("created_at", p.createdAt());
    prov.put("seed", p.seed());
    ObjectNode in = prov.putObject("input");
    in.put("file", p.input().fileName());
    in.put("sha256", p.input().sha256());
    in.put("rows", p.input().rows());
    prov.set("analysis_config", p.analysisConfig());
    ObjectNode scoring = root.putObject("scoring");
    scoring.put("lbp_frequency_at_least", model.scoring().lbpFrequencyAtLeast());
    scoring.put("lbp_bothersomeness_at_least", model.scoring().lbpBothersomenessAtLeast());
    root.put("missing", model.missing());
    root.put("distance", "euclidean in the scaled space: z = (x - center) / scale * weight");
    root.put("probability", "p_k = exp(-d_k^2 / 2) / sum_j exp(-d_j^2 / 2)");
    ObjectNode variants = root.putObject("variants");
    for (FrozenVariant v : model.variants()) {
      variants.set(v.name(), variant(v));
    }
    return root;
  }

  private static ObjectNode variant(FrozenVariant v) {
    ClusterFit fit = v.clustering().fit();
    Scaler scaler = v.clustering().scaler();
    ObjectNode o = NODES.objectNode();
    o.put("method", fit.method().cliName());
    o.put("k", v.k());
    o.put("trim_fraction", fit.trimFraction());
    o.put("trim_radius", fit.trimRadius());
    ArrayNode feats = o.putArray("features");
    for (FeatureSpec f : v.features()) {
      ObjectNode fo = feats.addObject();
      fo.put("name", f.name());
      fo.put("encoding", f.encoding().name().toLowerCase(Locale.ROOT));
      fo.put("weight", f.weight());
      List<String> levels = v.categoryLevels().get(f.name());
      if (levels != null) {
        strings(fo.putArray("levels"), levels);
      }
    }
    strings(o.putArray("columns"), v.columns());
    strings(o.putArray("source_features"), v.sourceFeature());
    ObjectNode sc = o.putObject("scaler");
    sc.put("method", scaler.method().name().toLowerCase(Locale.ROOT));
    numbers(sc.putArray("center"), scaler.center());
    numbers(sc.putArray("scale"), scaler.scale());
    numbers(sc.putArray("weights"), scaler.weights());
    ArrayNode strata = o.putArray("strata");
    for (Stratum s : v.strata()) {
      ObjectNode so = strata.addObject();
      so.put("id", s.id());
      so.put("label", s.label());
    }
    ArrayNode cs = o.putArray("centers_scaled");
    ArrayNode co = o.putArray("centers_original");
    for (int c = 0; c < v.k(); c++) {
      numbers(cs.addArray(), fit.center(c));
      numbers(co.addArray(), v.clustering().centerOriginal(c));
    }
    TrainingSummary t = v.training();
    ObjectNode tr = o.putObject("training");
    tr.put("n_used", t.nUsed());
    tr.put("n_outliers", t.nOutliers());
    ArrayNode sizes = tr.putArray("sizes");
    for (int s : t.sizes()) {
      sizes.add(s);
    }
    numberOrNull(tr, "objective", t.objective());
    numberOrNull(tr, "accuracy", t.accuracyMean());
    numberOrNull(tr, "accuracy_sd", t.accuracySd());
    if (v.fallback().isPresent()) {
      FallbackModel f = v.fallback().get();
      ObjectNode fo = o.putObject("fallback");
      fo.put("model", "multinomial logistic regression on z = (x - mean) / sd; "
          + "eta_1 = 0, eta_k = b_k0 + sum_j b_kj z_j; p_k = exp(eta_k) / sum_l exp(eta_l)");
      strings(fo.putArray("features"), f.featureNames());
      strings(fo.putArray("columns"), f.columns());
      numbers(fo.putArray("mean"), f.mean());
      numbers(fo.putArray("sd"), f.sd());
      ArrayNode coef = fo.putArray("coefficients");
      for (double[] row : f.coefficients()) {
        numbers(coef.addArray(), row);
      }
      numberOrNull(fo, "accuracy", f.accuracyMean());
      numberOrNull(fo, "accuracy_sd", f.accuracySd());
      fo.put("n_trained", f.nTrained());
      fo.put("status", f.status());
    }
    return o;
  }

  private static void numberOrNull(ObjectNode o, String field, double x) {
    if (Double.isFinite(x)) {
      o.put(field, x);
    } else {
      o.putNull(field);
    }
  }

  /**
   * Reads and checks a model file.
   *
   * @throws BadInputException when the file is absent, not JSON, of another schema, lacks a
   *     field or is inconsistent
   */
  public static FrozenModel read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such model file");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read the model: " + e.getMessage());
    }
    return read(bytes, file.toString());
  }

  /**
   * Reads and checks a model from its bytes (for a caller that also hashes them, so the hash
   * and the model come from the same read); {@code source} names it in messages.
   */
  public static FrozenModel read(byte[] bytes, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new BadInputException(source + ": not a valid model file: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    } catch (IOException e) {
      throw new BadInputException(source + ": cannot read the model: " + e.getMessage());
    }
    return fromJson(root, source);
  }

  /** Reads and checks a model tree; {@code source} names it in messages. */
  public static FrozenModel fromJson(JsonNode root, String source) {
    if (root == null || !root.isObject()) {
      throw new BadInputException(source + ": expected a JSON object with schema \""
          + FrozenModel.SCHEMA + "\"");
    }
    JsonNode schema = root.get("schema");
    if (schema == null || !schema.isTextual()) {
      throw new BadInputException(source + ": schema: no schema field; expected \""
          + FrozenModel.SCHEMA + "\" (is this a backstrat model.json?)");
    }
    if (schema.asText().equals(FrozenModel.PREVIOUS_SCHEMA)) {
      throw new BadInputException(source + ": schema: found \"" + schema.asText()
          + "\", expected \"" + FrozenModel.SCHEMA + "\": this model was written by an older "
          + "backstrat, before models recorded how they were made (seed, settings, training "
          + "table); re-run analyze on the training table to make a " + FrozenModel.SCHEMA
          + " model (same table, settings and seed give the same strata)");
    }
    if (!schema.asText().equals(FrozenModel.SCHEMA)) {
      throw new BadInputException(source + ": schema: found \"" + schema.asText()
          + "\", expected \"" + FrozenModel.SCHEMA + "\"; this version of backstrat reads only "
          + FrozenModel.SCHEMA + " models: re-run analyze to make one");
    }
    Fields r = new Fields(source, "");
    Provenance provenance = provenance(r.object(root, "provenance"), r.in("provenance."));
    JsonNode sc = r.object(root, "scoring");
    ScoringOptions scoring;
    try {
      scoring = new ScoringOptions(r.integer(sc, "scoring.lbp_frequency_at_least"),
          r.number(sc, "scoring.lbp_bothersomeness_at_least"));
    } catch (BadInputException e) {
      throw new BadInputException(source + ": scoring: " + e.getMessage());
    }
    String missing = r.text(root, "missing");
    if (!missing.equals("complete-case") && !missing.equals("impute")) {
      throw r.bad("missing", "\"" + missing + "\"", "complete-case or impute");
    }
    JsonNode vs = r.object(root, "variants");
    List<FrozenVariant> variants = new ArrayList<>();
    var it = vs.properties().iterator();
    while (it.hasNext()) {
      var e = it.next();
      variants.add(variant(e.getKey(), e.getValue(), r.in("variants." + e.getKey() + "."),
          source));
    }
    if (variants.isEmpty()) {
      throw new BadInputException(source + ": variants: expected at least one variant");
    }
    return new FrozenModel(provenance, scoring, missing, variants);
  }

  private static Provenance provenance(JsonNode o, Fields f) {
    JsonNode in = f.object(o, "input");
    String sha = f.text(in, "input.sha256");
    if (!InputTable.isSha256(sha)) {
      throw f.bad("input.sha256", "\"" + sha + "\"", "64 lower-case hex digits");
    }
    long rows = f.wholeNumber(in, "input.rows");
    if (rows < 0) {
      throw f.bad("input.rows", Long.toString(rows), "a count >= 0");
    }
    return new Provenance(f.text(o, "software_version"), f.text(o, "created_at"),
        f.wholeNumber(o, "seed"), new InputTable(f.text(in, "input.file"), sha, rows),
        (ObjectNode) f.object(o, "analysis_config"));
  }

  private static FrozenVariant variant(String name, JsonNode o, Fields f, String source) {
    f.object(o, "");
    try {
      SafeName.require("variant name", name);
    } catch (BadInputException ex) {
      throw new BadInputException(source + ": variants: " + ex.getMessage());
    }
    String where = source + ": variant " + name + ": ";
    List<FeatureSpec> features = new ArrayList<>();
    Map<String, List<String>> levels = new LinkedHashMap<>();
    for (JsonNode fo : f.array(o, "features")) {
      String enc = f.text(fo, "features.encoding");
      FeatureSpec.Encoding e;
      try {
        e = FeatureSpec.Encoding.valueOf(enc.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException ex) {
        throw f.bad("features.encoding", "\"" + enc + "\"", "numeric, ordinal, binary or one_hot");
      }
      double w = f.number(fo, "features.weight");
      if (!(w > 0) || !Double.isFinite(w)) {
        throw f.bad("features.weight", Double.toString(w), "a positive finite number");
      }
      String featureName = f.text(fo, "features.name");
      try {
        features.add(new FeatureSpec(featureName, e, w));
      } catch (BadInputException ex) {
        throw new BadInputException(where + "features: " + ex.getMessage());
      }
      if (fo.has("levels")) {
        levels.put(featureName, f.strings(fo, "features.levels"));
      }
    }
    if (features.isEmpty()) {
      throw new BadInputException(where + "features: expected at least one feature");
    }
    List<String> columns = f.strings(o, "columns");
    List<String> sourceFeature = f.strings(o, "source_features");
    JsonNode scalerNode = f.object(o, "scaler");
    String scaleMethod = f.text(scalerNode, "scaler.method");
    double[] center = f.numbers(scalerNode, "scaler.center");
    double[] scale = f.numbers(scalerNode, "scaler.scale");
    double[] weights = f.numbers(scalerNode, "scaler.weights");
    List<Stratum> strata = new ArrayList<>();
    int i = 1;
    for (JsonNode s : f.array(o, "strata")) {
      if (f.integer(s, "strata.id") != i) {
        throw f.bad("strata.id", s.path("id").toString(), "ids 1, 2, ... in order");
      }
      strata.add(new Stratum(i, f.text(s, "strata.label")));
      i++;
    }
    int k = f.integer(o, "k");
    if (k != strata.size()) {
      throw f.bad("k", Integer.toString(k), "the number of strata listed (" + strata.size()
          + ")");
    }
    double[][] centersScaled = f.matrix(o, "centers_scaled");
    double[][] centersOriginal = f.matrix(o, "centers_original");
    double trimRadius = f.number(o, "trim_radius");
    double trimFraction = f.number(o, "trim_fraction");
    String method = f.text(o, "method");
    JsonNode training = f.object(o, "training");
    Check check = new Check(where, columns);
    TrainingSummary summary = check.training(
        f.integer(training, "training.n_used"), f.integer(training, "training.n_outliers"),
        f.integers(training, "training.sizes"), f.numberOrNaN(training, "training.objective"),
        f.numberOrNaN(training, "training.accuracy"),
        f.numberOrNaN(training, "training.accuracy_sd"), k);

    check.featuresAndColumns(features, sourceFeature, levels);
    check.scaler(center, scale, weights);
    check.centres(k, centersScaled, centersOriginal, center, scale, weights);
    if (!(trimRadius >= 0) || !Double.isFinite(trimRadius)) {
      throw new BadInputException(where + "trim_radius: " + trimRadius
          + ": expected a finite number >= 0");
    }
    if (!(trimFraction >= 0 && trimFraction < 0.5)) {
      throw new BadInputException(where + "trim_fraction: " + trimFraction
          + ": expected a number in [0, 0.5)");
    }
    ScaleMethod sm;
    try {
      sm = ScaleMethod.parse(scaleMethod);
    } catch (RuntimeException e) {
      throw new BadInputException(where + "scaler.method: found \"" + scaleMethod
          + "\", expected robust, zscore or none");
    }
    ClusterMethod cm;
    try {
      cm = ClusterMethod.parse(method);
    } catch (RuntimeException e) {
      throw new BadInputException(where + "method: found \"" + method
          + "\", expected trimmed, huber, mom, kmeans or kmedoids");
    }
    ClusterModel clustering = new ClusterModel(new Scaler(sm, columns, center, scale, weights),
        ClusterFit.restored(cm, trimFraction, centersScaled, trimRadius));
    java.util.Optional<FallbackModel> fallback = java.util.Optional.empty();
    if (o.has("fallback") && !o.get("fallback").isNull()) {
      fallback = java.util.Optional.of(fallback(f.object(o, "fallback"), f, where, features,
          columns, k));
    }
    return new FrozenVariant(name, features, levels, columns, sourceFeature, clustering, strata,
        summary, fallback);
  }

  private static FallbackModel fallback(JsonNode o, Fields f, String where,
                                        List<FeatureSpec> variantFeatures,
                                        List<String> variantColumns, int k) {
    List<FeatureSpec> specs = new ArrayList<>();
    for (String name : f.strings(o, "fallback.features")) {
      FeatureSpec spec = variantFeatures.stream().filter(s -> s.name().equals(name)).findFirst()
          .orElseThrow(() -> new BadInputException(where + "fallback.features: " + name
              + " is not a feature of the variant"));
      specs.add(spec);
    }
    List<String> columns = f.strings(o, "fallback.columns");
    for (String c : columns) {
      if (!variantColumns.contains(c)) {
        throw new BadInputException(where + "fallback.columns: " + c
            + " is not an encoded column of the variant");
      }
    }
    double[] mean = f.numbers(o, "fallback.mean");
    double[] sd = f.numbers(o, "fallback.sd");
    double[][] coefficients = f.matrix(o, "fallback.coefficients");
    int p = columns.size();
    if (p == 0 || mean.length != p || sd.length != p) {
      throw new BadInputException(where + "fallback: expected one mean and one sd per column ("
          + p + "), found " + mean.length + " and " + sd.length);
    }
    if (coefficients.length != k - 1) {
      throw new BadInputException(where + "fallback.coefficients: expected " + (k - 1)
          + " rows (strata 2.." + k + "), found " + coefficients.length);
    }
    for (int r = 0; r < coefficients.length; r++) {
      if (coefficients[r].length != p + 1) {
        throw new BadInputException(where + "fallback.coefficients[" + r + "]: expected "
            + (p + 1) + " terms (intercept and one per column), found "
            + coefficients[r].length);
      }
      for (double b : coefficients[r]) {
        if (!Double.isFinite(b)) {
          throw new BadInputException(where + "fallback.coefficients[" + r
              + "]: expected finite numbers");
        }
      }
    }
    for (int j = 0; j < p; j++) {
      if (!(sd[j] > 0) || !Double.isFinite(sd[j]) || !Double.isFinite(mean[j])) {
        throw new BadInputException(where + "fallback.sd[" + j + "]: " + sd[j]
            + ": expected a positive finite number");
      }
    }
    double accuracy = f.numberOrNaN(o, "fallback.accuracy");
    if (!Double.isNaN(accuracy) && !(accuracy >= 0 && accuracy <= 1)) {
      throw new BadInputException(where + "fallback.accuracy: " + accuracy
          + ": expected a fraction in [0, 1] or null");
    }
    int n = f.integer(o, "fallback.n_trained");
    if (n < 0) {
      throw new BadInputException(where + "fallback.n_trained: " + n + ": expected a count");
    }
    return new FallbackModel(specs, columns, mean, sd, coefficients, accuracy,
        f.numberOrNaN(o, "fallback.accuracy_sd"), n, f.text(o, "fallback.status"));
  }

  /** Consistency checks of one variant's parts, with messages naming the variant and field. */
  private record Check(String where, List<String> columns) {

    void featuresAndColumns(List<FeatureSpec> features, List<String> sourceFeature,
                            Map<String, List<String>> levels) {
      int d = columns.size();
      if (d == 0) {
        throw new BadInputException(where + "columns: expected at least one encoded column");
      }
      List<String> featureNames = features.stream().map(FeatureSpec::name).toList();
      if (featureNames.stream().distinct().count() != featureNames.size()) {
        throw new BadInputException(where + "features: a feature is listed twice in "
            + featureNames);
      }
      if (columns.stream().distinct().count() != d) {
        throw new BadInputException(where + "columns: a column is listed twice in " + columns);
      }
      if (sourceFeature.size() != d) {
        throw new BadInputException(where + "source_features: expected " + d + " entries (one "
            + "per column), found " + sourceFeature.size());
      }
      for (String s : sourceFeature) {
        if (!featureNames.contains(s)) {
          throw new BadInputException(where + "source_features: \"" + s + "\" is not one of "
              + "the features " + featureNames);
        }
      }
      for (Map.Entry<String, List<String>> e : levels.entrySet()) {
        if (e.getValue().isEmpty()) {
          throw new BadInputException(where + "features.levels of " + e.getKey()
              + ": expected at least one level");
        }
      }
    }

    void scaler(double[] center, double[] scale, double[] weights) {
      int d = columns.size();
      requireLength("scaler.center", center, d);
      requireLength("scaler.scale", scale, d);
      requireLength("scaler.weights", weights, d);
      for (int j = 0; j < d; j++) {
        String col = columns.get(j);
        if (!Double.isFinite(center[j])) {
          throw new BadInputException(where + "scaler.center of column " + col + ": "
              + center[j] + " is not a finite number");
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
    }

    void centres(int k, double[][] centersScaled, double[][] centersOriginal, double[] center,
                 double[] scale, double[] weights) {
      int d = columns.size();
      if (k < 1) {
        throw new BadInputException(where + "strata: expected at least one stratum");
      }
      if (centersScaled.length != k) {
        throw new BadInputException(where + "centers_scaled: expected " + k + " centres (one "
            + "per stratum label), found " + centersScaled.length);
      }
      if (centersOriginal.length != k) {
        throw new BadInputException(where + "centers_original: expected " + k + " centres (one "
            + "per stratum label), found " + centersOriginal.length);
      }
      for (int c = 0; c < k; c++) {
        requireLength("centers_scaled[" + c + "]", centersScaled[c], d);
        requireLength("centers_original[" + c + "]", centersOriginal[c], d);
        for (int j = 0; j < d; j++) {
          if (!Double.isFinite(centersScaled[c][j])) {
            throw new BadInputException(where + "centers_scaled[" + c + "] column "
                + columns.get(j) + ": " + centersScaled[c][j] + " is not a finite number");
          }
          // the inverse of Scaler.transformPoint, as Scaler.inverse computes it
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
    }

    TrainingSummary training(int nUsed, int nOutliers, int[] sizes, double objective,
                             double accuracy, double accuracySd, int k) {
      if (nUsed < 0 || nOutliers < 0 || nOutliers > nUsed) {
        throw new BadInputException(where + "training: n_used " + nUsed + " and n_outliers "
            + nOutliers + ": expected 0 <= n_outliers <= n_used");
      }
      if (sizes.length != k) {
        throw new BadInputException(where + "training.sizes: expected " + k + " sizes (one per "
            + "stratum), found " + sizes.length);
      }
      long kept = 0;
      for (int s : sizes) {
        if (s < 0) {
          throw new BadInputException(where + "training.sizes: " + s + ": expected counts >= 0");
        }
        kept += s;
      }
      if (kept != nUsed - nOutliers) {
        throw new BadInputException(where + "training.sizes: they add up to " + kept
            + ", expected n_used - n_outliers = " + (nUsed - nOutliers));
      }
      if (!Double.isNaN(accuracy) && !(accuracy >= 0 && accuracy <= 1)) {
        throw new BadInputException(where + "training.accuracy: " + accuracy
            + ": expected a fraction in [0, 1] or null");
      }
      return new TrainingSummary(nUsed, nOutliers, sizes, objective, accuracy, accuracySd);
    }

    private void requireLength(String field, double[] v, int d) {
      if (v.length != d) {
        throw new BadInputException(where + field + ": expected " + d + " values (one per "
            + "encoded column), found " + v.length);
      }
    }
  }

  private static void strings(ArrayNode a, List<String> values) {
    values.forEach(a::add);
  }

  private static void numbers(ArrayNode a, double[] values) {
    for (double x : values) {
      a.add(x);
    }
  }

  /**
   * Typed field access with messages naming the file and the field. A field is named by its
   * path below the current prefix; only its last segment is looked up in the node given.
   */
  private record Fields(String source, String prefix) {

    Fields in(String p) {
      return new Fields(source, prefix + p);
    }

    BadInputException bad(String field, String found, String expected) {
      return new BadInputException(source + ": " + prefix + field + ": found " + found
          + ", expected " + expected);
    }

    private JsonNode field(JsonNode o, String field) {
      String key = field.substring(field.lastIndexOf('.') + 1);
      JsonNode v = key.isEmpty() ? o : o.get(key);
      if (v == null || v.isNull()) {
        throw new BadInputException(source + ": " + prefix + field + ": missing");
      }
      return v;
    }

    private static String kind(JsonNode v) {
      return v.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    JsonNode object(JsonNode o, String field) {
      JsonNode v = field(o, field);
      if (!v.isObject()) {
        throw bad(field, kind(v), "an object");
      }
      return v;
    }

    JsonNode array(JsonNode o, String field) {
      JsonNode v = field(o, field);
      if (!v.isArray()) {
        throw bad(field, kind(v), "an array");
      }
      return v;
    }

    String text(JsonNode o, String field) {
      JsonNode v = field(o, field);
      if (!v.isTextual()) {
        throw bad(field, v.toString(), "a string");
      }
      return v.asText();
    }

    double number(JsonNode o, String field) {
      JsonNode v = field(o, field);
      if (!v.isNumber()) {
        throw bad(field, v.toString(), "a number");
      }
      return v.asDouble();
    }

    double numberOrNaN(JsonNode o, String field) {
      JsonNode v = o.get(field.substring(field.lastIndexOf('.') + 1));
      return v == null || v.isNull() ? Double.NaN : number(o, field);
    }

    int integer(JsonNode o, String field) {
      JsonNode v = field(o, field);
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw bad(field, v.toString(), "a whole number");
      }
      return v.asInt();
    }

    long wholeNumber(JsonNode o, String field) {
      JsonNode v = field(o, field);
      if (!v.isIntegralNumber() || !v.canConvertToLong()) {
        throw bad(field, v.toString(), "a whole number");
      }
      return v.asLong();
    }

    List<String> strings(JsonNode o, String field) {
      List<String> out = new ArrayList<>();
      for (JsonNode s : array(o, field)) {
        if (!s.isTextual()) {
          throw bad(field, s.toString(), "strings");
        }
        out.add(s.asText());
      }
      return out;
    }

    int[] integers(JsonNode o, String field) {
      JsonNode a = array(o, field);
      int[] out = new int[a.size()];
      for (int j = 0; j < out.length; j++) {
        if (!a.get(j).isIntegralNumber() || !a.get(j).canConvertToInt()) {
          throw bad(field + "[" + j + "]", a.get(j).toString(), "a whole number");
        }
        out[j] = a.get(j).asInt();
      }
      return out;
    }

    double[] numbers(JsonNode o, String field) {
      JsonNode a = array(o, field);
      double[] out = new double[a.size()];
      for (int j = 0; j < out.length; j++) {
        if (!a.get(j).isNumber()) {
          throw bad(field + "[" + j + "]", a.get(j).toString(), "a number");
        }
        out[j] = a.get(j).asDouble();
      }
      return out;
    }

    double[][] matrix(JsonNode o, String field) {
      JsonNode a = array(o, field);
      double[][] out = new double[a.size()][];
      for (int c = 0; c < out.length; c++) {
        JsonNode row = a.get(c);
        if (!row.isArray()) {
          throw bad(field + "[" + c + "]", row.toString(), "an array of numbers");
        }
        out[c] = new double[row.size()];
        for (int j = 0; j < row.size(); j++) {
          if (!row.get(j).isNumber()) {
            throw bad(field + "[" + c + "][" + j + "]", row.get(j).toString(), "a number");
          }
          out[c][j] = row.get(j).asDouble();
        }
      }
      return out;
    }
  }
}
