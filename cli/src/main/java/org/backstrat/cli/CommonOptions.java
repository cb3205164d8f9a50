package org.backstrat.cli;

import picocli.CommandLine.Option;

/** Options every verb that writes output shares. */
final class CommonOptions {
  @Option(names = {"-q", "--quiet"}, description = "No progress messages on stderr.")
  boolean quiet;

  @Option(names = "--force", description = "Overwrite an existing output.")
  boolean force;
}
