package org.backstrat.cli;

import picocli.CommandLine.Option;

/** Options every verb that writes output shares. */
final class CommonOptions {
  @Option(names = {"-q", "--quiet"}, description = "No progress messages on stderr.")
  boolean quiet;

  @Option(names = "--force", description = "Replace a previous output of the same kind (a "
      + "file for a file, a folder backstrat wrote for a folder); never an input, a folder "
      + "holding one, or the working directory.")
  boolean force;
}
