package org.backstrat.analysis.pipeline;

import java.util.Optional;
import org.backstrat.analysis.dca.StratificationDecisionCurves;

/**
 * The decision-curve stage's result.
 *
 * @param curves the decision curves, when the cohort has the outcome column
 * @param people people in the decision-curve analysis (kept, with the outcome and every
 *     available comparator known); 0 without curves
 */
public record DecisionCurveOutcome(Optional<StratificationDecisionCurves.Result> curves,
                                   int people) {
}
