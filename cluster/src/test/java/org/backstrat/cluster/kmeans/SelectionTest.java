package org.backstrat.cluster.kmeans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SelectionTest {
  @Test
  void kthSmallestEqualsSortedOrderStatisticIncludingHeavyTies() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + rng.nextInt(300);
      double[] a = new double[n];
      int levels = 1 + rng.nextInt(trial % 2 == 0 ? 3 : 1000);
      for (int i = 0; i < n; i++) {
        a[i] = rng.nextInt(levels) * 0.5;
      }
      double[] sorted = a.clone();
      Arrays.sort(sorted);
      int rank = rng.nextInt(n);
      assertThat(Selection.kthSmallest(a.clone(), n, rank)).isEqualTo(sorted[rank]);
    }
  }
}
