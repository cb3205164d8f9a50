package org.backstrat.core.scoring;

import java.util.List;
import org.backstrat.core.cohort.Cohort;

/**
 * What the score stage produced: the cohort with the derived columns appended, the groups
 * computed and the groups skipped for lack of raw columns (so the command line can say so).
 *
 * @param cohort the input cohort plus the derived columns of every scored group
 * @param scored groups computed, in output order
 * @param skipped groups skipped, in output order
 */
public record ScoringResult(Cohort cohort, List<ScoreGroup> scored, List<SkippedGroup> skipped) {

  public ScoringResult {
    scored = List.copyOf(scored);
    skipped = List.copyOf(skipped);
  }
}
