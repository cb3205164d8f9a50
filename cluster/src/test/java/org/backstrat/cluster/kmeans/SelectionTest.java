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

  @Test
  void heapOfTheLargestGivesTheSortedOrderStatisticIncludingTiesAndLeavesTheInputAlone() {
    SplittableRandom rng = new SplittableRandom(6);
    for (int trial = 0; trial < 400; trial++) {
      int n = 1 + rng.nextInt(2000);
      double[] a = new double[n];
      int levels = 1 + rng.nextInt(trial % 2 == 0 ? 3 : 100_000);
      for (int i = 0; i < n; i++) {
        a[i] = rng.nextInt(levels) * 0.25;
      }
      if (trial % 7 == 0) {
        Arrays.sort(a); // ascending input: every value enters the heap
      }
      double[] before = a.clone();
      double[] sorted = a.clone();
      Arrays.sort(sorted);
      int fromTop = 1 + rng.nextInt(Math.max(1, n / 10));
      int rank = n - fromTop;
      assertThat(Selection.fromTop(a, n, rank, new double[n])).isEqualTo(sorted[rank]);
      assertThat(Selection.kthSmallest(a, n, rank, new double[n])).isEqualTo(sorted[rank]);
      assertThat(a).isEqualTo(before);
    }
  }

  @Test
  void onlyRanksInTheTopTenthCountAsNearTheTop() {
    assertThat(Selection.nearTop(1500, 1500 - 75 - 1)).isTrue(); // the default 5% trim
    assertThat(Selection.nearTop(1500, 1500 - 150)).isTrue();
    assertThat(Selection.nearTop(1500, 1500 - 151)).isFalse();
    assertThat(Selection.nearTop(1500, 750)).isFalse();
  }
}
