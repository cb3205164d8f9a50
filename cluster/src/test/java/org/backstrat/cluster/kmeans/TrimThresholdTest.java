package org.backstrat.cluster.kmeans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * On small data the trim threshold is found among the distances near the previous step's
 * threshold (a guess kept in the workspace); the trim must be the same whatever that guess was
 * (none, far too low, far too high, exact), ties at the threshold included: exactly the
 * {@code floor(alpha n)} largest distances trimmed, the lowest rows kept among equal ones.
 */
class TrimThresholdTest {

  @Test
  void trimDoesNotDependOnThePreviousThresholdKeptAsAGuess() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int trial = 0; trial < 60; trial++) {
      int n = 20 + rng.nextInt(3000);
      int d = 1 + rng.nextInt(4);
      int k = 1 + rng.nextInt(4);
      boolean ties = trial % 2 == 0; // few distinct values: many rows exactly at the threshold
      double[] x = new double[n * d];
      for (int i = 0; i < x.length; i++) {
        x[i] = ties ? rng.nextInt(3) : rng.nextGaussian() * (1 + 5 * rng.nextInt(2));
      }
      int trimCount = (int) Math.floor(0.05 * n);
      double[] c = new double[k * d];
      for (int i = 0; i < c.length; i++) {
        c[i] = ties ? rng.nextInt(3) : rng.nextGaussian();
      }
      LloydEngine engine = new LloydEngine(x, n, d, k, trimCount, 100, 1e-7);
      try (RowBlocks rb = new RowBlocks(n, 1)) {
        LloydEngine.Workspace first = new LloydEngine.Workspace(n, k, d);
        double objective = engine.finish(c, first, rb);
        double t = first.threshold;
        double[] d2 = first.d2.clone();
        double[] sorted = d2.clone();
        Arrays.sort(sorted);
        if (trimCount > 0) {
          assertThat(t).isEqualTo(sorted[n - trimCount - 1]);
        }
        int trimmed = 0;
        for (boolean b : first.trimmed) {
          trimmed += b ? 1 : 0;
        }
        assertThat(trimmed).isEqualTo(trimCount);
        for (double guess : new double[] {0, Double.MIN_VALUE, 0.5 * t, 0.95 * t, t, 1.05 * t,
            100 * t + 1}) {
          LloydEngine.Workspace ws = new LloydEngine.Workspace(n, k, d);
          ws.threshold = guess;
          assertThat(engine.finish(c, ws, rb)).isEqualTo(objective);
          assertThat(ws.threshold).isEqualTo(t);
          assertThat(ws.tieCut).isEqualTo(first.tieCut);
          assertThat(ws.trimmed).as("guess %s, trial %d", guess, trial).isEqualTo(first.trimmed);
        }
      }
    }
  }
}
