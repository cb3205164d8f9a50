package org.backstrat.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code backstrat analyze}: The full analysis: clustering, characterisation, validation, decision curves. */
@Command(name = "analyze", mixinStandardHelpOptions = true, description = "The full analysis: clustering, characterisation, validation, decision curves.")
final class AnalyzeCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    throw NotYetAvailable.verb("analyze", "the analysis (issue 4)");
  }
}
