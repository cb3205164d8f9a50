/**
 * The frozen model: what {@code analyze} hands on so that new people can be placed in its strata
 * without refitting anything and without the analysis or report modules — by the {@code assign}
 * verb, a server or a Spark job.
 *
 * <ul>
 *   <li>{@link org.backstrat.model.FrozenModel} and {@link org.backstrat.model.FrozenVariant}:
 *       the model's parts (provenance, scoring options, per variant the encoding, scaler,
 *       centres, strata and a training summary);</li>
 *   <li>{@link org.backstrat.model.ModelJson}: {@code model.json} (schema
 *       {@code backstrat.model/2}) written deterministically and read with every field and the
 *       consistency of the parts checked;</li>
 *   <li>{@link org.backstrat.model.StratumAssigner}: a scored cohort (a table, or one person
 *       built in memory) to one {@link org.backstrat.model.AssignedRow} per person and variant,
 *       and the {@code assign} CSV; {@link org.backstrat.model.FrozenVariant#place} places one
 *       person's encoded values directly.</li>
 * </ul>
 */
package org.backstrat.model;
