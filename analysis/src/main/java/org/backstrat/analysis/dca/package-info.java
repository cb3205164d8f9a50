/**
 * Decision curve analysis (Vickers &amp; Elkin 2006) with the conventions of the R package
 * dcurves, whose published example values the tests reproduce.
 *
 * <p>{@link org.backstrat.analysis.dca.DecisionCurveAnalysis} computes net benefit curves on an
 * exact decimal {@link org.backstrat.analysis.dca.ThresholdGrid};
 * {@link org.backstrat.analysis.dca.DecisionCurveBootstrap} adds percentile bands;
 * {@link org.backstrat.analysis.dca.SuperiorRanges} finds where a model beats treat-all and
 * treat-none; {@link org.backstrat.analysis.dca.StratificationDecisionCurves} judges a
 * stratification through out-of-fold stratum risks; {@link org.backstrat.analysis.dca.DcaJob} is
 * the generic CSV-in, CSV-out job behind {@code backstrat dca}.
 */
package org.backstrat.analysis.dca;
