package org.backstrat.cluster.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.backstrat.cluster.Planted;
import org.backstrat.cluster.data.FeatureMatrix;
import org.junit.jupiter.api.Test;

/**
 * The large-data paths of trimmed and plain k-means: passes split over threads in fixed row
 * blocks, the sampled bracket for the trim threshold, and selective iteration of restarts.
 */
class LargeDataKMeansTest {
  private static final double[][] CENTERS = {
      {0, 0, 0, 0, 0, 0}, {6, 0, 3, 0, -2, 1}, {2, 7, -3, 1, 0, 4}};

  /** 3 x 76,000 points (sd 1.5, overlapping a little) plus 12,000 gross outliers, shuffled. */
  private static FeatureMatrix large() {
    Planted p = Planted.mixture(5, CENTERS, 76_000, 1.5, 12_000, -40, 40);
    return shuffled(p.data(), 9);
  }

  private static FeatureMatrix shuffled(FeatureMatrix m, long seed) {
    int n = m.rows();
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return m.selectRows(perm);
  }

  private static void assertBitIdentical(ClusterFit a, ClusterFit b) {
    assertThat(Double.doubleToLongBits(b.objective()))
        .isEqualTo(Double.doubleToLongBits(a.objective()));
    assertThat(b.centers()).isDeepEqualTo(a.centers());
    assertThat(b.labels()).isEqualTo(a.labels());
    assertThat(b.outliers()).isEqualTo(a.outliers());
    assertThat(b.distances()).isEqualTo(a.distances());
    assertThat(b.objectiveHistory()).isEqualTo(a.objectiveHistory());
    assertThat(b.iterations()).isEqualTo(a.iterations());
  }

  @Test
  void trimmedFitOnOneAndFourThreadsIsBitIdenticalOn240kRows() {
    FeatureMatrix data = large();
    assertThat(data.rows()).isGreaterThanOrEqualTo(200_000);
    Clusterer c = Clusterer.builder().trimFraction(0.05).restarts(4).seed(11).build();
    ClusterFit one = c.toBuilder().threads(1).build().fitScaled(data, 3);
    ClusterFit four = c.toBuilder().threads(4).build().fitScaled(data, 3);
    assertBitIdentical(one, four);
    assertThat(one.outlierCount()).isEqualTo((int) Math.floor(0.05 * data.rows()));
  }

  @Test
  void plainKMeansOnOneAndThreeThreadsIsBitIdenticalOn240kRows() {
    FeatureMatrix data = large();
    Clusterer c = Clusterer.builder().method(ClusterMethod.KMEANS).restarts(3)
        .seed(4).build();
    assertBitIdentical(c.toBuilder().threads(1).build().fitScaled(data, 4),
        c.toBuilder().threads(3).build().fitScaled(data, 4));
  }

  @Test
  void trimOnLargeDataWithManyTiesTrimsExactlyFloorAlphaNAndKeepsTheLowestTiedRows() {
    // binary data: few distinct distances, so the threshold falls inside a large group of ties
    SplittableRandom rng = new SplittableRandom(3);
    int n = 100_000;
    int d = 4;
    double[] v = new double[n * d];
    for (int p = 0; p < v.length; p++) {
      v[p] = rng.nextDouble() < 0.3 ? 1 : 0;
    }
    FeatureMatrix data = FeatureMatrix.wrap(n, d, v, FeatureMatrix.defaultNames(d));
    Clusterer c = Clusterer.builder().trimFraction(0.1).restarts(3).seed(2).build();
    ClusterFit one = c.toBuilder().threads(1).build().fitScaled(data, 2);
    assertBitIdentical(one, c.toBuilder().threads(2).build().fitScaled(data, 2));
    assertThat(one.outlierCount()).isEqualTo(10_000);
    double radius = one.trimRadius();
    boolean seenTrimmedTie = false;
    int keptAtRadius = 0;
    for (int i = 0; i < n; i++) {
      if (one.outlier(i)) {
        assertThat(one.distance(i)).isGreaterThanOrEqualTo(radius);
        seenTrimmedTie |= one.distance(i) == radius;
      } else if (one.distance(i) == radius) {
        keptAtRadius++;
        assertThat(seenTrimmedTie).as("kept tie at row %d after a trimmed tie", i).isFalse();
      }
    }
    assertThat(keptAtRadius).isPositive();
  }

  @Test
  void selectiveIterationReachesTheSameOptimumAsIteratingEveryRestart() {
    FeatureMatrix data = large();
    // tolerance 0: both iterate until no point changes (up to rounding, the same fixed point)
    Clusterer c = Clusterer.builder().trimFraction(0.05).restarts(10).seed(3)
        .tolerance(0).build();
    assertThat(c.restartsKept(data.rows())).isEqualTo(2);
    ClusterFit selective = c.fitScaled(data, 3);
    ClusterFit all = c.toBuilder().keepBest(10).build().fitScaled(data, 3);
    assertThat(selective.objective()).isCloseTo(all.objective(), within(1e-9 * all.objective()));
    int differ = 0;
    for (int i = 0; i < data.rows(); i++) {
      differ += selective.label(i) != all.label(i) ? 1 : 0;
    }
    assertThat(differ).as("rows labelled differently").isLessThan(data.rows() / 1000);
    assertThat(selective.iterations()).isLessThanOrEqualTo(all.iterations() + 1);
    double[] h = selective.objectiveHistory();
    for (int t = 1; t < h.length; t++) {
      assertThat(h[t]).isLessThanOrEqualTo(h[t - 1] * (1 + 1e-12));
    }
  }

  @Test
  void restartsKeptIsAllUpTo100kRowsAndAFifthAtLeastTwoAbove() {
    Clusterer c = Clusterer.builder().restarts(10).build();
    assertThat(c.restartsKept(Clusterer.SELECTIVE_ITERATION_ROWS)).isEqualTo(10);
    assertThat(c.restartsKept(Clusterer.SELECTIVE_ITERATION_ROWS + 1)).isEqualTo(2);
    assertThat(c.toBuilder().restarts(100).build().restartsKept(1_000_000)).isEqualTo(20);
    assertThat(c.toBuilder().restarts(1).build().restartsKept(1_000_000)).isEqualTo(1);
    assertThat(c.toBuilder().keepBest(3).build().restartsKept(50)).isEqualTo(3);
    assertThat(c.toBuilder().keepBest(30).build().restartsKept(50)).isEqualTo(10);
  }
}
