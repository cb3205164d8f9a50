package org.backstrat.cluster.kmeans;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How a pass over row blocks ends when a block fails on a pool thread. */
class RowBlocksTest {

  @Test
  void runningOutOfMemoryOnAPoolThreadStaysAnOutOfMemoryErrorNotAnOrdinaryFailure() {
    CountDownLatch poolFailed = new CountDownLatch(1);
    try (RowBlocks blocks = new RowBlocks(4 * RowBlocks.BLOCK_ROWS, 2)) {
      assertThatThrownBy(() -> blocks.forEach((block, from, to) -> {
        if (Thread.currentThread().getName().equals("backstrat-rows")) {
          poolFailed.countDown();
          throw new OutOfMemoryError("Java heap space");
        }
        try { // the caller's blocks wait until the pool thread has failed
          poolFailed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      })).isExactlyInstanceOf(OutOfMemoryError.class).hasMessage("Java heap space");
    }
  }

  @Test
  void anExceptionOnAPoolThreadIsRethrownAsItself() {
    CountDownLatch poolFailed = new CountDownLatch(1);
    try (RowBlocks blocks = new RowBlocks(4 * RowBlocks.BLOCK_ROWS, 2)) {
      assertThatThrownBy(() -> blocks.forEach((block, from, to) -> {
        if (Thread.currentThread().getName().equals("backstrat-rows")) {
          poolFailed.countDown();
          throw new IllegalArgumentException("block " + block);
        }
        try {
          poolFailed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      })).isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("block ");
    }
  }
}
