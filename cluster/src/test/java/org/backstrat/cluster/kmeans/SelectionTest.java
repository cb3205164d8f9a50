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

  @Test
  void sampledSelectionOnLargeArraysIsExactAndLeavesTheInputAlone() {
    SplittableRandom rng = new SplittableRandom(9);
    for (int trial = 0; trial < 12; trial++) {
      int n = 65_536 + rng.nextInt(200_000);
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        // heavy ties in half of the trials, a skewed continuous law in the others
        a[i] = trial % 2 == 0 ? rng.nextInt(5) : Math.exp(3 * rng.nextDouble());
      }
      if (trial == 3) {
        Arrays.sort(a); // sorted input: the regular sample is not random
      }
      double[] before = a.clone();
      double[] sorted = a.clone();
      Arrays.sort(sorted);
      for (int rank : new int[] {0, n / 20, n / 2, n - n / 20 - 1, n - 1}) {
        assertThat(Selection.kthSmallest(a, n, rank, new double[n])).isEqualTo(sorted[rank]);
      }
      assertThat(a).isEqualTo(before);
    }
  }
}
