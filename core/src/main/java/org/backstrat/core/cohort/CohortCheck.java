package org.backstrat.core.cohort;

import java.util.List;
import org.backstrat.core.InputProblem;
import org.backstrat.core.io.TableFormat;

/**
 * What checking a cohort file without keeping its values found ({@link CohortReader#check}):
 * every problem, how the file was read, and its size.
 *
 * @param problems every problem found, errors and warnings, in row order
 * @param format delimiter and decimal convention detected
 * @param rows number of data rows read
 * @param columns number of named columns
 */
public record CohortCheck(List<InputProblem> problems, TableFormat format, int rows,
                          int columns) {

  public CohortCheck {
    problems = List.copyOf(problems);
  }

  /** The errors only. */
  public List<InputProblem> errors() {
    return problems.stream().filter(InputProblem::isError).toList();
  }

  /** The warnings only. */
  public List<InputProblem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }
}
