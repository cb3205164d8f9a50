package org.backstrat.cli;

import org.backstrat.core.BadInputException;

/**
 * Verbs whose capability has not landed yet say so plainly and exit with status 2 instead of
 * pretending to work.
 */
final class NotYetAvailable {
  private NotYetAvailable() {
  }

  static BadInputException verb(String verb, String capability) {
    return new BadInputException("`" + verb + "` is not available in this version: "
        + capability + " has not been built yet");
  }
}
