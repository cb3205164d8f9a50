package org.backstrat.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.core.io.AtomicOutput;
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

  @Option(names = "--config", paramLabel = "FILE",
      description = "Analysis config JSON; its fields override the defaults.")
  Path config;

  @Mixin
  CommonOptions common;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Reporting rep = new Reporting(spec.commandLine().getErr(), common.quiet);
    AtomicOutput.check(OutputTarget.directory(out, common.force, data, config));
    AnalysisConfig settings = config == null ? AnalysisConfig.defaults()
        : AnalysisConfig.read(config);
    AnalyzeJob.run(new AnalyzeRequest(data, out, settings, common.force,
        config == null ? List.of() : List.of(config)), rep.progress());
    rep.note("wrote " + out + " (summary.json, assignments.csv, tables/, model.json, report.html)");
    return 0;
  }
}
