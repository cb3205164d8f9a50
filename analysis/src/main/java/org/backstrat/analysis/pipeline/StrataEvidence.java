package org.backstrat.analysis.pipeline;

import java.util.List;
import java.util.Optional;
import org.backstrat.analysis.evidence.BlockPermutationTest;
import org.backstrat.analysis.evidence.PredictionStrength;

/**
 * The evidence stage's result: what supports the strata without predicting the clustering from
 * its own features.
 *
 * @param blockPermutation the block-permutation test, when {@code permutations} &gt; 0
 * @param predictionStrength prediction strength and split-half ARI per K (every K considered)
 * @param splits random splits behind each prediction strength
 * @param people people the evidence was computed on (a subsample above selection_sample)
 * @param restarts k-means++ restarts of every clustering behind this evidence (the observed
 *     and every permuted statistic alike; {@code evidence_restarts})
 */
public record StrataEvidence(Optional<BlockPermutationTest.Result> blockPermutation,
                             List<PredictionStrength.Result> predictionStrength, int splits,
                             int people, int restarts) {
  public StrataEvidence {
    predictionStrength = List.copyOf(predictionStrength);
  }

  /** The prediction-strength result at K, if computed. */
  public Optional<PredictionStrength.Result> at(int k) {
    return predictionStrength.stream().filter(r -> r.k() == k).findFirst();
  }

  /** Whether the block-permutation test supports the strata at the 5% level. */
  public boolean supported() {
    return blockPermutation.map(r -> r.pValue() < 0.05).orElse(false);
  }
}
