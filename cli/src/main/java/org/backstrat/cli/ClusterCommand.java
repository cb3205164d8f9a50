package org.backstrat.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code backstrat cluster}: Generic robust clustering of any numeric table. */
@Command(name = "cluster", mixinStandardHelpOptions = true, description = "Generic robust clustering of any numeric table.")
final class ClusterCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    throw NotYetAvailable.verb("cluster", "the clustering engine (issue 3)");
  }
}
