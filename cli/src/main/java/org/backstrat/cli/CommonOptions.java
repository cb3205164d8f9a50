package org.backstrat.cli;

import picocli.CommandLine.Option;

/** Options every verb that writes output shares. */
final class CommonOptions {
  @Option(names = {"-q", "--quiet"}, description = "No progress messages on stderr.")
  boolean quiet;

  @Option(names = "--progress", description = "Progress messages on stderr even when it is not "
      + "a terminal (for logs); --quiet wins.")
  boolean progress;

  @Option(names = "--force", description = "Replace a previous output of the same kind (a "
      + "file for a file, a folder backstrat wrote for a folder); never an input, a folder "
      + "holding one, or the working directory.")
  boolean force;
}
