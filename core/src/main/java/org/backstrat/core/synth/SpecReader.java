package org.backstrat.core.synth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.backstrat.core.BadInputException;
import org.backstrat.core.io.JsonProblems;
import org.backstrat.core.cohort.CohortSchema;

/**
 * Reads a {@link SynthSpec} from JSON, checking every field: each parameter must be an object
 * {@code {"value": ..., "source": "..."}} with a non-empty source, numbers must lie in their
 * admissible range, share vectors must sum to 1, and unknown fields are refused (they are
 * usually typos that would otherwise be silently ignored). Errors name the file and the field
 * path, e.g. {@code spec.json: field strata[1].share: ...}.
 */
final class SpecReader {

  private static final double SHARE_SUM_TOLERANCE = 1e-6;
  private static final double LOADING_LIMIT = 100;

  private final String file;

  SpecReader(String file) {
    this.file = file;
  }

  SynthSpec read(String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new BadInputException(file + ": not valid JSON: " + JsonProblems.describe(e));
    }
    if (root == null || !root.isObject()) {
      throw fail("", String.valueOf(root), "a JSON object");
    }
    Obj top = new Obj(root, "");
    String schema = top.text("schema");
    if (!SynthSpec.SCHEMA.equals(schema)) {
      throw fail("schema", schema, "\"" + SynthSpec.SCHEMA + "\"");
    }
    String name = top.text("name");
    top.optionalText("notes");
    SynthSpec.Demographics demographics = demographics(top.object("demographics"));
    List<SynthSpec.Stratum> strata = strata(top.array("strata"));
    SynthSpec.Outliers outliers = outliers(top.object("outliers"));
    SynthSpec.Pfirrmann pfirrmann = pfirrmann(top.object("pfirrmann"));
    SynthSpec.Facet facet = facet(top.object("facet"));
    SynthSpec.Lbp lbp = lbp(top.object("lbp"));
    SynthSpec.Sbt sbt = sbt(top.object("sbt"));
    SynthSpec.Ompsq ompsq = ompsq(top.object("ompsq"));
    top.finish();
    return new SynthSpec(name, demographics, strata, outliers, pfirrmann, facet, lbp, sbt,
        ompsq);
  }

  private SynthSpec.Demographics demographics(Obj o) {
    double female = o.number("female_share", 0, 1);
    double ageMin = o.number("age_min_years", 0, 120);
    double ageMax = o.number("age_max_years", ageMin, 120);
    double bmiMean = o.number("bmi_mean_kg_per_m2", 10, 80);
    double bmiSd = o.number("bmi_sd_kg_per_m2", 0, 30);
    double bmiMin = o.number("bmi_min_kg_per_m2", 10, 80);
    double bmiMax = o.number("bmi_max_kg_per_m2", bmiMin, 80);
    List<Double> smoking = o.shares("smoking_shares_never_former_current", 3);
    o.finish();
    return new SynthSpec.Demographics(female, ageMin, ageMax, bmiMean, bmiSd, bmiMin, bmiMax,
        smoking);
  }

  private List<SynthSpec.Stratum> strata(List<Obj> items) {
    if (items.isEmpty()) {
      throw fail("strata", "[]", "at least one stratum");
    }
    List<SynthSpec.Stratum> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    double sum = 0;
    for (Obj o : items) {
      String name = o.text("name");
      if (name.isBlank() || SynthSpec.OUTLIER_STRATUM.equals(name) || !names.add(name)
          || name.contains(",") || name.contains("\"") || name.contains("\n")) {
        throw fail(o.path + ".name", name, "a non-empty, unique stratum name other than \""
            + SynthSpec.OUTLIER_STRATUM + "\", without commas, quotes or line breaks");
      }
      double share = o.number("share", 0, 1);
      sum += share;
      out.add(new SynthSpec.Stratum(name, share,
          o.number("psychosocial_mean", -LOADING_LIMIT, LOADING_LIMIT),
          o.number("degeneration_mean", -LOADING_LIMIT, LOADING_LIMIT),
          o.number("tropism_mean", -LOADING_LIMIT, LOADING_LIMIT),
          o.number("bmi_shift_kg_per_m2", -30, 30)));
      o.finish();
    }
    if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
      throw fail("strata[*].share", Double.toString(sum), "stratum shares that sum to 1");
    }
    return out;
  }

  private SynthSpec.Outliers outliers(Obj o) {
    double share = o.number("share", 0, 0.5);
    double sd = o.number("latent_sd", 0, LOADING_LIMIT);
    double bmiMin = o.number("bmi_min_kg_per_m2", 10, 80);
    double bmiMax = o.number("bmi_max_kg_per_m2", bmiMin, 80);
    double halfRange = o.number("facet_half_range_degrees", 0, 90);
    o.finish();
    return new SynthSpec.Outliers(share, sd, bmiMin, bmiMax, halfRange);
  }

  private SynthSpec.Pfirrmann pfirrmann(Obj o) {
    double loading = o.number("degeneration_loading", 0, LOADING_LIMIT);
    double noise = o.positive("level_noise_sd");
    List<List<Double>> shares = new ArrayList<>();
    for (String level : CohortSchema.DISC_LEVELS) {
      shares.add(o.shares("grade_shares_" + level, 5));
    }
    o.finish();
    return new SynthSpec.Pfirrmann(loading, noise, shares);
  }

  private SynthSpec.Facet facet(Obj o) {
    List<Double> means = o.numbers("mean_angle_degrees_l3l4_l4l5_l5s1", 3, 0, 90);
    double person = o.number("person_sd_degrees", 0, 45);
    double level = o.number("level_sd_degrees", 0, 45);
    double tropism = o.number("tropism_median_degrees", 1e-3, 90);
    double logLoading = o.number("tropism_log_loading", -LOADING_LIMIT, LOADING_LIMIT);
    double logNoise = o.number("tropism_log_noise_sd", 0, 10);
    o.finish();
    return new SynthSpec.Facet(means, person, level, tropism, logLoading, logNoise);
  }

  private SynthSpec.Lbp lbp(Obj o) {
    SynthSpec.Lbp lbp = new SynthSpec.Lbp(
        o.number("pain_psychosocial_loading", -LOADING_LIMIT, LOADING_LIMIT),
        o.number("pain_degeneration_loading", -LOADING_LIMIT, LOADING_LIMIT),
        o.number("pain_tropism_loading", -LOADING_LIMIT, LOADING_LIMIT),
        o.positive("pain_noise_sd"),
        o.shares("frequency_shares_0_to_4", 5),
        o.number("bothersomeness_intercept", -LOADING_LIMIT, LOADING_LIMIT),
        o.number("bothersomeness_pain_loading", -LOADING_LIMIT, LOADING_LIMIT),
        o.number("bothersomeness_psychosocial_loading", -LOADING_LIMIT, LOADING_LIMIT),
        o.number("bothersomeness_frequency_loading", -LOADING_LIMIT, LOADING_LIMIT),
        o.number("bothersomeness_noise_sd", 0, LOADING_LIMIT));
    o.finish();
    return lbp;
  }

  private SynthSpec.Sbt sbt(Obj o) {
    List<Double> intercepts = o.numbers("item_intercepts_1_to_8", 8, -LOADING_LIMIT,
        LOADING_LIMIT);
    List<Double> psych = o.numbers("item_psychosocial_loadings_1_to_8", 8, -LOADING_LIMIT,
        LOADING_LIMIT);
    List<Double> pain = o.numbers("item_pain_loadings_1_to_8", 8, -LOADING_LIMIT, LOADING_LIMIT);
    List<Double> noLbp = o.numbers("item_no_lbp_shifts_1_to_8", 8, -LOADING_LIMIT,
        LOADING_LIMIT);
    double noise9 = o.number("item9_noise_sd", 0, LOADING_LIMIT);
    List<Double> cuts = o.numbers("item9_cuts_on_bothersomeness", 4, 0, 11);
    for (int i = 1; i < cuts.size(); i++) {
      if (cuts.get(i) < cuts.get(i - 1)) {
        throw fail(o.path + ".item9_cuts_on_bothersomeness", cuts.toString(),
            "four cuts in ascending order");
      }
    }
    o.finish();
    return new SynthSpec.Sbt(intercepts, psych, pain, noLbp, noise9, cuts);
  }

  private SynthSpec.Ompsq ompsq(Obj o) {
    SynthSpec.Ompsq q = new SynthSpec.Ompsq(
        o.numbers("item_means_1_to_10", 10, -LOADING_LIMIT, LOADING_LIMIT),
        o.numbers("item_psychosocial_loadings_1_to_10", 10, -LOADING_LIMIT, LOADING_LIMIT),
        o.numbers("item_pain_loadings_1_to_10", 10, -LOADING_LIMIT, LOADING_LIMIT),
        o.numbers("item_frequency_loadings_1_to_10", 10, -LOADING_LIMIT, LOADING_LIMIT),
        o.numbers("item_noise_sd_1_to_10", 10, 0, LOADING_LIMIT));
    o.finish();
    return q;
  }

  private BadInputException fail(String field, String value, String expected) {
    String where = field.isEmpty() ? "" : " field " + field + ":";
    String shown = value == null ? "" : " value " + abbreviate(value) + ":";
    return new BadInputException(file + ":" + where + shown + " expected " + expected);
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  /** A JSON object being read: remembers which fields were used so unknown ones are refused. */
  private final class Obj {
    private final JsonNode node;
    private final String path;
    private final Set<String> used = new HashSet<>();

    Obj(JsonNode node, String path) {
      this.node = node;
      this.path = path;
    }

    private String at(String field) {
      return path.isEmpty() ? field : path + "." + field;
    }

    private JsonNode get(String field) {
      used.add(field);
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        throw fail(at(field), null, "this field (it is missing)");
      }
      return v;
    }

    String text(String field) {
      JsonNode v = get(field);
      if (!v.isTextual()) {
        throw fail(at(field), v.toString(), "a string");
      }
      return v.asText();
    }

    void optionalText(String field) {
      if (node.has(field)) {
        text(field);
      }
    }

    Obj object(String field) {
      JsonNode v = get(field);
      if (!v.isObject()) {
        throw fail(at(field), v.toString(), "a JSON object");
      }
      return new Obj(v, at(field));
    }

    List<Obj> array(String field) {
      JsonNode v = get(field);
      if (!v.isArray()) {
        throw fail(at(field), v.toString(), "a JSON array of objects");
      }
      List<Obj> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        JsonNode e = v.get(i);
        String p = at(field) + "[" + i + "]";
        if (!e.isObject()) {
          throw fail(p, e.toString(), "a JSON object");
        }
        out.add(new Obj(e, p));
      }
      return out;
    }

    /** The "value" of a parameter object, after checking its "source". */
    private JsonNode parameter(String field) {
      JsonNode v = get(field);
      String p = at(field);
      if (!v.isObject()) {
        throw fail(p, v.toString(), "an object {\"value\": ..., \"source\": \"...\"}");
      }
      JsonNode source = v.get("source");
      if (source == null || !source.isTextual() || source.asText().isBlank()) {
        throw fail(p + ".source", String.valueOf(source),
            "a non-empty source (a citation or the word \"assumption\")");
      }
      JsonNode value = v.get("value");
      if (value == null || value.isNull()) {
        throw fail(p + ".value", null, "a value (it is missing)");
      }
      Iterator<String> names = v.fieldNames();
      while (names.hasNext()) {
        String n = names.next();
        if (!n.equals("value") && !n.equals("source")) {
          throw fail(p + "." + n, null, "only \"value\" and \"source\" in a parameter");
        }
      }
      return value;
    }

    double number(String field, double min, double max) {
      JsonNode v = parameter(field);
      return checked(v, at(field) + ".value", min, max);
    }

    double positive(String field) {
      JsonNode v = parameter(field);
      double x = checked(v, at(field) + ".value", 0, LOADING_LIMIT);
      if (x <= 0) {
        throw fail(at(field) + ".value", v.toString(), "a number greater than 0");
      }
      return x;
    }

    List<Double> numbers(String field, int length, double min, double max) {
      JsonNode v = parameter(field);
      String p = at(field) + ".value";
      if (!v.isArray() || v.size() != length) {
        throw fail(p, v.toString(), "an array of " + length + " numbers");
      }
      List<Double> out = new ArrayList<>(length);
      for (int i = 0; i < length; i++) {
        out.add(checked(v.get(i), p + "[" + i + "]", min, max));
      }
      return out;
    }

    List<Double> shares(String field, int length) {
      List<Double> out = numbers(field, length, 0, 1);
      double sum = 0;
      for (double x : out) {
        sum += x;
      }
      if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
        throw fail(at(field) + ".value", out.toString(), length + " shares that sum to 1 (they "
            + "sum to " + sum + ")");
      }
      return out;
    }

    private double checked(JsonNode v, String p, double min, double max) {
      if (!v.isNumber()) {
        throw fail(p, v.toString(), "a number");
      }
      double x = v.asDouble();
      if (!Double.isFinite(x) || x < min || x > max) {
        throw fail(p, v.toString(), "a number from " + min + " to " + max);
      }
      return x;
    }

    void finish() {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String n = names.next();
        if (!used.contains(n)) {
          throw fail(at(n), null, "a known field (this one is not part of " + SynthSpec.SCHEMA
              + "; is it misspelt?)");
        }
      }
    }
  }
}
