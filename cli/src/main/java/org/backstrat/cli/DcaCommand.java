package org.backstrat.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.backstrat.analysis.dca.DcaJob;
import org.backstrat.analysis.dca.DcaJobResult;
import org.backstrat.analysis.dca.DcaRequest;
import org.backstrat.core.io.AtomicOutput;
import org.backstrat.core.io.OutputTarget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backstrat dca}: generic decision curve analysis of probability columns. */
@Command(name = "dca", mixinStandardHelpOptions = true,
    description = {"Decision curve analysis of one or more predicted-probability columns for a "
        + "binary outcome (0/1 or true/false).",
        "Writes a long-form CSV: threshold,model,net_benefit,tp,fp,net_intervention_avoided "
            + "with model = treat_all, treat_none or a predictor's name. A person is treated "
            + "when the predicted risk >= the threshold."})
final class DcaCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "CSV with the outcome and the probability columns.")
  Path data;

  @Option(names = "--outcome", required = true, paramLabel = "COL",
      description = "Binary outcome column (0/1, true/false in any case).")
  String outcome;

  @Option(names = "--predictors", required = true, split = ",", paramLabel = "a,b",
      description = "Probability columns (values in [0, 1]).")
  List<String> predictors;

  @Option(names = "--thresholds", defaultValue = "0.01:0.99:0.01", paramLabel = "LO:HI:STEP",
      description = "Threshold grid (default: ${DEFAULT-VALUE}).")
  String thresholds;

  @Option(names = "--bootstrap", defaultValue = "0", paramLabel = "B",
      description = "Bootstrap resamples for 95%% bands of each curve (default: none).")
  int bootstrap;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
      description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "Output CSV, or Parquet when the name ends in .parquet (columns typed from "
          + "their values).")
  Path out;

  @Mixin
  CommonOptions common;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    AtomicOutput.check(OutputTarget.file(out, common.force, data));
    Reporting rep = new Reporting(spec.commandLine().getErr(), common);
    if (bootstrap < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--bootstrap must be >= 0, not " + bootstrap);
    }
    DcaRequest request = DcaRequest.of(data, outcome, predictors, out)
        .withThresholds(thresholds).withBootstrap(bootstrap, seed).withForce(common.force);
    DcaJobResult result = DcaJob.run(request);
    if (result.rowsExcluded() > 0) {
      rep.warning(result.rowsExcluded() + " of " + result.rowsRead() + " rows left out for a "
          + "missing outcome or predictor; used " + result.rowsUsed());
    } else {
      rep.note("used all " + result.rowsRead() + " rows");
    }
    for (DcaJobResult.PredictorRanges r : result.superiorRanges()) {
      rep.note(r.predictor() + ": beats treat-all and treat-none " + r.ranges().describe());
    }
    rep.note("wrote " + out);
    return 0;
  }
}
