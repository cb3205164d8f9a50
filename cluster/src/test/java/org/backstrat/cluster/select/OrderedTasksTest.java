package org.backstrat.cluster.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;

class OrderedTasksTest {

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
    List<Long> one = new OrderedTasks(1).run(200, OrderedTasksTest::task);
    for (int threads : new int[] {2, 3, 8}) {
      assertThat(new OrderedTasks(threads).run(200, OrderedTasksTest::task)).isEqualTo(one);
    }
    assertThat(one.get(5) % 1000).isEqualTo(5);
  }

  @Test
  void aFailingTaskFailsTheRunWithItsOwnException() {
    assertThatThrownBy(() -> new OrderedTasks(3).run(50, t -> {
      if (t == 17) {
        throw new BadInputException("task 17");
      }
      return t;
    })).isInstanceOf(BadInputException.class).hasMessage("task 17");
  }
}
