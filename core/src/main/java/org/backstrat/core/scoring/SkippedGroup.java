package org.backstrat.core.scoring;

import java.util.List;

/**
 * A group of derived scores the score stage did not compute because none of its raw columns is
 * in the cohort (for example imaging columns, when biomarkers come from the imaging stage).
 *
 * @param group the group skipped
 * @param absentColumns the raw columns it would have needed
 */
public record SkippedGroup(ScoreGroup group, List<String> absentColumns) {

  public SkippedGroup {
    absentColumns = List.copyOf(absentColumns);
  }

  /** One readable line for the command line, e.g. {@code facet tropism scores skipped: …}. */
  public String message() {
    return group.displayName() + " skipped: the cohort has none of the columns "
        + String.join(", ", absentColumns);
  }
}
