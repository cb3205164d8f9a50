package org.backstrat.server.registry;

import java.util.Objects;

/**
 * Which model gave an assessment, as the registry stores it: the SHA-256 of the model.json bytes
 * (so {@code sha256sum model.json} names the exact file), its schema, when it was made (its
 * provenance) and the backstrat version that assessed.
 *
 * @param sha256 SHA-256 of the model file's bytes, lower-case hex
 * @param schema the model's schema, e.g. {@code backstrat.model/2}
 * @param createdAt the model's {@code provenance.created_at}
 * @param softwareVersion the backstrat version serving it
 */
public record ModelIdentity(String sha256, String schema, String createdAt,
                            String softwareVersion) {
  public ModelIdentity {
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(softwareVersion, "softwareVersion");
  }
}
