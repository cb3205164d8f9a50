package org.backstrat.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code backstrat imaging}: Imaging biomarkers from lumbar MRI studies. */
@Command(name = "imaging", mixinStandardHelpOptions = true, description = "Imaging biomarkers from lumbar MRI studies.")
final class ImagingCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    throw NotYetAvailable.verb("imaging", "the imaging stage (issue 6)");
  }
}
