package org.backstrat.analysis.pipeline;

import java.util.List;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.analysis.missing.ChainedImputation;
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
    List<double[][]> sets = List.of();
    if (config.imputations() > 0) {
      sets = multiplyImpute(ctx, enc);
      x = sets.get(0);
    } else if (!completeCase) {
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
    return new VariantFeatures(enc, x, sets);
  }

  /**
   * Multiple imputation by chained equations of the variant's encoded features (pmm for
   * numeric and ordinal columns, logistic regression for 0/1 columns), m sets. Its seed is
   * derived from the config seed by a fixed tag, so it draws independently of the eight
   * {@link org.backstrat.core.RandomStream} streams.
   */
  private static List<double[][]> multiplyImpute(VariantContext ctx, EncodedFeatures enc) {
    AnalysisConfig config = ctx.config();
    double[][] x = enc.matrix();
    ChainedImputation.Kind[] kinds = new ChainedImputation.Kind[enc.width()];
    for (int j = 0; j < kinds.length; j++) {
      boolean binary = true;
      for (double[] row : x) {
        binary &= Double.isNaN(row[j]) || row[j] == 0 || row[j] == 1;
      }
      kinds[j] = binary ? ChainedImputation.Kind.BINARY : ChainedImputation.Kind.NUMERIC;
      boolean observed = false;
      for (double[] row : x) {
        observed |= !Double.isNaN(row[j]);
      }
      if (!observed) {
        throw new BadInputException(ctx.scored().source() + ": variant " + ctx.name()
            + ": feature column " + enc.columns().get(j) + " has no observed value; expected at"
            + " least some people with it to impute the others");
      }
    }
    ctx.progress().step(ctx.name() + ": multiple imputation, " + config.imputations()
        + " sets");
    long seed = new java.util.SplittableRandom(config.seed() ^ MICE_SEED_TAG).nextLong();
    return ChainedImputation.builder().imputations(config.imputations()).seed(seed).build()
        .impute(x, kinds);
  }

  /** XOR-ed into the config seed for the imputation's generator ("MICE"). */
  private static final long MICE_SEED_TAG = 0x4D494345L;
}
