package org.backstrat.core.scoring;

import java.util.List;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;

/** Test helper: the messages of the {@link BadInputException} an action must throw. */
final class Problems {
  private Problems() {
  }

  /** Runs the action and returns its problems' messages; fails when it throws none. */
  static List<String> of(Runnable action) {
    try {
      action.run();
    } catch (BadInputException e) {
      return e.problems().stream().map(InputProblem::message).toList();
    }
    throw new AssertionError("no BadInputException");
  }
}
