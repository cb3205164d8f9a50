package org.backstrat.report.job;

import java.nio.file.Path;
import java.util.Objects;
import org.backstrat.analysis.config.AnalysisConfig;

/**
 * What the {@code analyze} verb asks for: {@code --data FILE --out DIR [--config FILE]
 * [--force]}.
 *
 * @param data the cohort table (raw or already scored; CSV, TSV or xlsx)
 * @param output the directory to create
 * @param config every analysis setting
 * @param force whether a previous output may be replaced
 */
public record AnalyzeRequest(Path data, Path output, AnalysisConfig config, boolean force) {
  public AnalyzeRequest {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(config, "config");
  }
}
