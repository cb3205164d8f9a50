package org.backstrat.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code backstrat serve}: HTTP API and clinician page for a frozen model (binds 127.0.0.1). */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "HTTP API and clinician page for a frozen model (binds 127.0.0.1).")
final class ServeCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    throw NotYetAvailable.verb("serve", "the server");
  }
}
