package org.backstrat.report.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.backstrat.analysis.pipeline.StratificationAnalysis;
import org.backstrat.analysis.pipeline.StratificationResult;
import org.backstrat.core.CreationTime;
import org.backstrat.core.Progress;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.io.AtomicOutput;
import org.backstrat.core.io.OutputFormat;
import org.backstrat.core.io.OutputTarget;
import org.backstrat.core.io.ParquetOutput;
import org.backstrat.core.scoring.CohortScorer;
import org.backstrat.core.scoring.ScoringOptions;
import org.backstrat.core.synth.CohortSynthesizer;
import org.backstrat.model.FrozenModel;
import org.backstrat.model.InputTable;
import org.backstrat.model.ModelJson;
import org.backstrat.report.html.ReportRenderer;
import org.backstrat.report.html.ReportWriter;
import org.backstrat.report.output.AnalysisWriter;
import org.backstrat.report.output.ReportAssembler;

/**
 * The {@code analyze} verb as a library job, like {@code ClusterJob}, {@code DcaJob} and
 * {@code ImagingJob}: read and check the cohort, score it, run the analysis, and write the
 * output directory — {@code summary.json}, {@code assignments.csv} (or {@code .parquet},
 * {@link AnalyzeRequest#outFormat}), {@code tables/},
 * {@code model.json} (the frozen model with its provenance) and {@code report.html} — whole or
 * not at all. Times honour SOURCE_DATE_EPOCH so two runs can be byte-identical.
 */
public final class AnalyzeJob {
  /** The frozen model's file name in the output directory. */
  public static final String MODEL_FILE = "model.json";
  /** The assignments' file name in the output directory (CSV). */
  public static final String ASSIGNMENTS_FILE = "assignments.csv";

  private AnalyzeJob() {
  }

  /**
   * Runs the job.
   *
   * @param request what to analyse and where to write
   * @param progress where progress goes
   */
  public static AnalyzeJobResult run(AnalyzeRequest request, Progress progress) {
    OutputTarget target = OutputTarget.directory(request.output(), request.force(),
        request.data()).withInputs(request.otherInputs());
    AtomicOutput.check(target);
    Instant createdAt = CreationTime.now(); // a bad SOURCE_DATE_EPOCH is refused before the work
    progress.step("reading " + request.data());
    Cohort cohort = request.mapping().readCohort(request.data()).orThrow();
    progress.step("scoring " + cohort.size() + " people");
    Cohort scored = CohortScorer.withDefaults().score(cohort).cohort();
    StratificationResult result = StratificationAnalysis.of(request.config())
        .withProgress(progress).run(scored);
    InputTable input = InputTable.of(request.data(), cohort.size());
    AtomicReference<FrozenModel> model = new AtomicReference<>();
    AtomicOutput.write(target, dir -> {
      model.set(writeInto(result, input, dir, CohortSynthesizer.looksSynthesized(scored),
          createdAt));
      if (request.outFormat() == OutputFormat.PARQUET) {
        writeParquet(dir);
      }
    });
    return new AnalyzeJobResult(request.output(), result, model.get());
  }

  /**
   * {@code --out-format parquet}: {@code assignments.csv} becomes {@code assignments.parquet},
   * and each {@code tables/<name>.csv} gets a {@code tables/<name>.parquet} beside it (the report
   * links the CSV twins, as it does the .docx and .tex copies); columns typed from their values.
   */
  private static void writeParquet(Path dir) throws IOException {
    ParquetOutput.replaceCsv(dir.resolve(ASSIGNMENTS_FILE));
    Path tables = dir.resolve(ReportRenderer.TABLES_DIR);
    if (!Files.isDirectory(tables)) {
      return;
    }
    List<Path> csvs;
    try (Stream<Path> files = Files.list(tables)) {
      csvs = files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
    }
    for (Path csv : csvs) {
      ParquetOutput.fromCsvInferred(csv, ParquetOutput.besideCsv(csv));
    }
  }

  /**
   * Writes every output of an analysis into an existing directory (for callers that write a
   * larger directory atomically themselves, such as {@code demo}).
   *
   * @param result the analysis
   * @param input the training table, recorded in the model's provenance
   * @param dir the directory to write into
   * @param synthetic whether the cohort is synthetic (the report says so)
   * @param createdAt the time to record
   * @return the frozen model written
   */
  public static FrozenModel writeInto(StratificationResult result, InputTable input, Path dir,
                                      boolean synthetic, Instant createdAt) throws IOException {
    AnalysisWriter.writeInto(result, dir);
    FrozenModel model = result.freeze(ScoringOptions.withDefaults(), input, createdAt);
    ModelJson.write(model, dir.resolve(MODEL_FILE));
    ReportWriter.writeInto(ReportAssembler.assemble(result, createdAt, synthetic), dir);
    return model;
  }
}
