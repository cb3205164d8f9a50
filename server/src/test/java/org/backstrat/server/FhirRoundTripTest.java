package org.backstrat.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FHIR R4 round trip with HAPI's own structures and parser: the client builds a Bundle
 * (Patient, QuestionnaireResponses, Observations), HAPI encodes it, the server answers, HAPI
 * parses the answer, and the RiskAssessments say what the JSON API says for the same person.
 */
class FhirRoundTripTest {
  static final FhirContext FHIR = FhirContext.forR4();
  @TempDir
  static Path dir;
  static TestServer s;

  @BeforeAll
  static void start() {
    s = new TestServer(dir);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  /** The person of a JSON API body as a FHIR Bundle. */
  static Bundle bundle(String personJson) throws Exception {
    JsonNode p = PersonJson.JSON.readTree(personJson);
    Bundle b = new Bundle().setType(Bundle.BundleType.COLLECTION);
    Patient pt = new Patient();
    pt.addIdentifier().setSystem("urn:clinic").setValue(p.path("person_id").asText());
    pt.setGender(p.path("sex").asText().equals("female")
        ? Enumerations.AdministrativeGender.FEMALE : Enumerations.AdministrativeGender.MALE);
    b.addEntry().setResource(pt);
    QuestionnaireResponse sbt = response("sbt");
    QuestionnaireResponse ompsq = response("ompsq-short");
    Iterator<Map.Entry<String, JsonNode>> it = p.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      JsonNode v = e.getValue();
      if (k.startsWith("sbt_")) {
        sbt.addItem().setLinkId(k).addAnswer().setValue(new Coding(FhirEndpoint.ANSWER_SYSTEM,
            v.asText(), null));
      } else if (k.startsWith("ompsq_")) {
        ompsq.addItem().setLinkId(k).addAnswer().setValue(new IntegerType(v.asInt()));
      } else if (k.equals("bmi")) {
        b.addEntry().setResource(observation(FhirEndpoint.LOINC, FhirEndpoint.LOINC_BMI)
            .setValue(new Quantity().setValue(v.decimalValue()).setUnit("kg/m2")));
      } else if (k.equals("age")) {
        b.addEntry().setResource(observation(FhirEndpoint.LOINC, FhirEndpoint.LOINC_AGE)
            .setValue(new Quantity().setValue(v.decimalValue()).setUnit("a")));
      } else if (k.equals("smoking")) {
        String code = switch (v.asText()) {
          case "never" -> "266919005";
          case "former" -> "8517006";
          default -> "77176002";
        };
        b.addEntry().setResource(observation(FhirEndpoint.LOINC, FhirEndpoint.LOINC_SMOKING)
            .setValue(new CodeableConcept(new Coding(FhirEndpoint.SNOMED, code, null))));
      } else if (k.startsWith("pfirrmann_")) {
        b.addEntry().setResource(observation(FhirEndpoint.BIOMARKER_SYSTEM, k)
            .setValue(new IntegerType(v.asInt())));
      } else if (k.startsWith("facet_angle_")) {
        b.addEntry().setResource(observation(FhirEndpoint.BIOMARKER_SYSTEM, k)
            .setValue(new Quantity().setValue(new BigDecimal(v.asText())).setUnit("deg")));
      }
    }
    if (sbt.hasItem()) {
      b.addEntry().setResource(sbt);
    }
    if (ompsq.hasItem()) {
      b.addEntry().setResource(ompsq);
    }
    return b;
  }

  private static QuestionnaireResponse response(String questionnaire) {
    QuestionnaireResponse qr = new QuestionnaireResponse();
    qr.setQuestionnaire(FhirEndpoint.QUESTIONNAIRE_BASE + questionnaire);
    qr.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
    return qr;
  }

  private static Observation observation(String system, String code) {
    Observation o = new Observation();
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.setCode(new CodeableConcept(new Coding(system, code, null)));
    return o;
  }

  private static HttpResponse<String> assess(String body) throws Exception {
    return s.post("/fhir/QuestionnaireResponse/$assess", "application/fhir+json", body);
  }

