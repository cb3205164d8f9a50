-- backstrat registry of assessments (portable SQL: runs on SQLite and PostgreSQL)
-- One row per assessment given to a client: stored in the same transaction that is committed
-- before the client is answered, so every acknowledged assessment is here.
CREATE TABLE assessment (
  assessment_id     VARCHAR(36)  NOT NULL PRIMARY KEY,  -- random UUID, returned to the client
  assessed_at       VARCHAR(32)  NOT NULL,              -- ISO-8601 UTC, milliseconds
  person_id         VARCHAR(64)  NOT NULL,              -- the clinic's pseudonymous id
  channel           VARCHAR(8)   NOT NULL,              -- form, json or fhir
  model_sha256      CHAR(64)     NOT NULL,              -- SHA-256 of the model.json bytes
  model_schema      VARCHAR(32)  NOT NULL,              -- e.g. backstrat.model/2
  model_created_at  VARCHAR(32)  NOT NULL,              -- the model's provenance.created_at
  software_version  VARCHAR(32)  NOT NULL,              -- backstrat version that assessed
  summary           VARCHAR(400) NOT NULL,              -- per variant: stratum id and label
  inputs_json       TEXT         NOT NULL,              -- the person's fields as entered
  result_json       TEXT         NOT NULL               -- the full answer as sent
);
CREATE INDEX assessment_assessed_at ON assessment (assessed_at);
CREATE INDEX assessment_person_id ON assessment (person_id);
