package org.backstrat.report.frozen;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.List;
import java.util.Locale;
import org.backstrat.analysis.config.FeatureSpec;
import org.backstrat.core.BadInputException;
import org.backstrat.core.scoring.ScoringOptions;
import org.backstrat.report.output.AnalysisWriter;

/**
 * Reads and writes {@code model.json} (schema {@value FrozenModel#SCHEMA}). Writing is
 * deterministic (fixed field order, two-space indentation). Reading checks the schema first (an
 * unknown or newer schema is refused, naming the schema found and the one expected), then every
 * field, then the consistency of each variant ({@link FrozenVariant#validate}), so that a model
 * edited by hand into inconsistency is refused with a clear {@link BadInputException}.
 */
public final class ModelJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelJson() {
  }

  /** Writes the model to {@code file} (the caller makes the write atomic). */
  public static void write(FrozenModel model, Path file) throws IOException {
    AnalysisWriter.writeJson(toJson(model), file);
  }

  /** The model as a JSON tree. */
  public static ObjectNode toJson(FrozenModel model) {
    ObjectNode root = NODES.objectNode();
    root.put("schema", FrozenModel.SCHEMA);
    root.put("software_version", model.softwareVersion());
    root.put("created_at", model.createdAt());
    ObjectNode scoring = root.putObject("scoring");
    scoring.put("lbp_frequency_at_least", model.scoring().lbpFrequencyAtLeast());
    scoring.put("lbp_bothersomeness_at_least", model.scoring().lbpBothersomenessAtLeast());
    root.put("missing", model.missing());
    root.put("distance", "euclidean in the scaled space: z = (x - center) / scale * weight");
    root.put("probability", "p_k = exp(-d_k^2 / 2) / sum_j exp(-d_j^2 / 2)");
    ObjectNode variants = root.putObject("variants");
    for (FrozenVariant v : model.variants()) {
      ObjectNode o = variants.putObject(v.name());
      o.put("method", v.method());
      o.put("k", v.k());
      o.put("trim_fraction", v.trimFraction());
      o.put("trim_radius", v.trimRadius());
      ArrayNode feats = o.putArray("features");
      for (FeatureSpec f : v.features()) {
        ObjectNode fo = feats.addObject();
        fo.put("name", f.name());
        fo.put("encoding", f.encoding().name().toLowerCase(Locale.ROOT));
        fo.put("weight", f.weight());
      }
      strings(o.putArray("columns"), v.columns());
      strings(o.putArray("source_features"), v.sourceFeature());
      ObjectNode sc = o.putObject("scaler");
      sc.put("method", v.scaleMethod());
      numbers(sc.putArray("center"), v.center());
      numbers(sc.putArray("scale"), v.scale());
      numbers(sc.putArray("weights"), v.weights());
      ArrayNode strata = o.putArray("strata");
      for (int c = 0; c < v.k(); c++) {
        ObjectNode so = strata.addObject();
        so.put("id", c + 1);
        so.put("label", v.labels().get(c));
      }
      ArrayNode cs = o.putArray("centers_scaled");
      ArrayNode co = o.putArray("centers_original");
      for (int c = 0; c < v.k(); c++) {
        numbers(cs.addArray(), v.centersScaled()[c]);
        numbers(co.addArray(), v.centersOriginal()[c]);
      }
      ObjectNode tr = o.putObject("training");
      tr.put("n_used", v.nUsed());
      tr.put("n_outliers", v.nOutliers());
      if (Double.isFinite(v.accuracy())) {
        tr.put("accuracy", v.accuracy());
      } else {
        tr.putNull("accuracy");
      }
    }
    return root;
  }

  /**
   * Reads and checks a model file.
   *
   * @throws BadInputException when the file is absent, not JSON, of another schema, lacks a
   *     field or is inconsistent
   */
  public static FrozenModel read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such model file");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read the model: " + e.getMessage());
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new BadInputException(file + ": not valid JSON: " + e.getOriginalMessage());
    }
    return fromJson(root, file.toString());
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
    if (!schema.asText().equals(FrozenModel.SCHEMA)) {
      throw new BadInputException(source + ": schema: found \"" + schema.asText()
          + "\", expected \"" + FrozenModel.SCHEMA + "\"; this version of backstrat reads only "
          + FrozenModel.SCHEMA + " models: re-run analyze to make one");
    }
    Fields r = new Fields(source);
    JsonNode sc = r.object(root, "scoring");
    ScoringOptions scoring;
    try {
      scoring = new ScoringOptions(r.integer(sc, "scoring.lbp_frequency_at_least"),
          r.number(sc, "scoring.lbp_bothersomeness_at_least"));
    } catch (BadInputException e) {
      throw new BadInputException(source + ": scoring: " + e.getMessage());
    }
    JsonNode vs = r.object(root, "variants");
    List<FrozenVariant> variants = new ArrayList<>();
    var it = vs.fields();
    while (it.hasNext()) {
      var e = it.next();
      FrozenVariant v = variant(e.getKey(), e.getValue(), r);
      v.validate(source);
      variants.add(v);
    }
    if (variants.isEmpty()) {
      throw new BadInputException(source + ": variants: expected at least one variant");
    }
    return new FrozenModel(r.text(root, "software_version"), r.text(root, "created_at"),
        scoring, r.text(root, "missing"), variants);
  }

  private static FrozenVariant variant(String name, JsonNode o, Fields r) {
    Fields f = r.in("variants." + name + ".");
    f.object(o, "");
    List<FeatureSpec> features = new ArrayList<>();
    for (JsonNode fo : f.array(o, "features")) {
      String enc = f.text(fo, "encoding");
      FeatureSpec.Encoding e;
      try {
        e = FeatureSpec.Encoding.valueOf(enc.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException ex) {
        throw f.bad("features.encoding", "\"" + enc + "\"", "numeric, ordinal, binary or one_hot");
      }
      double w = f.number(fo, "weight");
      if (!(w > 0) || !Double.isFinite(w)) {
        throw f.bad("features.weight", Double.toString(w), "a positive finite number");
      }
      features.add(new FeatureSpec(f.text(fo, "name"), e, w));
    }
    JsonNode scaler = f.object(o, "scaler");
    JsonNode training = f.object(o, "training");
    List<String> labels = new ArrayList<>();
    int i = 1;
    for (JsonNode s : f.array(o, "strata")) {
      if (f.integer(s, "strata.id") != i) {
        throw f.bad("strata.id", s.path("id").toString(), "ids 1, 2, ... in order");
      }
      labels.add(f.text(s, "label"));
      i++;
    }
    int k = f.integer(o, "k");
    if (k != labels.size()) {
      throw f.bad("k", Integer.toString(k), "the number of strata listed (" + labels.size()
          + ")");
    }
    JsonNode acc = training.get("accuracy");
    return new FrozenVariant(name, features, f.strings(o, "columns"),
        f.strings(o, "source_features"), f.text(scaler, "scaler.method"),
        f.numbers(scaler, "center"), f.numbers(scaler, "scale"), f.numbers(scaler, "weights"),
        f.matrix(o, "centers_scaled"), f.matrix(o, "centers_original"), labels,
        f.number(o, "trim_radius"), f.number(o, "trim_fraction"), f.text(o, "method"),
        f.integer(training, "training.n_used"), f.integer(training, "training.n_outliers"),
        acc == null || acc.isNull() ? Double.NaN : f.number(training, "accuracy"));
  }

  private static void strings(ArrayNode a, List<String> values) {
    values.forEach(a::add);
  }

  private static void numbers(ArrayNode a, double[] values) {
    for (double x : values) {
      a.add(x);
    }
  }

  /** Typed field access with messages naming the file and the field. */
  private record Fields(String source, String prefix) {
    Fields(String source) {
      this(source, "");
    }

    Fields in(String p) {
      return new Fields(source, p);
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

    JsonNode object(JsonNode o, String field) {
      JsonNode v = field(o, field);
      if (!v.isObject()) {
        throw bad(field, v.getNodeType().toString().toLowerCase(Locale.ROOT), "an object");
      }
      return v;
    }

    JsonNode array(JsonNode o, String field) {
      JsonNode v = field(o, field);
      if (!v.isArray()) {
        throw bad(field, v.getNodeType().toString().toLowerCase(Locale.ROOT), "an array");
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

    int integer(JsonNode o, String field) {
      JsonNode v = field(o, field);
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw bad(field, v.toString(), "a whole number");
      }
      return v.asInt();
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
