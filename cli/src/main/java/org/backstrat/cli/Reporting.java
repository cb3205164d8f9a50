package org.backstrat.cli;

import java.io.PrintWriter;
import org.backstrat.core.Progress;

/**
 * How a verb talks to the user, all on stderr (stdout carries only a verb's result): progress
 * on a terminal, or anywhere with {@code --progress}, and never with {@code --quiet}; notes
 * (where the output went, what was used) unless {@code --quiet}, terminal or not, so scripts and
 * logs see them; warnings always.
 */
final class Reporting {
  /** Problems printed before the rest are summarised as a count. */
  static final int MAX_PROBLEMS_SHOWN = 200;

  private final PrintWriter err;
  private final boolean quiet;
  private final boolean showProgress;

  Reporting(PrintWriter err, boolean quiet) {
    this(err, quiet, System.console() != null);
  }

  /** Progress as the verb's common options ask: {@code --quiet} wins over {@code --progress}. */
  Reporting(PrintWriter err, CommonOptions options) {
    this(err, options.quiet, options.progress || System.console() != null);
  }

  Reporting(PrintWriter err, boolean quiet, boolean terminal) {
    this.err = err;
    this.quiet = quiet;
    this.showProgress = !quiet && terminal;
  }

  /** A progress sink printing one line per step (on a terminal, unless quiet). */
  Progress progress() {
    if (!showProgress) {
      return Progress.NONE;
    }
    return (step, fraction) -> {
      if (Double.isNaN(fraction)) {
        err.println("backstrat: " + step);
      } else {
        err.printf(java.util.Locale.ROOT, "backstrat: %s (%.0f%%)%n", step, 100 * fraction);
      }
      err.flush();
    };
  }

  /** A note that is shown unless quiet (e.g. where the output went). */
  void note(String message) {
    if (!quiet) {
      err.println("backstrat: " + message);
      err.flush();
    }
  }

  /**
   * Something the user must know about the result (a column left out, data changed on the way
   * in): always shown, on a terminal or not, with or without {@code --quiet}, so that logs keep
   * it.
   */
  void warning(String message) {
    err.println("backstrat: warning: " + message);
    err.flush();
  }
}
