package org.backstrat.report.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.core.mapping.ImportMapping;

/**
 * What the {@code analyze} verb asks for: {@code --data FILE --out DIR [--config FILE]
 * [--mapping FILE] [--sheet NAME|N] [--force]}.
 *
 * @param data the cohort table (raw or already scored; CSV, TSV or xlsx)
 * @param output the directory to create
 * @param config every analysis setting
 * @param force whether a previous output may be replaced
 * @param otherInputs further files read (the config file), which the output may never replace
 * @param mapping how the table's columns and codes become the cohort's (--mapping, --sheet)
 */
public record AnalyzeRequest(Path data, Path output, AnalysisConfig config, boolean force,
                             List<Path> otherInputs, ImportMapping mapping) {
  /** Checks and copies. */
  public AnalyzeRequest {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(mapping, "mapping");
    otherInputs = otherInputs.stream().filter(Objects::nonNull).toList();
  }

  /** A request for a table in the cohort's own column names and codes. */
  public AnalyzeRequest(Path data, Path output, AnalysisConfig config, boolean force,
                        List<Path> otherInputs) {
    this(data, output, config, force, otherInputs, ImportMapping.none());
  }

  /** A request without other inputs than the data. */
  public AnalyzeRequest(Path data, Path output, AnalysisConfig config, boolean force) {
    this(data, output, config, force, List.of());
  }
}
