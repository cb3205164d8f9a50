package org.backstrat.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backstrat.core.BadInputException;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortReadResult;
import org.backstrat.core.io.AtomicOutput;
import org.backstrat.core.io.OutputTarget;
import org.backstrat.core.io.ParquetOutput;
import org.backstrat.core.scoring.CohortScorer;
import org.backstrat.model.AssignedRow;
import org.backstrat.model.FrozenModel;
import org.backstrat.model.FrozenVariant;
import org.backstrat.model.ModelJson;
import org.backstrat.model.StratumAssigner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code backstrat assign}: places new people in the strata of a frozen model (model.json from
 * analyze or demo), validating and scoring them exactly as in training and applying the stored
 * scaler; see {@link StratumAssigner} and {@code FrozenVariant#place} for the columns and
 * formulas.
 */
@Command(name = "assign", mixinStandardHelpOptions = true,
    description = {"Assign new people to the strata of a frozen model (model.json written by "
        + "analyze or demo): validate and score the table as in training, encode and scale "
        + "with the stored scaler (nothing refitted), nearest centre per variant.",
        "Writes one row per person and variant: id, variant, cluster, label, outlier, distance, "
            + "p_1..p_K (p_k = exp(-d_k^2/2) / sum_j exp(-d_j^2/2), d in the scaled space), "
            + "top_features (columns pulling most toward the stratum rather than the runner-up) "
            + "and reason (the missing features of people given no stratum)."})
final class AssignCommand implements Callable<Integer> {
  /** Rows read, scored and assigned at a time. */
  private static final int BLOCK_ROWS = 8192;

  @Option(names = "--model", required = true, paramLabel = "FILE",
      description = "Frozen model (model.json, schema backstrat.model/2).")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "Cohort table of the new people (raw or already scored).")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "Output CSV, or Parquet when the name ends in .parquet (must not exist "
          + "unless --force).")
  Path out;

  @Mixin
  CommonOptions common;

  @Mixin
  InputOptions input;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputTarget target = OutputTarget.file(out, common.force, model, data, input.mapping);
    AtomicOutput.check(target);
    Reporting rep = new Reporting(spec.commandLine().getErr(), common);
    rep.progress().step("reading the model " + model);
    FrozenModel frozen = ModelJson.read(model);
    rep.progress().step("reading, scoring and assigning " + data);
    CohortScorer scorer = CohortScorer.withDefaults().withOptions(frozen.scoring());
    long[] counts = new long[2];
    // streamed in blocks of rows: each variant's rows go to their own temporary part (the
    // output lists them by variant, then by row), joined behind the header at the end
    AtomicOutput.write(target, tmp -> ParquetOutput.write(out, tmp, StratumAssigner::parquetType,
        f -> {
      Map<String, Path> parts = new LinkedHashMap<>();
      Map<String, Writer> writers = new LinkedHashMap<>();
      try {
        for (FrozenVariant v : frozen.variants()) {
          // named like the temporary itself (its number + 00000 + the variant's position), so
          // a later run removes parts that a killed run left behind
          Path part = f.resolveSibling(f.getFileName() + "00000" + parts.size());
          Files.createFile(part);
          parts.put(v.name(), part);
          writers.put(v.name(), Files.newBufferedWriter(part, StandardCharsets.UTF_8));
        }
        CohortReadResult read = input.mapping().readCohortInBlocks(data, BLOCK_ROWS,
            block -> {
              Cohort scored = scorer.score(block).cohort();
              try {
                for (AssignedRow r : StratumAssigner.assign(frozen, scored)) {
                  StratumAssigner.writeRow(frozen, r, writers.get(r.variant()));
                  counts[0]++;
                  counts[1] += r.assigned() ? 0 : 1;
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
        if (!read.errors().isEmpty()) {
          throw new BadInputException(read.errors());
        }
        for (Writer w : writers.values()) {
          w.close();
        }
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(f, StandardCharsets.UTF_8))) {
          StratumAssigner.writeHeader(frozen, w);
          w.flush();
        }
        try (OutputStream o = Files.newOutputStream(f, StandardOpenOption.APPEND)) {
          for (Path part : parts.values()) {
            Files.copy(part, o);
          }
        }
      } finally {
        for (Writer w : writers.values()) {
          w.close();
        }
        for (Path part : parts.values()) {
          Files.deleteIfExists(part);
        }
      }
    }));
    rep.note("wrote " + out + " (" + counts[0] + " rows, " + counts[1]
        + " without a stratum for missing features)");
    return 0;
  }
}
