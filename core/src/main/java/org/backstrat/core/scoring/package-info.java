/**
 * The score stage (DESIGN.md, "Derived scores"): questionnaire scores (STarT Back Tool,
 * ÖMPSQ short form), imaging summaries (disc degeneration, facet tropism) and the binary LBP
 * outcome, computed from the raw columns of a cohort.
 *
 * <p>Entry point: {@link org.backstrat.core.scoring.CohortScorer}, which appends the derived
 * columns to a {@link org.backstrat.core.cohort.Cohort} and reports skipped groups in a
 * {@link org.backstrat.core.scoring.ScoringResult}. The scoring rules themselves are pure
 * functions on primitives ({@link org.backstrat.core.scoring.StartBackTool},
 * {@link org.backstrat.core.scoring.OmpsqShortForm},
 * {@link org.backstrat.core.scoring.DiscDegeneration},
 * {@link org.backstrat.core.scoring.FacetTropism},
 * {@link org.backstrat.core.scoring.LbpOutcome}) so that the analysis and the {@code assign}
 * stage reuse them for one person or a million. Questionnaire items are keyed by
 * {@link org.backstrat.core.scoring.Construct}, and an
 * {@link org.backstrat.core.scoring.InstrumentMapping} says which input column holds each.
 *
 * <p>Missing rule: a score is missing (NaN) when any item it needs is missing; nothing is
 * imputed.
 */
package org.backstrat.core.scoring;
