package org.backstrat.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.backstrat.model.person.PersonAssessment;
import org.backstrat.model.person.PersonAssigner;
import org.backstrat.model.person.PersonRecord;
import org.backstrat.server.registry.AssessmentRecord;
import org.backstrat.server.registry.Registry;

/**
 * Assesses one person and records the assessment: {@link PersonAssigner} gives the answer, the
 * registry stores it with the model's identity, the inputs and the answer, and the returned
 * future completes only once the registry has committed it — every channel (form, JSON, FHIR)
 * answers the client only then.
 */
public final class Assessor {
  private final ServedModel model;
  private final Registry registry;
  private final Clock clock;

  /** An assessor answering with {@code model} and recording in {@code registry}. */
  public Assessor(ServedModel model, Registry registry, Clock clock) {
    this.model = Objects.requireNonNull(model, "model");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The model answering. */
  public ServedModel model() {
    return model;
  }

  /**
   * One assessment: the answer, and its JSON form as stored and sent (serialised once: the
   * registry stores the very text the client gets).
   */
  public record Assessed(String assessmentId, Instant assessedAt, PersonAssessment assessment,
                         ObjectNode json, String jsonText) {
  }

  /**
   * Assesses and records.
   *
   * @param person a checked person
   * @param channel {@code form}, {@code json} or {@code fhir}
   * @return completes after the commit, or exceptionally when the registry could not store it
   */
  public CompletableFuture<Assessed> assess(PersonRecord person, String channel) {
    PersonAssessment a = PersonAssigner.assess(model.model(), person);
    String id = UUID.randomUUID().toString();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    ObjectNode json = AssessmentJson.of(id, now, model.identity(), a);
    AssessmentRecord record;
    String text;
    try {
      text = PersonJson.JSON.writeValueAsString(json);
      record = new AssessmentRecord(id, now, person.id(), channel, model.identity(),
          AssessmentJson.summary(a), PersonJson.JSON.writeValueAsString(PersonJson.toJson(person)),
          text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
    return registry.record(record).thenApply(ignored -> new Assessed(id, now, a, json, text));
  }
}
