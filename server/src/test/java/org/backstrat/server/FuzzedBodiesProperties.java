package org.backstrat.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;

/**
 * Fuzzed JSON and FHIR bodies — cut short, wrong JSON types, values out of range, random bytes —
 * all get a 4xx answer that names the field (JSON: {@code errors[].field}; FHIR: an
 * OperationOutcome issue), never a 5xx, a stack trace or a stored assessment.
 */
class FuzzedBodiesProperties {
  static TestServer s;
  static Path dir;
  static String full;
  static String fhirBundle;

  @BeforeContainer
  static void start() throws Exception {
    dir = Files.createTempDirectory("backstrat-fuzz");
    s = new TestServer(dir);
    full = TestServer.FULL.strip();
    fhirBundle = FhirContext.forR4().newJsonParser().encodeResourceToString(
        FhirRoundTripTest.bundle(TestServer.FULL));
  }

  @AfterContainer
  static void stop() throws Exception {
    long stored = s.server.registry().count();
    s.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    assertThat(stored).as("no fuzzed body may be stored").isZero();
  }

  private static JsonNode assertFieldError(HttpResponse<String> r, String field)
      throws Exception {
    assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    JsonNode e = PersonJson.JSON.readTree(r.body());
    assertThat(e.path("errors").findValuesAsText("field")).as(r.body()).contains(field);
    return e;
  }

  @Property(tries = 60)
  void aJsonBodyCutShortIsA400ForTheBody(@ForAll("cuts") int cut) throws Exception {
    int at = Math.min(cut, full.length() - 2);
    assertFieldError(s.postJson(full.substring(0, at)), "(body)");
  }

  @Provide
  Arbitrary<Integer> cuts() {
    return Arbitraries.integers().between(0, 2000);
  }

  @Property(tries = 80)
  void aFieldOfTheWrongJsonTypeIsNamed(@ForAll("fields") String field,
                                       @ForAll("wrongValues") String wrong) throws Exception {
    ObjectNode o = (ObjectNode) PersonJson.JSON.readTree(full);
    JsonNode replacement = PersonJson.JSON.readTree(wrong);
    boolean category = field.equals("sex") || field.equals("smoking")
        || field.equals("person_id");
    if (category && replacement.isTextual() || !category && replacement.isNumber()) {
      replacement = PersonJson.JSON.readTree("[1]");
    }
    o.set(field, replacement);
    assertFieldError(s.postJson(o.toString()), field);
  }

  @Provide
  Arbitrary<String> fields() {
    List<String> names = new ArrayList<>();
    try {
      PersonJson.JSON.readTree(TestServer.FULL).fieldNames().forEachRemaining(names::add);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return Arbitraries.of(names);
  }

  @Provide
  Arbitrary<String> wrongValues() {
    return Arbitraries.of("\"7\"", "true", "[]", "{}", "{\"a\": 1}", "\"\"", "[1, 2]",
        "\"female\"", "1.5e300", "-0.5");
  }

  @Property(tries = 60)
  void aNumberOutOfRangeIsNamed(@ForAll("numericFields") String field,
                                @ForAll("outOfRange") double value) throws Exception {
    ObjectNode o = (ObjectNode) PersonJson.JSON.readTree(full);
    o.put(field, value);
    assertFieldError(s.postJson(o.toString()), field);
  }

  @Provide
  Arbitrary<String> numericFields() {
    return fields().filter(f -> !f.equals("sex") && !f.equals("smoking")
        && !f.equals("person_id"));
  }

  @Provide
  Arbitrary<Double> outOfRange() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(121, 1e9),
        Arbitraries.doubles().between(-1e9, -0.01));
  }

  @Property(tries = 30)
  void aFractionForAWholeNumberItemIsNamed(@ForAll("itemFields") String field,
                                           @ForAll("fractions") double value) throws Exception {
    ObjectNode o = (ObjectNode) PersonJson.JSON.readTree(full);
    o.put(field, value);
    assertFieldError(s.postJson(o.toString()), field);
  }

  @Provide
  Arbitrary<String> itemFields() {
    return fields().filter(f -> f.startsWith("sbt_") || f.startsWith("ompsq_")
        || f.startsWith("pfirrmann_"));
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.of(0.5, 1.5, 2.25, 3.75, 0.001);
  }

  @Property(tries = 40)
  void randomBytesAreA400(@ForAll("garbage") byte[] body) throws Exception {
    HttpResponse<String> r = s.client.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(s.url("/api/v1/assessments")))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(PersonJson.JSON.readTree(r.body()).path("errors").size()).isPositive();
  }

  @Provide
  Arbitrary<byte[]> garbage() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(3000)
        .filter(b -> b[0] != '{');
  }

  @Property(tries = 40)
  void aFhirBodyCutShortIsAnOperationOutcome(@ForAll("cuts") int cut) throws Exception {
    int at = Math.min(cut * 5, fhirBundle.length() - 2);
    HttpResponse<String> r = s.post("/fhir/QuestionnaireResponse/$assess",
        "application/fhir+json", fhirBundle.substring(0, at));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("\"resourceType\":\"OperationOutcome\"");
  }

  @Property(tries = 40)
  void aFhirAnswerOfTheWrongTypeIsNamedByItsItem(@ForAll("items") int item) throws Exception {
    var parser = FhirContext.forR4().newJsonParser();
    Bundle b = parser.parseResource(Bundle.class, fhirBundle);
    QuestionnaireResponse sbt = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(QuestionnaireResponse.class::isInstance).map(QuestionnaireResponse.class::cast)
        .findFirst().orElseThrow();
    var it = sbt.getItem().get(item);
    it.getAnswerFirstRep().setValue(new StringType("agree"));
    HttpResponse<String> r = s.post("/fhir/QuestionnaireResponse/$assess",
        "application/fhir+json", parser.encodeResourceToString(b));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("linkId='" + it.getLinkId() + "'");
  }

  @Provide
  Arbitrary<Integer> items() {
    return Arbitraries.integers().between(0, 8);
  }
}
