package org.backstrat.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code backstrat demo}: Synthesise the default cohort and run the whole analysis. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Synthesise the default cohort and run the whole analysis.")
final class DemoCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    throw NotYetAvailable.verb("demo", "the demo pipeline");
  }
}
