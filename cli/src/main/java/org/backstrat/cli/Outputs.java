package org.backstrat.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.backstrat.analysis.pipeline.StratificationResult;
import org.backstrat.core.BadInputException;
import org.backstrat.core.scoring.ScoringOptions;
import org.backstrat.model.InputTable;
import org.backstrat.model.ModelJson;
import org.backstrat.report.html.ReportWriter;
import org.backstrat.report.output.AnalysisWriter;
import org.backstrat.report.output.ReportAssembler;

/**
 * Writes everything an analysis produces into a directory: summary.json, assignments.csv,
 * tables/, model.json (the frozen model, scored with the default scoring options the CLI uses)
 * and report.html. Timestamps honour SOURCE_DATE_EPOCH (the reproducible-builds
 * convention) so two runs can be byte-identical.
 */
final class Outputs {
  /** The frozen model's file name in the output directory. */
  static final String MODEL_FILE = "model.json";

  private Outputs() {
  }

  /** The time to record: SOURCE_DATE_EPOCH when set, else now. */
  static Instant createdAt() {
    String epoch = System.getenv("SOURCE_DATE_EPOCH");
    if (epoch == null || epoch.isBlank()) {
      return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
    } catch (NumberFormatException e) {
      throw new BadInputException("SOURCE_DATE_EPOCH: value \"" + epoch
          + "\": expected whole seconds since 1970-01-01");
    }
  }

  /**
   * Writes the analysis outputs and the report into an existing directory.
   *
   * @param input the training table, recorded in the model's provenance
   */
  static void writeInto(StratificationResult result, InputTable input, Path dir,
                        boolean synthetic) throws IOException {
    Instant createdAt = createdAt();
    AnalysisWriter.writeInto(result, dir);
    ModelJson.write(result.freeze(ScoringOptions.withDefaults(), input, createdAt),
        dir.resolve(MODEL_FILE));
    ReportWriter.writeInto(ReportAssembler.assemble(result, createdAt, synthetic), dir);
  }
}
