package org.backstrat.analysis.pipeline;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded simple random subsamples, the large-n strategies' way to pick people. */
final class Subsample {
  private Subsample() {
  }

  /** {@code size} distinct indices of 0..n-1 (partial Fisher-Yates), in increasing order. */
  static int[] indices(int n, int size, long seed) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < size; i++) {
      int j = i + rng.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] out = Arrays.copyOf(idx, size);
    Arrays.sort(out);
    return out;
  }
}
