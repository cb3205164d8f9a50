/**
 * The {@code analyze} pipeline: {@link org.backstrat.analysis.pipeline.StratificationAnalysis}
 * runs each variant through named, typed stages, in this order:
 *
 * <ol>
 *   <li>{@link org.backstrat.analysis.pipeline.FeatureStage} → {@link
 *       org.backstrat.analysis.pipeline.VariantFeatures} (encoding, missing data);</li>
 *   <li>{@link org.backstrat.analysis.pipeline.KSelectionStage} → {@link
 *       org.backstrat.analysis.pipeline.KChoice} (scaling, K-selection table, chosen K);</li>
 *   <li>{@link org.backstrat.analysis.pipeline.FitStage} → {@link
 *       org.backstrat.analysis.pipeline.StrataFit} (the chosen K on everyone, kept people);</li>
 *   <li>{@link org.backstrat.analysis.pipeline.EvidenceStage} → {@link
 *       org.backstrat.analysis.pipeline.StrataEvidence} (block-permutation test, prediction
 *       strength, split-half reproducibility);</li>
 *   <li>{@link org.backstrat.analysis.pipeline.CharacteriseStage} → {@link
 *       org.backstrat.analysis.pipeline.Characterisation} (names, tests, profiles);</li>
 *   <li>{@link org.backstrat.analysis.pipeline.ValidationStage} → {@link
 *       org.backstrat.analysis.pipeline.StrataValidation} (repeated cross-validation);</li>
 *   <li>{@link org.backstrat.analysis.pipeline.FallbackStage} → {@link
 *       org.backstrat.analysis.pipeline.FallbackFit} (the model for people without imaging,
 *       frozen into model.json);</li>
 *   <li>{@link org.backstrat.analysis.pipeline.DecisionCurveStage} → {@link
 *       org.backstrat.analysis.pipeline.DecisionCurveOutcome} (decision curves);</li>
 *   <li>{@link org.backstrat.analysis.pipeline.OutcomeAssociationStage} → {@link
 *       org.backstrat.analysis.pipeline.OutcomeAssociation} (odds ratios of the outcome by
 *       stratum; Rubin's rules over the imputed sets with multiple imputation).</li>
 * </ol>
 *
 * <p>Every stage is a final class with one {@code static XResult run(VariantContext ctx, ...)}
 * that takes the earlier results it reads as typed arguments and returns one immutable result
 * record; it reads settings, the cohort, progress and threads from the {@link
 * org.backstrat.analysis.pipeline.VariantContext} and leaves its notes there. Randomness comes
 * from the stage's own {@code RandomStream} of the config seed, so a stage never shifts
 * another's draws.
 *
 * <p><b>Adding a stage</b> (for example a penalised regression, a block-permutation test,
 * prediction strength or Table 1):
 * <ol>
 *   <li>write its result record ({@code PredictionStrength}) and its stage
 *       ({@code PredictionStrengthStage.run(ctx, features, fit)}), with a reference test;</li>
 *   <li>if it draws random numbers, add a stream to {@code core.RandomStream} (append, never
 *       renumber);</li>
 *   <li>call it in {@code StratificationAnalysis.runVariant} after the stages it reads;</li>
 *   <li>add its result as a component of {@link org.backstrat.analysis.pipeline.VariantAnalysis}
 *       (the one place it is constructed is {@code runVariant});</li>
 *   <li>write it out: summary.json and tables in report's {@code AnalysisWriter}, the page in
 *       report's {@code ReportAssembler}.</li>
 * </ol>
 * {@link org.backstrat.analysis.pipeline.StratificationResult#freeze} turns the result into the
 * frozen model.
 */
package org.backstrat.analysis.pipeline;
