package org.backstrat.server.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * One assessment as the registry keeps it: who (the clinic's pseudonymous id, never a name),
 * when, through which channel, with which model, what was entered and what was answered.
 *
 * @param assessmentId random UUID returned to the client
 * @param assessedAt when the assessment was made (UTC)
 * @param personId the clinic's pseudonymous id
 * @param channel {@code form}, {@code json} or {@code fhir}
 * @param model the model that answered
 * @param summary per variant the stratum (e.g. {@code sbt=2 mixed; ompsq=-})
 * @param inputsJson the person's fields as a JSON object
 * @param resultJson the answer as sent (JSON)
 */
public record AssessmentRecord(String assessmentId, Instant assessedAt, String personId,
                               String channel, ModelIdentity model, String summary,
                               String inputsJson, String resultJson) {
  public AssessmentRecord {
    Objects.requireNonNull(assessmentId, "assessmentId");
    Objects.requireNonNull(assessedAt, "assessedAt");
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(inputsJson, "inputsJson");
    Objects.requireNonNull(resultJson, "resultJson");
  }
}
