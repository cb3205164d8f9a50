package org.backstrat.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortReader;
import org.backstrat.core.io.AtomicOutput;
import org.backstrat.core.io.OutputTarget;
import org.backstrat.core.scoring.CohortScorer;
import org.backstrat.model.AssignedRow;
import org.backstrat.model.FrozenModel;
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

  @Option(names = "--model", required = true, paramLabel = "FILE",
      description = "Frozen model (model.json, schema backstrat.model/2).")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "Cohort table of the new people (raw or already scored).")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "Output CSV (must not exist unless --force).")
  Path out;

  @Mixin
  CommonOptions common;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputTarget target = OutputTarget.file(out, common.force, model, data);
    AtomicOutput.check(target);
    Reporting rep = new Reporting(spec.commandLine().getErr(), common.quiet);
    rep.progress().step("reading the model " + model);
    FrozenModel frozen = ModelJson.read(model);
    rep.progress().step("reading " + data);
    Cohort cohort = CohortReader.withDefaults().read(data).orThrow();
    rep.progress().step("scoring " + cohort.size() + " people");
    Cohort scored = CohortScorer.withDefaults().withOptions(frozen.scoring()).score(cohort)
        .cohort();
    List<AssignedRow> rows = StratumAssigner.assign(frozen, scored);
    AtomicOutput.write(target, f -> StratumAssigner.writeCsv(frozen, rows, f));
    long unassigned = rows.stream().filter(r -> !r.assigned()).count();
    rep.note("wrote " + out + " (" + rows.size() + " rows, " + unassigned
        + " without a stratum for missing features)");
    return 0;
  }
}
