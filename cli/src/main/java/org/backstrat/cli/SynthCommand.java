package org.backstrat.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code backstrat synth}: Write a synthetic NFBC-like cohort. */
@Command(name = "synth", mixinStandardHelpOptions = true, description = "Write a synthetic NFBC-like cohort.")
final class SynthCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    throw NotYetAvailable.verb("synth", "the synthetic cohort (issue 2)");
  }
}
