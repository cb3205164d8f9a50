package org.backstrat.analysis.pipeline;

import java.util.ArrayList;
import java.util.List;
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

  /** Runs every variant whose features the scored cohort has. */
  public StratificationResult run(Cohort scored) {
    List<VariantAnalysis> done = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (VariantConfig v : config.variants()) {
      List<String> absent = v.featureNames().stream().filter(f -> !scored.has(f)).toList();
      if (!absent.isEmpty()) {
        skipped.add(v.name() + ": the cohort has no " + String.join(", ", absent));
        continue;
      }
      done.add(runVariant(scored, v));
    }
    if (done.isEmpty()) {
      throw new BadInputException(scored.source() + ": no variant can be analysed: "
          + String.join("; ", skipped));
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
    VariantFeatures features = FeatureStage.run(ctx);
    KChoice choice = KSelectionStage.run(ctx, features);
    StrataFit fit = FitStage.run(ctx, features, choice);
    StrataEvidence evidence = EvidenceStage.run(ctx, features, choice, fit);
    Characterisation characterisation = CharacteriseStage.run(ctx, features, fit);
    StrataValidation validation = ValidationStage.run(ctx, features, fit);
    FallbackFit fallback = FallbackStage.run(ctx, features, fit);
    DecisionCurveOutcome curves = DecisionCurveStage.run(ctx, fit);
    return new VariantAnalysis(variant, features, choice, fit, evidence, characterisation,
        validation, fallback, curves, ctx.notes());
  }
}