  @Test
  void aBundleInGivesRiskAssessmentsThatAgreeWithTheJsonApi() throws Exception {
    IParser parser = FHIR.newJsonParser();
    HttpResponse<String> r = assess(parser.encodeResourceToString(bundle(TestServer.FULL)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/fhir+json");
    Bundle answer = parser.parseResource(Bundle.class, r.body());
    JsonNode json = PersonJson.JSON.readTree(s.postJson(TestServer.FULL).body());
    assertThat(answer.getEntry()).hasSize(2);
    for (int v = 0; v < 2; v++) {
      RiskAssessment ra = (RiskAssessment) answer.getEntry().get(v).getResource();
      JsonNode jv = json.path("variants").get(v);
      assertThat(ra.getStatus()).isEqualTo(RiskAssessment.RiskAssessmentStatus.FINAL);
      assertThat(ra.getSubject().getIdentifier().getValue()).isEqualTo("clinic-0001");
      assertThat(ra.getMethod().getCodingFirstRep().getCode())
          .isEqualTo(json.path("model").path("sha256").asText());
      assertThat(ra.getPrediction()).hasSize(3);
      for (int k = 0; k < 3; k++) {
        var pr = ra.getPrediction().get(k);
        JsonNode jp = jv.path("probabilities").get(k);
        assertThat(pr.getOutcome().getCodingFirstRep().getDisplay())
            .isEqualTo(jp.path("label").asText());
        assertThat(pr.getProbabilityDecimalType().getValue().doubleValue())
            .isEqualTo(jp.path("probability").asDouble());
        boolean assigned = jp.path("id").asInt() == jv.path("stratum").path("id").asInt();
        assertThat(pr.hasRationale()).isEqualTo(assigned);
      }
    }
    String id = answer.getIdentifier().getValue();
    assertThat(s.server.registry().find(id).orElseThrow().channel()).isEqualTo("fhir");
  }

  @Test
  void aStartBackOnlyBundleGetsOneRiskAssessmentAndAnOutcomeForTheOtherVariant()
      throws Exception {
    IParser parser = FHIR.newJsonParser();
    Bundle answer = parser.parseResource(Bundle.class,
        assess(parser.encodeResourceToString(bundle(TestServer.SBT_ONLY))).body());
    assertThat(answer.getEntry()).hasSize(2);
    assertThat(answer.getEntry().get(0).getResource()).isInstanceOf(RiskAssessment.class);
    OperationOutcome oo = (OperationOutcome) answer.getEntry().get(1).getResource();
    assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("ompsq");
  }

  @Test
  void theQuestionnairesAreServedAndParse() throws Exception {
    IParser parser = FHIR.newJsonParser();
    Questionnaire sbt = parser.parseResource(Questionnaire.class,
        s.get("/fhir/Questionnaire/sbt").body());
    assertThat(sbt.getUrl()).isEqualTo(FhirEndpoint.QUESTIONNAIRE_BASE + "sbt");
    assertThat(sbt.getItem()).hasSize(9);
    assertThat(sbt.getItem().get(4).getLinkId()).isEqualTo("sbt_5");
    assertThat(sbt.getItem().get(4).getText()).contains("fear");
    Questionnaire ompsq = parser.parseResource(Questionnaire.class,
        s.get("/fhir/Questionnaire/ompsq-short").body());
    assertThat(ompsq.getItem()).hasSize(10);
    Bundle both = parser.parseResource(Bundle.class, s.get("/fhir/Questionnaire").body());
    assertThat(both.getEntry()).hasSize(2);
  }

  @Test
  void badAnswersComeBackAsAnOperationOutcomeNamingEachField() throws Exception {
    IParser parser = FHIR.newJsonParser();
    Bundle b = bundle(TestServer.SBT_ONLY);
    QuestionnaireResponse qr = (QuestionnaireResponse) b.getEntry().get(b.getEntry().size() - 1)
        .getResource();
    qr.getItem().get(0).getAnswerFirstRep().setValue(new IntegerType(7));
    ((Patient) b.getEntry().get(0).getResource())
        .setGender(Enumerations.AdministrativeGender.OTHER);
    HttpResponse<String> r = assess(parser.encodeResourceToString(b));
    assertThat(r.statusCode()).isEqualTo(400);
    OperationOutcome oo = parser.parseResource(OperationOutcome.class, r.body());
    assertThat(oo.getIssue()).extracting(i -> i.getExpression().get(0).getValue())
        .contains("QuestionnaireResponse.item.where(linkId='sbt_1').answer", "Patient.gender");
    assertThat(oo.getIssue()).allMatch(i -> i.getSeverity()
        == OperationOutcome.IssueSeverity.ERROR);
  }

  @Test
  void notFhirAtAllIsAStructureError() throws Exception {
    HttpResponse<String> r = assess("{\"resourceType\": \"Banana\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    OperationOutcome oo = FHIR.newJsonParser().parseResource(OperationOutcome.class, r.body());
    assertThat(oo.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.STRUCTURE);
  }
}
