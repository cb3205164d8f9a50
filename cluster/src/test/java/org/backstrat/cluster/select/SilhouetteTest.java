package org.backstrat.cluster.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.backstrat.cluster.Planted;
import org.backstrat.cluster.data.FeatureMatrix;
import org.junit.jupiter.api.Test;

class SilhouetteTest {
  private static final double[][] CENTERS = {{0, 0}, {4, 0}, {0, 4}};

  @Test
  void sampledEstimateIsWithinItsErrorBoundOfTheExactValue() {
    // unequal clusters: the stratified sample must still represent the small one
    Planted big = Planted.mixture(1, CENTERS, 1000, 1.2, 0, 0, 0);
    int[] truth = big.truth().clone();
    int[] keep = new int[2100];
    for (int i = 0, q = 0; i < truth.length && q < keep.length; i++) {
      if (truth[i] != 2 || i % 10 == 0) {
        keep[q++] = i;
      }
    }
    FeatureMatrix data = big.data().selectRows(keep);
    int[] labels = new int[keep.length];
    for (int q = 0; q < keep.length; q++) {
      labels[q] = truth[keep[q]];
    }
    Partition p = new Partition(labels, 3);
    Silhouette.Result exact = Silhouette.withDefaults().of(data, p);
    Silhouette.Result est = Silhouette.withDefaults().withExactLimit(1000).withSampleSize(300)
        .of(data, p);
    assertThat(exact.exact()).isTrue();
    assertThat(est.exact()).isFalse();
    assertThat(est.rowsUsed()).isLessThan(400);
    assertThat(est.errorBound()).isPositive().isLessThan(0.05);
    assertThat(est.average()).isCloseTo(exact.average(), within(1.5 * est.errorBound()));
    assertThat(est.clusterAverages()[2]).isCloseTo(exact.clusterAverages()[2], within(0.1));
  }

  @Test
  void singletonClusterHasWidthZeroAndLeftOutRowsAreIgnored() {
    FeatureMatrix m = FeatureMatrix.of(new double[][] {{0}, {1}, {10}, {100}});
    // R: mean(silhouette(c(1,1,2), dist(c(0,1,10)))[, 3]) = (0.9 + 0.888889 + 0) / 3
    Silhouette.Result r = Silhouette.withDefaults().of(m, new Partition(new int[] {0, 0, 1, -1}, 2));
    assertThat(r.average()).isCloseTo((0.9 + 8.0 / 9.0) / 3, within(1e-12));
  }
}
