package org.backstrat.core;

import java.util.List;

/**
 * The user's input (a file, a setting, an option) cannot be used. Carries every problem found,
 * each with file, row, column, value and expectation, so the command line can print them all and
 * exit with status 2. Internal bugs are never reported through this type.
 */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<InputProblem> problems;

  /** Input is unusable for the given reasons; at least one must be an error. */
  public BadInputException(List<InputProblem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  /** Input is unusable for one reason. */
  public BadInputException(InputProblem problem) {
    this(List.of(problem));
  }

  /** Input is unusable for a reason that has no cell position (an option value, a setting). */
  public BadInputException(String message) {
    super(message);
    this.problems = List.of();
  }

  /** A problem at a position in a file. */
  public static BadInputException at(String file, long row, String column, String value,
                                     String expected) {
    return new BadInputException(InputProblem.error(file, row, column, value, expected));
  }

  /** The problems, in the order they were found; empty when only a message was given. */
  public List<InputProblem> problems() {
    return problems;
  }

  private static String summary(List<InputProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("no problems given");
    }
    if (problems.size() == 1) {
      return problems.get(0).message();
    }
    return problems.size() + " problems; first: " + problems.get(0).message();
  }
}
