package org.backstrat.cluster.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.backstrat.cluster.Planted;
import org.backstrat.cluster.kmeans.ClusterMethod;
import org.backstrat.cluster.kmeans.Clusterer;
import org.junit.jupiter.api.Test;

class BootstrapStabilityTest {

  @Property(tries = 50)
  void resampleRowsAreTheDistinctDrawsInIncreasingOrder(@ForAll @IntRange(min = 1, max = 400) int n,
                                                        @ForAll long seed) {
    int[] rows = BootstrapStability.distinctDraw(n, new SplittableRandom(seed));
    SplittableRandom same = new SplittableRandom(seed);
    boolean[] drawn = new boolean[n];
    for (int r = 0; r < n; r++) {
      drawn[same.nextInt(n)] = true;
    }
    int p = 0;
    for (int i = 0; i < n; i++) {
      if (drawn[i]) {
        assertThat(rows[p++]).isEqualTo(i);
      }
    }
    assertThat(rows).hasSize(p);
  }

  @Test
  void identicalBootstrapClusteringScoresOneWhateverTheNumbering() {
    Partition original = new Partition(new int[] {0, 0, 1, 1, 2, 2}, 3);
    int[] rows = {0, 2, 3, 4, 5};
    int[] boot = {2, 0, 0, 1, 1}; // same groups, other numbers
    assertThat(BootstrapStability.jaccards(original, rows, boot, 3)).containsExactly(1, 1, 1);
  }

  @Test
  void clusterAbsentFromTheResampleScoresZeroAsInClusterboot() {
    Partition original = new Partition(new int[] {0, 0, 0, 1}, 2);
    int[] rows = {0, 1, 2}; // row 3, all of cluster 1, was not drawn
    assertThat(BootstrapStability.jaccards(original, rows, new int[] {0, 0, 1}, 2))
        .containsExactly(2.0 / 3, 0);
  }

  @Test
  void trimmedRowsBelongToNoClusterOnEitherSide() {
    // original: rows 0-2 in cluster 0, row 3 trimmed; bootstrap trims row 2 and keeps row 3
    Partition original = new Partition(new int[] {0, 0, 0, -1}, 1);
    int[] rows = {0, 1, 2, 3};
    double[] j = BootstrapStability.jaccards(original, rows, new int[] {0, 0, -1, 0}, 1);
    // C* = {0,1,2}, D = {0,1,3}: 2 shared of 4
    assertThat(j).containsExactly(0.5);
  }

  @Test
  void meanJaccardIsIdenticalWhateverTheThreadCount() {
    Planted p = Planted.mixture(4, new double[][] {{0, 0}, {6, 0}, {0, 6}}, 40, 1.0, 3, 15, 20);
    Clusterer c = Clusterer.builder().method(ClusterMethod.TRIMMED).restarts(3).build();
    int[] ks = {2, 3};
    List<Partition> parts = List.of(Partition.of(c.fitScaled(p.data(), 2)),
        Partition.of(c.fitScaled(p.data(), 3)));
    BootstrapStability b = BootstrapStability.withDefaults().withResamples(30).withSeed(8);
    double[][] one = b.withThreads(1).clusterJaccard(p.data(), ks, parts, c);
    double[][] three = b.withThreads(3).clusterJaccard(p.data(), ks, parts, c);
    assertThat(three).isDeepEqualTo(one);
    for (double v : one[1]) { // fewer outliers than trimmed: the planted clusters are highly stable
      assertThat(v).isGreaterThan(BootstrapStability.HIGHLY_STABLE);
    }
  }
}
