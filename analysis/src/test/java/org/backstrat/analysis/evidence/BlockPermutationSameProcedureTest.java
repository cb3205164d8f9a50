package org.backstrat.analysis.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.kmeans.Clusterer;
import org.junit.jupiter.api.Test;

/**
 * The permutation test is exact only when the observed statistic comes from exactly the same
 * procedure as every permuted one (the same restarts and seeds): then permutations that leave
 * the data as they are must reproduce the observed statistic bit for bit, with few restarts
 * (where different restart counts or seeds reach different local optima) and on any number of
 * threads.
 */
class BlockPermutationSameProcedureTest {

  /** Four overlapping blobs in 4 columns, two domains of two columns. */
  private static FeatureMatrix blobs() {
    SplittableRandom r = new SplittableRandom(3);
    int n = 240;
    double[][] x = new double[n][4];
    for (int i = 0; i < n; i++) {
      int g = i % 4;
      for (int j = 0; j < 4; j++) {
        x[i][j] = (g == j ? 1.5 : 0) + r.nextGaussian();
      }
    }
    return FeatureMatrix.of(x);
  }

  @Test
  void identityPermutationsReproduceTheObservedStatisticWithFewRestarts() {
    FeatureMatrix m = blobs();
    int[][] domains = {{0, 1}, {2, 3}};
    int[] identity = new int[m.rows()];
    for (int i = 0; i < identity.length; i++) {
      identity[i] = i;
    }
    for (int restarts : new int[] {1, 2, 5}) {
      Clusterer c = Clusterer.builder().restarts(restarts).seed(11).threads(4).build();
      BlockPermutationTest.Result r = BlockPermutationTest.run(m, domains,
          b -> new int[][] {identity, identity}, c, 4, 19, 3);
      for (double v : r.permuted()) {
        assertThat(v).as("%d restarts", restarts).isEqualTo(r.observed());
      }
      assertThat(r.pValue()).isEqualTo(1.0);
    }
  }

  @Test
  void theTestDependsOnTheRestartsAndNotOnTheThreads() {
    FeatureMatrix m = blobs();
    int[][] domains = {{0, 1}, {2, 3}};
    Clusterer few = Clusterer.builder().restarts(3).seed(11).threads(1).build();
    BlockPermutationTest.Result one = BlockPermutationTest.run(m, domains, few, 4, 19, 5L, 1);
    BlockPermutationTest.Result three = BlockPermutationTest.run(m, domains,
        few.toBuilder().threads(3).build(), 4, 19, 5L, 3);
    assertThat(three.observed()).isEqualTo(one.observed());
    assertThat(three.permuted()).isEqualTo(one.permuted());
    assertThat(three.pValue()).isEqualTo(one.pValue());
  }
}
