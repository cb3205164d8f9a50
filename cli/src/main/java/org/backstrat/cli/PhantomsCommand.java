package org.backstrat.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backstrat.core.Progress;
import org.backstrat.imaging.phantom.PhantomJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backstrat phantoms}: synthetic lumbar MRI studies with known ground truth. */
@Command(name = "phantoms", mixinStandardHelpOptions = true,
    description = {"Write N synthetic lumbar MRI phantom studies (sagittal T2 with five discs "
        + "drawn by Pfirrmann grade; axial T2 at L3/4, L4/5, L5/S1 with facet joints at known "
        + "angles), one folder per id in the layout `imaging` reads, plus DIR/truth.csv.",
        "For testing the imaging pipeline; phantoms are not patients."})
final class PhantomsCommand implements Callable<Integer> {

  @Option(names = "--n", defaultValue = "10", paramLabel = "N",
      description = "Number of studies (default: ${DEFAULT-VALUE}).")
  int n;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Mixin
  CommonOptions common;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Reporting rep = new Reporting(spec.commandLine().getErr(), common);
    Progress progress = rep.progress();
    PhantomJob.Result r = PhantomJob.withDefaults().withCount(n).withSeed(seed)
        .run(out, common.force, (done, total) -> {
          if (done == total || done % 50 == 0) {
            progress.report("phantoms written", (double) done / total);
          }
        });
    rep.note("wrote " + r.studies() + " studies to " + r.directory() + " (truth in "
        + r.truthCsv() + ")");
    return 0;
  }
}
