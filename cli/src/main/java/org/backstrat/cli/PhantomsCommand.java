package org.backstrat.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code backstrat phantoms}: Write synthetic lumbar MRI phantom studies with ground truth. */
@Command(name = "phantoms", mixinStandardHelpOptions = true, description = "Write synthetic lumbar MRI phantom studies with ground truth.")
final class PhantomsCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    throw NotYetAvailable.verb("phantoms", "MRI phantoms (issue 6)");
  }
}
