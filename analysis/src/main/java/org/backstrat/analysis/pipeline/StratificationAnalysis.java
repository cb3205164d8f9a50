package org.backstrat.analysis.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.analysis.config.VariantConfig;
import org.backstrat.core.BadInputException;
import org.backstrat.core.Progress;
import org.backstrat.core.cohort.Cohort;

/**
 * The {@code analyze} stage as a library call: for each variant of the config, encode the
 * features of a scored cohort, cluster them robustly with K chosen by the documented rule, name
 * the strata, characterise them with between-stratum tests, validate them by repeated
 * cross-validated multinomial logistic regression (beside a questionnaire-only model) and compute
 * decision curves from out-of-fold stratum risks. Deterministic for a given config seed.
 */
public final class StratificationAnalysis {
  private final AnalysisConfig config;
  private final Progress progress;
  private final int threads;

  private StratificationAnalysis(AnalysisConfig config, Progress progress, int threads) {
    this.config = config;
    this.progress = progress;
    this.threads = threads;
  }

  /** An analysis with these settings, all cores, no progress reporting. */
  public static StratificationAnalysis of(AnalysisConfig config) {
    return new StratificationAnalysis(config, Progress.NONE,
        Runtime.getRuntime().availableProcessors());
  }

  /** A copy reporting progress. */
  public StratificationAnalysis withProgress(Progress p) {
    return new StratificationAnalysis(config, p, threads);
  }

  /** A copy with another thread count (results do not depend on it). */
  public StratificationAnalysis withThreads(int t) {
    if (t < 1) {
      throw new IllegalArgumentException("threads >= 1");
    }
    return new StratificationAnalysis(config, progress, t);
  }

  /**
   * Runs every variant whose features the scored cohort has. The features of every variant are
   * encoded (and their missing values counted or imputed) before any variant is clustered, so
   * that a table no variant can use, or a variant with too few complete people, is refused
   * before minutes of computing rather than after.
   */
  public StratificationResult run(Cohort scored) {
    List<VariantContext> contexts = new ArrayList<>();
    List<VariantFeatures> inputs = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (VariantConfig v : config.variants()) {
      List<String> absent = v.featureNames().stream().filter(f -> !scored.has(f)).toList();
      if (!absent.isEmpty()) {
        skipped.add(v.name() + ": the cohort has no " + String.join(", ", absent));
        continue;
      }
      VariantContext ctx = new VariantContext(config, v, scored, progress, threads);
      contexts.add(ctx);
      inputs.add(FeatureStage.run(ctx));
    }
    if (contexts.isEmpty()) {
      throw new BadInputException(scored.source() + ": no variant can be analysed: "
          + String.join("; ", skipped));
    }
    List<VariantAnalysis> done = new ArrayList<>();
    for (int i = 0; i < contexts.size(); i++) {
      done.add(runStages(contexts.get(i), inputs.get(i)));
    }
    return new StratificationResult(config, scored, done, skipped);
  }

  /**
   * Runs one variant: the stages in order, each a typed step reading the results it needs from
   * the earlier ones. To add a stage, write its result record and its {@code XStage.run} (see the
   * package documentation), call it here at its place, and add its result to
   * {@link VariantAnalysis}.
   */
  public VariantAnalysis runVariant(Cohort scored, VariantConfig variant) {
    VariantContext ctx = new VariantContext(config, variant, scored, progress, threads);
    return runStages(ctx, FeatureStage.run(ctx));
  }

  private VariantAnalysis runStages(VariantContext ctx, VariantFeatures features) {
    VariantConfig variant = ctx.variant();
    KChoice choice = KSelectionStage.run(ctx, features);
    StrataFit fit = ConsensusStage.run(ctx, features, choice,
        FitStage.run(ctx, features, choice));
    StrataEvidence evidence = EvidenceStage.run(ctx, features, choice, fit);
    Characterisation characterisation = CharacteriseStage.run(ctx, features, fit);
    StrataValidation validation = ValidationStage.run(ctx, features, fit);
    FallbackFit fallback = FallbackStage.run(ctx, features, fit);
    DecisionCurveOutcome curves = DecisionCurveStage.run(ctx, fit);
    Optional<OutcomeAssociation> odds = OutcomeAssociationStage.run(ctx, fit);
    return new VariantAnalysis(variant, features, choice, fit, evidence, characterisation,
        validation, fallback, curves, odds, ctx.notes());
  }
}
