package org.backstrat.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code backstrat dca}: Generic decision curve analysis of probability columns. */
@Command(name = "dca", mixinStandardHelpOptions = true, description = "Generic decision curve analysis of probability columns.")
final class DcaCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    throw NotYetAvailable.verb("dca", "decision curve analysis (issue 4)");
  }
}
