package org.backstrat.cluster.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;

class RestartsTest {

  /** Uneven task lengths, so that with several threads tasks finish out of order. */
  private static long task(int t) {
    SplittableRandom r = new SplittableRandom(t);
    long s = 0;
    int steps = (t % 7) * 20_000;
    for (int i = 0; i < steps; i++) {
      s += r.nextInt(10);
    }
    return s * 1000 + t;
  }

  @Test
  void resultsComeInTaskOrderForAnyThreadCount() {
    List<Long> one = Restarts.inOrder(200, 1, RestartsTest::task);
    for (int threads : new int[] {2, 3, 8}) {
      assertThat(Restarts.inOrder(200, threads, RestartsTest::task)).isEqualTo(one);
    }
    assertThat(one.get(5) % 1000).isEqualTo(5);
  }

  @Test
  void seededTasksGetTheirSeedAndAScratchOfTheirWorkerForAnyThreadCount() {
    Restarts.Task<long[], Long> task = (r, seed, scratch) -> {
      scratch[0] = seed; // overwrites the scratch; must not leak into other tasks' results
      return task(r) ^ scratch[0];
    };
    List<Long> one = Restarts.runAll(100, 42L, 1, () -> new long[1], task);
    long[] seeds = Restarts.seeds(42L, 100);
    for (int r = 0; r < 100; r++) {
      assertThat(one.get(r)).isEqualTo(task(r) ^ seeds[r]);
    }
    for (int threads : new int[] {2, 5}) {
      assertThat(Restarts.runAll(100, 42L, threads, () -> new long[1], task)).isEqualTo(one);
    }
  }

  @Test
  void fewerThanOneThreadIsRefused() {
    assertThatThrownBy(() -> Restarts.inOrder(3, 0, t -> t))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFailingTaskFailsTheRunWithItsOwnException() {
    assertThatThrownBy(() -> Restarts.inOrder(50, 3, t -> {
      if (t == 17) {
        throw new BadInputException("task 17");
      }
      return t;
    })).isInstanceOf(BadInputException.class).hasMessage("task 17");
  }
}
