package org.backstrat.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.analysis.pipeline.StratificationAnalysis;
import org.backstrat.analysis.pipeline.StratificationResult;
import org.backstrat.core.CreationTime;
import org.backstrat.core.Progress;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortReadResult;
import org.backstrat.core.cohort.CohortReader;
import org.backstrat.core.cohort.CohortWriter;
import org.backstrat.core.io.AtomicOutput;
import org.backstrat.core.io.OutputTarget;
import org.backstrat.core.scoring.CohortScorer;
import org.backstrat.core.synth.CohortSynthesizer;
import org.backstrat.model.InputTable;
import org.backstrat.report.job.AnalyzeJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backstrat demo}: the whole pipeline on the embedded synthetic cohort. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Synthesise the default cohort (n = 1500, seed 7) and run the whole "
        + "pipeline: synth, validate, score, analyze.",
        "Writes DIR/cohort.csv, DIR/cohort_scored.csv and the analysis outputs (summary.json, "
            + "assignments.csv, tables/, model.json, report.html)."})
final class DemoCommand implements Callable<Integer> {
  /** People in the default cohort. */
  static final long DEFAULT_N = 1500;

  @Option(names = "--out", defaultValue = "backstrat-demo", paramLabel = "DIR",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Mixin
  CommonOptions common;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputTarget target = OutputTarget.directory(out, common.force);
    AtomicOutput.check(target);
    Instant createdAt = CreationTime.now(); // a bad SOURCE_DATE_EPOCH is refused before the work
    Reporting rep = new Reporting(spec.commandLine().getErr(), common.quiet);
    Progress progress = rep.progress();
    AtomicOutput.write(target, dir -> {
      Path cohortFile = dir.resolve("cohort.csv");
      progress.step("synthesising " + DEFAULT_N + " people (seed " + SynthCommand.DEFAULT_SEED
          + ")");
      CohortSynthesizer.withDefaults().write(cohortFile, DEFAULT_N, SynthCommand.DEFAULT_SEED,
          false);
      progress.step("validating");
      CohortReadResult read = CohortReader.withDefaults().read(cohortFile);
      Cohort cohort = read.orThrow();
      progress.step("scoring");
      Cohort scored = CohortScorer.withDefaults().score(cohort).cohort();
      CohortWriter.write(scored, dir.resolve("cohort_scored.csv"), false);
      StratificationResult result = StratificationAnalysis.of(AnalysisConfig.defaults())
          .withProgress(progress).run(scored);
      AnalyzeJob.writeInto(result, InputTable.of(cohortFile, cohort.size()), dir, true,
          createdAt);
    });
    spec.commandLine().getOut().println("backstrat demo: report at "
        + out.resolve("report.html") + "; numbers in " + out.resolve("summary.json"));
    return 0;
  }
}
