package org.backstrat.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.analysis.pipeline.StratificationAnalysis;
import org.backstrat.analysis.pipeline.StratificationResult;
import org.backstrat.core.Progress;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortReader;
import org.backstrat.core.io.AtomicOutput;
import org.backstrat.core.scoring.CohortScorer;
import org.backstrat.model.InputTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backstrat analyze}: the full stratification analysis of a cohort. */
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
    AtomicOutput.checkWritable(out, common.force);
    Reporting rep = new Reporting(spec.commandLine().getErr(), common.quiet);
    AnalysisConfig settings = config == null ? AnalysisConfig.defaults()
        : AnalysisConfig.read(config);
    Outputs.createdAt(); // a bad SOURCE_DATE_EPOCH is refused before the work
    StratificationResult result = analyze(data, settings, rep.progress());
    InputTable input = InputTable.of(data, result.cohort().size());
    AtomicOutput.writeDirectory(out, common.force,
        dir -> Outputs.writeInto(result, input, dir, result.cohort().has("stratum")));
    rep.note("wrote " + out + " (summary.json, assignments.csv, tables/, model.json, report.html)");
    return 0;
  }

  /** Reads, checks, scores and analyses a cohort file. */
  static StratificationResult analyze(Path data, AnalysisConfig settings, Progress progress) {
    progress.step("reading " + data);
    Cohort cohort = CohortReader.withDefaults().read(data).orThrow();
    progress.step("scoring " + cohort.size() + " people");
    Cohort scored = CohortScorer.withDefaults().score(cohort).cohort();
    return StratificationAnalysis.of(settings).withProgress(progress).run(scored);
  }
}
