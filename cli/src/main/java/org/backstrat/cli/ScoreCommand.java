package org.backstrat.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code backstrat score}: Add the derived scores (STarT Back, ÖMPSQ-short, imaging, outcome). */
@Command(name = "score", mixinStandardHelpOptions = true, description = "Add the derived scores (STarT Back, ÖMPSQ-short, imaging, outcome).")
final class ScoreCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    throw NotYetAvailable.verb("score", "scoring (issue 2)");
  }
}
