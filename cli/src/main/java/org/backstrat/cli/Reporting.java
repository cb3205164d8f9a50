package org.backstrat.cli;

import java.io.PrintWriter;
import org.backstrat.core.Progress;

/**
 * How a verb talks to the user: progress and notes on stderr, quiet with {@code --quiet} or
 * when stderr is not a terminal (progress only; results and errors are always shown).
 */
final class Reporting {
  /** Problems printed before the rest are summarised as a count. */
  static final int MAX_PROBLEMS_SHOWN = 200;

  private final PrintWriter err;
  private final boolean showProgress;
  private final boolean quiet;

  Reporting(PrintWriter err, boolean quiet) {
    this(err, quiet, false);
  }

  /** Progress as the verb's common options ask: {@code --quiet} wins over {@code --progress}. */
  Reporting(PrintWriter err, CommonOptions options) {
    this(err, options.quiet, options.progress);
  }

  private Reporting(PrintWriter err, boolean quiet, boolean forceProgress) {
    this.err = err;
    this.quiet = quiet;
    this.showProgress = !quiet && (forceProgress || System.console() != null);
  }

  /** A progress sink printing one line per step. */
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

  /**
   * Something the user must know about the result (a column left out, data changed on the way
   * in): shown even when stderr is not a terminal, so that logs keep it; silenced only by
   * {@code --quiet}.
   */
  void warn(String message) {
    if (!quiet) {
      err.println("backstrat: warning: " + message);
      err.flush();
    }
  }

  /** A note that is shown unless quiet (e.g. where the output went). */
  void note(String message) {
    if (showProgress) {
      err.println("backstrat: " + message);
      err.flush();
    }
  }
}
