package org.backstrat.analysis.pipeline;

import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.analysis.validation.MedianImputationFitter;
import org.backstrat.core.BadInputException;
import org.backstrat.model.features.EncodedFeatures;
import org.backstrat.model.features.FeatureEncoder;

/**
 * Stage 1, features: encodes the variant's features from the scored cohort with the
 * missing-data policy (complete-case: people missing a feature are left out and counted per
 * feature; impute: median imputation), and checks that enough people remain to form the
 * smallest K considered.
 */
public final class FeatureStage {
  private FeatureStage() {
  }

  /**
   * Runs the stage.
   *
   * @throws BadInputException when fewer than twice the smallest K people have every feature
   */
  public static VariantFeatures run(VariantContext ctx) {
    AnalysisConfig config = ctx.config();
    boolean completeCase = config.missing().equals("complete-case");
    EncodedFeatures enc = FeatureEncoder.encode(ctx.scored(), ctx.name(),
        ctx.variant().features(), completeCase);
    double[][] x = enc.matrix();
    if (!completeCase) {
      x = MedianImputationFitter.withoutIndicators().fit(x).applyAll(x);
    }
    int n = x.length;
    int smallestK = config.chooseK() ? config.kMin() : config.k();
    if (n < Math.max(2, smallestK) * 2) {
      throw new BadInputException(ctx.scored().source() + ": variant " + ctx.name() + ": only "
          + n + " people have every feature " + ctx.variant().featureNames() + " ("
          + enc.excludedTotal() + " left out for missing values); expected at least "
          + Math.max(2, smallestK) * 2 + " to form " + smallestK + " strata");
    }
    if (enc.excludedTotal() > 0) {
      ctx.note(enc.excludedTotal() + " people left out for missing features "
          + enc.excludedByFeature());
    }
    return new VariantFeatures(enc, x);
  }
}
