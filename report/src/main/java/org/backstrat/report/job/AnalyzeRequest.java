package org.backstrat.report.job;

import java.nio.file.Path;
import java.util.List;
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
 * @param otherInputs further files read (the config file), which the output may never replace
 */
public record AnalyzeRequest(Path data, Path output, AnalysisConfig config, boolean force,
                             List<Path> otherInputs) {
  /** Checks and copies. */
  public AnalyzeRequest {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(config, "config");
    otherInputs = otherInputs.stream().filter(Objects::nonNull).toList();
  }

  /** A request without other inputs than the data. */
  public AnalyzeRequest(Path data, Path output, AnalysisConfig config, boolean force) {
    this(data, output, config, force, List.of());
  }
}
