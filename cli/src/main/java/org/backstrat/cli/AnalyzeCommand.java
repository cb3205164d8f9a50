package org.backstrat.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.core.io.AtomicOutput;
import org.backstrat.core.io.OutputFormat;
import org.backstrat.core.io.OutputTarget;
import org.backstrat.report.job.AnalyzeJob;
import org.backstrat.report.job.AnalyzeRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backstrat analyze}: the full stratification analysis of a cohort ({@link AnalyzeJob}). */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = {"The full analysis of a cohort, per variant (sbt, ompsq): robust clustering "
        + "with K chosen by a documented rule, named strata, between-stratum tests, "
        + "cross-validated multinomial logistic regression and decision curves.",
        "Writes DIR/summary.json, DIR/assignments.csv, DIR/tables/*.csv, DIR/model.json and "
            + "DIR/report.html."})
final class AnalyzeCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "Cohort table (raw or already scored).")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Output directory (must not exist unless --force).")
  Path out;

  @Option(names = "--out-format", defaultValue = "csv", paramLabel = "F",
      description = "csv (default) or parquet: assignments.parquet instead of assignments.csv, "
          + "and tables/<name>.parquet beside each tables/<name>.csv (which report.html "
          + "links).")
  String outFormat;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Analysis config JSON; its fields override the defaults.")
  Path config;

  @Mixin
  CommonOptions common;

  @Mixin
  InputOptions input;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Reporting rep = new Reporting(spec.commandLine().getErr(), common);
    AtomicOutput.check(OutputTarget.directory(out, common.force, data, config, input.mapping));
    OutputFormat format = OutputFormat.parse(outFormat);
    AnalysisConfig settings = config == null ? AnalysisConfig.defaults()
        : AnalysisConfig.read(config);
    List<Path> others = new ArrayList<>();
    others.add(config);
    others.add(input.mapping);
    AnalyzeJob.run(new AnalyzeRequest(data, out, settings, common.force, others,
        input.mapping(), format), rep.progress());
    rep.note("wrote " + out + " (summary.json, assignments."
        + (format == OutputFormat.PARQUET ? "parquet" : "csv")
        + ", tables/, model.json, report.html)");
    return 0;
  }
}
