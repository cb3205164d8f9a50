package org.backstrat.report.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.core.io.OutputFormat;
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
 * @param outFormat the format of the tables ({@code --out-format}): CSV, or Parquet for
 *     {@code assignments.parquet} and a Parquet copy beside each {@code tables/*.csv}
 */
public record AnalyzeRequest(Path data, Path output, AnalysisConfig config, boolean force,
                             List<Path> otherInputs, ImportMapping mapping,
                             OutputFormat outFormat) {
  /** Checks and copies. */
  public AnalyzeRequest {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(outFormat, "outFormat");
    otherInputs = otherInputs.stream().filter(Objects::nonNull).toList();
  }

  /** A request writing CSV tables. */
  public AnalyzeRequest(Path data, Path output, AnalysisConfig config, boolean force,
                        List<Path> otherInputs, ImportMapping mapping) {
    this(data, output, config, force, otherInputs, mapping, OutputFormat.CSV);
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
