package org.backstrat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.backstrat.server.registry.AssessmentRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API: one person in, the stratum out, stored in the registry before the answer. */
class JsonApiTest {
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

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return PersonJson.JSON.readTree(r.body());
  }

  @Test
  void aFullPersonGetsBothVariantsWithNamedProbabilitiesAndIsStored() throws Exception {
    HttpResponse<String> r = s.postJson(TestServer.FULL);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(r.headers().firstValue("Content-Type")).contains(HttpExchange.JSON);
    JsonNode a = json(r);
    assertThat(a.path("schema").asText()).isEqualTo(AssessmentJson.SCHEMA);
    assertThat(a.path("model").path("sha256").asText()).hasSize(64);
    assertThat(a.path("variants")).hasSize(2);
    for (JsonNode v : a.path("variants")) {
      assertThat(v.path("assigned").asBoolean()).isTrue();
      assertThat(v.path("probabilities")).hasSize(3);
      double sum = 0;
      for (JsonNode p : v.path("probabilities")) {
        assertThat(p.path("label").asText()).isNotEmpty();
        sum += p.path("probability").asDouble();
      }
      assertThat(sum).isBetween(1 - 1e-9, 1 + 1e-9);
      assertThat(v.path("description").asText()).isNotEmpty();
      assertThat(v.path("profile").size()).isGreaterThan(5);
      assertThat(v.path("basis_accuracy").isNumber()).isTrue();
    }
    assertThat(a.path("screening").path("sbt_risk").asText()).isEqualTo("high");
    assertThat(a.path("screening").path("ompsq_high_risk").asBoolean()).isTrue();
    String id = a.path("assessment_id").asText();
    AssessmentRecord stored = s.server.registry().find(id).orElseThrow();
    assertThat(stored.personId()).isEqualTo("clinic-0001");
    assertThat(stored.channel()).isEqualTo("json");
    assertThat(stored.model().sha256()).isEqualTo(a.path("model").path("sha256").asText());
    assertThat(PersonJson.JSON.readTree(stored.resultJson())).isEqualTo(a);
    assertThat(PersonJson.JSON.readTree(stored.inputsJson()).path("sbt_5").asInt()).isEqualTo(1);
    assertThat(stored.summary()).startsWith("sbt=");
  }

  @Test
  void aStartBackOnlyPersonGetsTheSbtVariantAndTheOtherSaysWhy() throws Exception {
    JsonNode a = json(s.postJson(TestServer.SBT_ONLY));
    assertThat(a.path("variants").get(0).path("assigned").asBoolean()).isTrue();
    assertThat(a.path("variants").get(1).path("assigned").asBoolean()).isFalse();
    assertThat(a.path("variants").get(1).path("reason").asText()).contains("ompsq_pain");
    assertThat(a.path("screening").path("sbt_risk").asText()).isEqualTo("low");
  }

  @Test
  void aPersonWithoutImagingGetsTheFallbackWithItsAccuracy() throws Exception {
    JsonNode a = json(s.postJson(TestServer.NO_IMAGING));
    JsonNode sbt = a.path("variants").get(0);
    assertThat(sbt.path("assigned").asBoolean()).isTrue();
    assertThat(sbt.path("basis").asText()).isEqualTo("fallback");
    assertThat(sbt.path("basis_accuracy").asDouble()).isBetween(0.0, 1.0);
    assertThat(sbt.path("distance").isNull()).isTrue();
    assertThat(sbt.path("missing_features").findValuesAsText("")).isEmpty();
    assertThat(sbt.path("missing_features").toString()).contains("dd_sum").contains("ft_max");
    assertThat(sbt.path("reason").asText()).contains("fallback model");
    assertThat(a.path("variants").get(1).path("assigned").asBoolean()).isFalse();
  }

  @Test
  void everyBadFieldIsNamedInA400AndNothingIsStored() throws Exception {
    long before = s.server.registry().count();
    HttpResponse<String> r = s.postJson("{\"person_id\": \"x1\", \"sex\": \"f\", \"bmi\": \"27\","
        + " \"smoking\": \"never\", \"sbt_1\": 2, \"colour\": 1}");
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode e = json(r);
    assertThat(e.path("errors").findValuesAsText("field")).contains("sex", "bmi", "sbt_1",
        "colour", "sbt_9");
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
    assertThat(s.server.registry().count()).isEqualTo(before);
  }

  @Test
  void theModelEndpointListsVariantsAndStrata() throws Exception {
    JsonNode m = json(s.get("/api/v1/model"));
    assertThat(m.path("variants").findValuesAsText("name")).containsExactly("sbt", "ompsq");
    assertThat(m.path("variants").get(0).path("strata")).hasSize(3);
  }

  @Test
  void theLogHoldsNoPersonalData() throws Exception {
    s.postJson(TestServer.FULL);
    s.postJson("{\"person_id\": \"secret-pseudonym\", \"sex\": \"female\"}");
    String log = s.log();
    assertThat(log).contains("POST /api/v1/assessments 201");
    assertThat(log).doesNotContain("clinic-0001").doesNotContain("secret-pseudonym")
        .doesNotContain("sbt_").doesNotContain("24.0");
  }
}
