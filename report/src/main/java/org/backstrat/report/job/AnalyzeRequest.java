package org.backstrat.report.job;

import java.nio.file.Path;
import java.util.Objects;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.core.mapping.ImportMapping;

/**
 * What the {@code analyze} verb asks for: {@code --data FILE --out DIR [--config FILE]
 * [--force]}.
 *
 * @param data the cohort table (raw or already scored; CSV, TSV or xlsx)
 * @param output the directory to create
 * @param config every analysis setting
 * @param force whether a previous output may be replaced
 * @param mapping how the table's columns and codes become the cohort's (--mapping, --sheet)
 */
public record AnalyzeRequest(Path data, Path output, AnalysisConfig config, boolean force,
                             ImportMapping mapping) {
  public AnalyzeRequest {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(mapping, "mapping");
  }

  /** A request for a table in the cohort's own column names and codes. */
  public AnalyzeRequest(Path data, Path output, AnalysisConfig config, boolean force) {
    this(data, output, config, force, ImportMapping.none());
  }
}
