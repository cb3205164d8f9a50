package org.backstrat.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backstrat.core.BadInputException;
import org.backstrat.core.cohort.CohortReadResult;
import org.backstrat.core.cohort.CohortWriter;
import org.backstrat.core.cohort.Variable;
import org.backstrat.core.io.AtomicOutput;
import org.backstrat.core.io.OutputTarget;
import org.backstrat.core.io.ParquetOutput;
import org.backstrat.core.mapping.ImportMapping;
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
  /** Rows read, scored and written at a time. */
  private static final int BLOCK_ROWS = 8192;

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "Cohort table (CSV, TSV, semicolon CSV or .xlsx).")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "Output CSV, or Parquet when the name ends in .parquet: the cohort with the "
          + "derived columns appended.")
  Path out;

  @Mixin
  CommonOptions common;

  @Mixin
  InputOptions input;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputTarget target = OutputTarget.file(out, common.force, data, input.mapping);
    AtomicOutput.check(target);
    Reporting rep = new Reporting(spec.commandLine().getErr(), common);
    // the mapping renames item columns to their standard names before the table is checked, so
    // the scorer reads the published order
    CohortScorer blockScorer = CohortScorer.withDefaults();
    ImportMapping mapping = input.mapping();
    int[] written = new int[2];
    // streamed in blocks: memory does not grow with the number of rows; on any error the
    // temporary output is removed and nothing appears
    // a Parquet output: its columns typed as the scored cohort's variables
    Map<String, ParquetOutput.ColumnType> types = new HashMap<>();
    AtomicOutput.write(target, tmp -> ParquetOutput.write(out, tmp, types::get, csv -> {
      try (Writer w = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8),
          1 << 16)) {
        CohortReadResult read = mapping.readCohortInBlocks(data, BLOCK_ROWS,
            block -> {
              ScoringResult result = blockScorer.score(block);
              try {
                if (written[0] == 0) {
                  for (SkippedGroup s : result.skipped()) {
                    rep.warning(s.message());
                  }
                  CohortWriter.writeHeader(result.cohort(), w);
                  for (Variable v : result.cohort().variables()) {
                    types.put(v.name(), CohortWriter.parquetType(v));
                  }
                  written[1] = result.cohort().columnNames().size();
                }
                CohortWriter.writeRows(result.cohort(), w);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              written[0] += result.cohort().size();
            });
        if (!read.errors().isEmpty()) {
          throw new BadInputException(read.errors());
        }
      }
    }));
    rep.note("wrote " + out + " (" + written[0] + " people, " + written[1] + " columns)");
    return 0;
  }
}
