package org.backstrat.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * How a frozen model was made, as Tribuo records it for every model: the software and when, the
 * master seed, the table it was trained on and every analysis setting. With these, the same
 * software run again on the same table (checked by its SHA-256) with the same settings makes the
 * same model byte for byte.
 *
 * @param softwareVersion backstrat version that trained the model
 * @param createdAt when the model was made, ISO-8601 UTC (SOURCE_DATE_EPOCH when set, so that
 *     reproducible runs write the same bytes)
 * @param seed the analysis' master seed
 * @param input the training table
 * @param analysisConfig every analysis setting, as the analysis config JSON writes them (a
 *     copy; the model module does not interpret them)
 */
public record Provenance(String softwareVersion, String createdAt, long seed, InputTable input,
                         ObjectNode analysisConfig) {

  public Provenance {
    Objects.requireNonNull(softwareVersion, "softwareVersion");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(input, "input");
    analysisConfig = analysisConfig.deepCopy();
  }

  /** Every analysis setting (a copy). */
  @Override
  public ObjectNode analysisConfig() {
    return analysisConfig.deepCopy();
  }

  /** One setting of the analysis config, if recorded. */
  public JsonNode setting(String name) {
    return analysisConfig.path(name).deepCopy();
  }
}
