package org.backstrat.core;

/**
 * Receives progress of long steps (a sentence per step, optionally a fraction done), so library
 * stages can report without knowing whether a terminal, a log or nothing is listening.
 */
@FunctionalInterface
public interface Progress {

  /** Discards all progress. */
  Progress NONE = (step, fractionDone) -> { };

  /**
   * Reports a step.
   *
   * @param step what is being done, e.g. "clustering the sbt variant"
   * @param fractionDone between 0 and 1, or NaN when unknown
   */
  void report(String step, double fractionDone);

  /** Reports a step whose progress fraction is unknown. */
  default void step(String step) {
    report(step, Double.NaN);
  }
}
