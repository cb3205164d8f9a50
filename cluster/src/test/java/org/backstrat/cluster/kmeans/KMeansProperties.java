package org.backstrat.cluster.kmeans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.backstrat.cluster.Planted;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.data.Scaler;

class KMeansProperties {

  private static Planted separated(long seed) {
    double[][] centers = {{0, 0, 0}, {12, 0, 3}, {4, 11, -5}};
    return Planted.mixture(seed, centers, 40, 1.0, 6, 30, 60);
  }

  @Property(tries = 30)
  void objectiveNeverIncreasesAcrossIterations(@ForAll long seed,
                                               @ForAll @IntRange(min = 1, max = 6) int k,
                                               @ForAll @DoubleRange(min = 0, max = 0.3) double alpha) {
    ClusterFit fit = Clusterer.builder().trimFraction(alpha).restarts(1)
        .seed(seed).tolerance(0).threads(1).build().fitScaled(unstructured(seed, 4), k);
    assertObjectiveNeverIncreases(fit);
  }

  /** Overlapping, unstructured data (150 rows) so that restarts take several steps. */
  private static FeatureMatrix unstructured(long seed, int d) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] rows = new double[150][d];
    for (double[] r : rows) {
      for (int j = 0; j < d; j++) {
        r[j] = rng.nextDouble() * (j + 1);
      }
    }
    return FeatureMatrix.of(rows);
  }

  private static void assertObjectiveNeverIncreases(ClusterFit fit) {
    double[] h = fit.objectiveHistory();
    for (int t = 1; t < h.length; t++) {
      assertThat(h[t]).isLessThanOrEqualTo(h[t - 1] * (1 + 1e-12));
    }
    assertThat(fit.objective()).isLessThanOrEqualTo(h[h.length - 1] * (1 + 1e-12));
  }

  @Property(tries = 30)
  void objectiveNeverIncreasesUnderSelectiveIteration(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int k,
      @ForAll @IntRange(min = 1, max = 4) int shortSteps,
      @ForAll @DoubleRange(min = 0, max = 0.3) double alpha) {
    FeatureMatrix data = unstructured(seed, 3);
    Clusterer all = Clusterer.builder().trimFraction(alpha).restarts(6)
        .seed(seed).tolerance(0).threads(1).build();
    ClusterFit fit = all.toBuilder().shortSteps(shortSteps).keepBest(2).build().fitScaled(data, k);
    assertObjectiveNeverIncreases(fit);
    // the kept restarts are iterated to convergence: never worse than the best short run alone
    ClusterFit shortOnly = all.toBuilder().shortSteps(shortSteps).keepBest(1)
        .maxIterations(shortSteps).build().fitScaled(data, k);
    assertThat(fit.objective()).isLessThanOrEqualTo(shortOnly.objective() * (1 + 1e-12));
  }

  @Property(tries = 15)
  void rowPermutationDoesNotChangeThePartition(@ForAll long seed) {
    Planted p = separated(seed);
    FeatureMatrix data = p.data();
    int n = data.rows();
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    Clusterer c = Clusterer.builder().restarts(10).threads(1).build();
    ClusterFit a = c.fitScaled(data, 3);
    ClusterFit b = c.fitScaled(data.selectRows(perm), 3);
    for (int i = 0; i < n; i++) {
      assertThat(b.label(i)).isEqualTo(a.label(perm[i]));
      assertThat(b.outlier(i)).isEqualTo(a.outlier(perm[i]));
    }
    assertThat(b.objective()).isCloseTo(a.objective(), org.assertj.core.data.Offset.offset(1e-9 * a.objective()));
  }

  @Property(tries = 15)
  void standardisedClusteringIgnoresAffineRescalingOfColumns(
      @ForAll long seed, @ForAll @DoubleRange(min = 0.01, max = 100) double factor,
      @ForAll @DoubleRange(min = -1000, max = 1000) double shift,
      @ForAll boolean robust) {
    Planted p = separated(seed);
    FeatureMatrix data = p.data();
    double[][] rows = new double[data.rows()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = data.row(i);
      rows[i][1] = rows[i][1] * factor + shift;
    }
    FeatureMatrix rescaled = FeatureMatrix.of(rows);
    ScaleMethod method = robust ? ScaleMethod.ROBUST : ScaleMethod.ZSCORE;
    Clusterer c = Clusterer.builder().restarts(10).threads(1).build();
    ClusterFit a = c.fit(data, Scaler.fit(data, method), 3).fit();
    ClusterFit b = c.fit(rescaled, Scaler.fit(rescaled, method), 3).fit();
    assertThat(samePartition(a, b)).isTrue();
  }

  @Property(tries = 15)
  void unscaledClusteringIgnoresUniformScalingAndTranslation(
      @ForAll long seed, @ForAll @DoubleRange(min = 0.01, max = 1000) double factor) {
    Planted p = separated(seed);
    FeatureMatrix data = p.data();
    double[][] rows = new double[data.rows()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = data.row(i);
      for (int j = 0; j < rows[i].length; j++) {
        rows[i][j] = rows[i][j] * factor + 7;
      }
    }
    Clusterer c = Clusterer.builder().restarts(10).threads(1).build();
    ClusterFit a = c.fitScaled(data, 3);
    ClusterFit b = c.fitScaled(FeatureMatrix.of(rows), 3);
    assertThat(samePartition(a, b)).isTrue();
    assertThat(b.objective()).isCloseTo(a.objective() * factor * factor,
        org.assertj.core.data.Offset.offset(1e-6 * b.objective()));
  }

  /** Same kept partition up to renumbering, and same outliers. */
  static boolean samePartition(ClusterFit a, ClusterFit b) {
    Map<Integer, Integer> map = new HashMap<>();
    for (int i = 0; i < a.rows(); i++) {
      if (a.outlier(i) != b.outlier(i)) {
        return false;
      }
      Integer prev = map.putIfAbsent(a.label(i), b.label(i));
      if (prev != null && prev != b.label(i)) {
        return false;
      }
    }
    return true;
  }
}
