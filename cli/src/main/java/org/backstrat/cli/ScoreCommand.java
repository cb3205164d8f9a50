package org.backstrat.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortWriter;
import org.backstrat.core.io.AtomicOutput;
import org.backstrat.core.scoring.CohortScorer;
import org.backstrat.core.scoring.ScoringResult;
import org.backstrat.core.scoring.SkippedGroup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backstrat score}: adds the derived scores to a cohort. */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = {"Add the derived scores: STarT Back total, psychosocial subscale and risk "
        + "group; ÖMPSQ-short total, high-risk flag and factor scores; disc degeneration; facet "
        + "tropism; the bothersome-and-frequent LBP outcome.",
        "A score is missing when any item it needs is missing."})
final class ScoreCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "Cohort table (CSV, TSV, semicolon CSV or .xlsx).")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "Output CSV: the cohort with the derived columns appended.")
  Path out;

  @Mixin
  InputOptions input;

  @Mixin
  CommonOptions common;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    AtomicOutput.checkWritable(out, common.force);
    Reporting rep = new Reporting(spec.commandLine().getErr(), common);
    // the mapping renames item columns to their standard names before the table is checked, so
    // the scorer reads the published order
    CohortScorer scorer = CohortScorer.withDefaults();
    Cohort cohort = input.mapping().readCohort(data).orThrow();
    ScoringResult result = scorer.score(cohort);
    for (SkippedGroup s : result.skipped()) {
      rep.note(s.message());
    }
    CohortWriter.write(result.cohort(), out, common.force);
    rep.note("wrote " + out + " (" + result.cohort().size() + " people, "
        + result.cohort().columnNames().size() + " columns)");
    return 0;
  }
}
