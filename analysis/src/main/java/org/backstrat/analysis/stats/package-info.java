/**
 * Statistics for characterising strata: between-group tests, post-hoc comparisons, multiple
 * testing adjustment and descriptive tables, checked against R on committed reference fixtures
 * (see {@code src/test/resources/reference/stats/stats_reference.R}).
 *
 * <p>Each test is one small final class in the style of Apache Commons Statistics: an immutable
 * instance from {@code withDefaults()}, option copies from {@code with(...)}, and a nested
 * {@code Result} record: {@link org.backstrat.analysis.stats.KruskalWallis},
 * {@link org.backstrat.analysis.stats.DunnTest},
 * {@link org.backstrat.analysis.stats.ChiSquareIndependence},
 * {@link org.backstrat.analysis.stats.FisherFreemanHalton} and
 * {@link org.backstrat.analysis.stats.CategoricalAssociation} (chi-square switching to the exact
 * test by {@link org.backstrat.analysis.stats.ExactTestRule}).
 * {@link org.backstrat.analysis.stats.PValueAdjustment} reproduces R's {@code p.adjust};
 * {@link org.backstrat.analysis.stats.NumericSummary} and
 * {@link org.backstrat.analysis.stats.LevelCounts} are the descriptive tables.
 *
 * <p>{@link org.backstrat.analysis.stats.StratumComparison} is the façade the characterisation
 * stage calls: one typed row per variable, family adjustment, pairwise post-hoc rows.
 *
 * <p>Conventions shared by every class: NaN is a missing value and is left out; a negative group
 * label means "in no group" (for example a trimmed outlier) and is left out; groups, rows and
 * columns without members are dropped; unusable input (length mismatch, fewer than two groups,
 * negative counts) raises {@link org.backstrat.core.BadInputException}.
 */
package org.backstrat.analysis.stats;
