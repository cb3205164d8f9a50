package org.backstrat.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code backstrat assign}: Assign new people to the strata of a frozen model. */
@Command(name = "assign", mixinStandardHelpOptions = true, description = "Assign new people to the strata of a frozen model.")
final class AssignCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    throw NotYetAvailable.verb("assign", "the frozen model and assign (issue 5)");
  }
}
