package org.backstrat.analysis.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.analysis.evidence.BlockPermutationTest;
import org.backstrat.analysis.evidence.PredictionStrength;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.core.RandomStream;

/**
 * Stage 3b, evidence that is not circular: the block-permutation test of the strata (each data
 * domain shuffled across people on its own: the variant's questionnaire scores as one domain,
 * its imaging features as another, and every other feature — BMI, smoking, sex — as its own;
 * {@code permutations} permutations from {@link RandomStream#BLOCK_PERMUTATION}), and
 * prediction strength with split-half reproducibility for every K considered
 * ({@value #SPLITS} random splits from {@link RandomStream#SPLIT_HALF}), all clustered with the
 * variant's own settings except the number of restarts, which is {@code evidence_restarts}
 * (see {@link #clusterer}). Above {@code selection_sample} people both run on the people K was
 * chosen on.
 */
public final class EvidenceStage {
  /** Random splits per K of the prediction strength (fpc's default M is 50). */
  public static final int SPLITS = 20;

  private EvidenceStage() {
  }

  /** Runs the stage. */
  public static StrataEvidence run(VariantContext ctx, VariantFeatures features, KChoice choice,
                                   StrataFit fit) {
    AnalysisConfig config = ctx.config();
    FeatureMatrix scaled = choice.scaler().transform(choice.raw());
    if (choice.sample().isPresent()) {
      scaled = scaled.selectRows(choice.sample().get());
    }
    int k = fit.k();
    Clusterer clusterer = clusterer(choice, config);
    Optional<BlockPermutationTest.Result> test = Optional.empty();
    if (config.permutations() > 0) {
      ctx.progress().step(ctx.name() + ": block-permutation test (" + config.permutations()
          + " permutations, " + clusterer.restarts() + " restarts per clustering)");
      test = Optional.of(BlockPermutationTest.run(scaled, domains(ctx, features),
          clusterer, k, config.permutations(),
          RandomStream.BLOCK_PERMUTATION.seed(config.seed()), ctx.threads()));
    }
    int[] ks = config.chooseK() ? IntStream.rangeClosed(config.kMin(), config.kMax()).toArray()
        : new int[] {k};
    ctx.progress().step(ctx.name() + ": prediction strength (" + SPLITS + " splits per K)");
    List<PredictionStrength.Result> ps = PredictionStrength.run(scaled, clusterer, ks,
        SPLITS, RandomStream.SPLIT_HALF.seed(config.seed()), ctx.threads());
    return new StrataEvidence(test, ps, SPLITS, scaled.rows(), clusterer.restarts());
  }

  /**
   * The variant's clustering settings with {@code evidence_restarts} restarts: the block
   * permutations re-cluster the data 2 × (B + 1) times (K and one cluster, observed and every
   * permutation) and prediction strength 2 × splits times per K, so the analysis's own restarts
   * (100 by default) would make this stage most of the run. The permutation test stays exact
   * with any number of restarts, because the observed statistic is computed by exactly the same
   * procedure (same restarts, same seeds) as every permuted one; fewer restarts can only find a
   * worse local optimum for the observed and the permuted data alike.
   */
  static Clusterer clusterer(KChoice choice, AnalysisConfig config) {
    return choice.clusterer().toBuilder().restarts(config.evidenceRestarts()).build();
  }

  /**
   * The data domains as encoded columns: the questionnaire scores, the imaging features, then
   * every other feature on its own.
   */
  static int[][] domains(VariantContext ctx, VariantFeatures features) {
    List<int[]> out = new ArrayList<>();
    List<String> psy = ctx.variant().psychosocial();
    List<String> img = ctx.variant().imaging();
    if (!psy.isEmpty()) {
      out.add(features.columnsOf(psy));
    }
    if (!img.isEmpty()) {
      out.add(features.columnsOf(img));
    }
    for (String f : ctx.variant().featureNames()) {
      if (!psy.contains(f) && !img.contains(f)) {
        out.add(features.columnsOf(List.of(f)));
      }
    }
    return out.stream().filter(d -> d.length > 0).toArray(int[][]::new);
  }
}
