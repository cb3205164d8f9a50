package org.backstrat.core.cohort;

import java.util.List;
import java.util.Optional;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;
import org.backstrat.core.io.TableFormat;

/**
 * What reading a cohort file found: the typed cohort when the file has no errors, every problem
 * (errors and warnings) in file order, and how the file was read.
 *
 * @param cohort the cohort, present only when there is no error
 * @param problems every problem found, errors and warnings
 * @param format delimiter and decimal convention detected
 * @param rows number of data rows read
 */
public record CohortReadResult(Optional<Cohort> cohort, List<InputProblem> problems,
                               TableFormat format, int rows) {

  public CohortReadResult {
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

  /** True when the file can be used. */
  public boolean isValid() {
    return cohort.isPresent();
  }

  /** The cohort, or a {@link BadInputException} carrying every error. */
  public Cohort orThrow() {
    return cohort.orElseThrow(() -> new BadInputException(errors()));
  }
}
