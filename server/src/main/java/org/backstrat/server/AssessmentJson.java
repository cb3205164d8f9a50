package org.backstrat.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.backstrat.model.Placement;
import org.backstrat.model.Stratum;
import org.backstrat.model.person.PersonAssessment;
import org.backstrat.model.person.ProfileRow;
import org.backstrat.model.person.ScreeningScores;
import org.backstrat.model.person.StratumProbability;
import org.backstrat.model.person.VariantAssessment;
import org.backstrat.server.registry.ModelIdentity;

/**
 * The JSON answer of the API (schema {@value #SCHEMA}, described in {@code /openapi.json}): the
 * assessment id and time, the model that answered, the screening tools' risk groups and one
 * entry per variant. Missing numbers are {@code null}.
 */
public final class AssessmentJson {
  /** Schema of the answer. */
  public static final String SCHEMA = "backstrat.assessment/1";

  private AssessmentJson() {
  }

  /** The answer for one assessment. */
  public static ObjectNode of(String assessmentId, Instant assessedAt, ModelIdentity model,
                              PersonAssessment a) {
    ObjectNode o = PersonJson.JSON.createObjectNode();
    o.put("schema", SCHEMA);
    o.put("assessment_id", assessmentId);
    o.put("assessed_at", assessedAt.toString());
    o.put("person_id", a.person().id());
    ObjectNode m = o.putObject("model");
    m.put("sha256", model.sha256());
    m.put("schema", model.schema());
    m.put("created_at", model.createdAt());
    m.put("software_version", model.softwareVersion());
    ScreeningScores s = a.screening();
    ObjectNode sc = o.putObject("screening");
    number(sc, "sbt_total", s.sbtTotal());
    number(sc, "sbt_psychosocial", s.sbtPsychosocial());
    if (s.sbtRisk().isPresent()) {
      sc.put("sbt_risk", s.sbtRisk().get().level());
    } else {
      sc.putNull("sbt_risk");
    }
    number(sc, "ompsq_total", s.ompsqTotal());
    if (s.ompsqHighRisk().isPresent()) {
      sc.put("ompsq_high_risk", s.ompsqHighRisk().get());
    } else {
      sc.putNull("ompsq_high_risk");
    }
    ArrayNode vs = o.putArray("variants");
    for (VariantAssessment v : a.variants()) {
      vs.add(variant(v));
    }
    return o;
  }

  private static ObjectNode variant(VariantAssessment v) {
    ObjectNode o = PersonJson.JSON.createObjectNode();
    o.put("variant", v.variant());
    o.put("assigned", v.assigned());
    o.put("basis", v.basis().name().toLowerCase(java.util.Locale.ROOT));
    number(o, "basis_accuracy", v.basisAccuracy());
    if (v.placement().isEmpty()) {
      o.putNull("stratum");
      o.putArray("missing_features").addAll(v.missingFeatures().stream()
          .map(o::textNode).toList());
      o.put("reason", v.reason());
      return o;
    }
    Placement p = v.placement().get();
    stratum(o.putObject("stratum"), p.stratum());
    o.put("description", v.description());
    ArrayNode probs = o.putArray("probabilities");
    for (StratumProbability sp : v.probabilities()) {
      ObjectNode po = probs.addObject();
      stratum(po, sp.stratum());
      po.put("probability", sp.probability());
    }
    number(o, "distance", p.distance());
    o.put("outlier", p.outlier());
    if (v.outlierWarning().isPresent()) {
      o.put("outlier_warning", v.outlierWarning().get());
    } else {
      o.putNull("outlier_warning");
    }
    o.putArray("top_features").addAll(p.topFeatures().stream().map(o::textNode).toList());
    o.putArray("missing_features").addAll(v.missingFeatures().stream()
        .map(o::textNode).toList());
    o.put("reason", v.reason());
    o.putArray("reasons").addAll(v.reasons().stream().map(o::textNode).toList());
    ArrayNode prof = o.putArray("profile");
    for (ProfileRow r : v.profile()) {
      ObjectNode ro = prof.addObject();
      ro.put("column", r.column());
      ro.put("words", r.words());
      number(ro, "person", r.personValue());
      number(ro, "cohort_centre", r.cohortCentre());
      ArrayNode cs = ro.putArray("stratum_centres");
      for (double c : r.stratumCentres()) {
        cs.add(c);
      }
    }
    return o;
  }

  private static void stratum(ObjectNode o, Stratum s) {
    o.put("id", s.id());
    o.put("label", s.label());
  }

  private static void number(ObjectNode o, String field, double x) {
    if (Double.isFinite(x)) {
      o.put(field, x);
    } else {
      o.putNull(field);
    }
  }

  /** One line per variant for the registry: {@code sbt=2 mixed; ompsq=-}. */
  public static String summary(PersonAssessment a) {
    StringBuilder sb = new StringBuilder();
    for (VariantAssessment v : a.variants()) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(v.variant()).append('=');
      if (v.placement().isPresent()) {
        Stratum s = v.placement().get().stratum();
        sb.append(s.id()).append(' ').append(s.label());
        if (v.placement().get().outlier()) {
          sb.append(" (outlier)");
        }
        if (v.basis() == org.backstrat.model.person.VariantAssessment.Basis.FALLBACK) {
          sb.append(" (fallback)");
        }
      } else {
        sb.append('-');
      }
    }
    return sb.length() > 400 ? sb.substring(0, 400) : sb.toString();
  }
}
