package org.backstrat.cluster.kmeans;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits rows 0..n-1 into fixed blocks of {@link #BLOCK_ROWS} rows and runs one pass of work over
 * all blocks, on one thread or on a small pool. The blocks do not depend on the thread count, and
 * callers keep one partial result per block and combine the partials in block order, so a pass
 * gives bit-identical results on 1 or N threads: this is how one restart of k-means uses all cores
 * on large data.
 */
final class RowBlocks implements AutoCloseable {
  /** Rows per block (a multiple of 8; fixed, so partial sums never depend on the thread count). */
  static final int BLOCK_ROWS = 4096;

  /** Work on rows {@code [from, to)} of block {@code block}. */
  @FunctionalInterface
  interface Body {
    void run(int block, int from, int to);
  }

  private final int rows;
  private final int blocks;
  private final int threads;
  private final ExecutorService pool;

  /** Blocks over {@code rows} rows, run on {@code threads} threads (1 = the caller only). */
  RowBlocks(int rows, int threads) {
    this.rows = rows;
    this.blocks = blockCount(rows);
    this.threads = Math.max(1, Math.min(threads, blocks));
    this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads - 1, r -> {
      Thread t = new Thread(r, "backstrat-rows");
      t.setDaemon(true);
      return t;
    });
  }

  /** Number of blocks for {@code rows} rows (at least 1). */
  static int blockCount(int rows) {
    return Math.max(1, (rows + BLOCK_ROWS - 1) / BLOCK_ROWS);
  }

  /** Number of blocks. */
  int blocks() {
    return blocks;
  }

  /** Runs {@code body} once for every block (in any order, on any thread); returns when done. */
  void forEach(Body body) {
    if (pool == null) {
      for (int b = 0; b < blocks; b++) {
        body.run(b, b * BLOCK_ROWS, Math.min(rows, (b + 1) * BLOCK_ROWS));
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
        body.run(b, b * BLOCK_ROWS, Math.min(rows, (b + 1) * BLOCK_ROWS));
      }
    };
    List<Future<?>> futures = new ArrayList<>(threads - 1);
    for (int t = 1; t < threads; t++) {
      futures.add(pool.submit(worker));
    }
    // an Error (OutOfMemoryError above all) stays an Error: wrapped in a RuntimeException it
    // could be caught as an ordinary failure (a split scored NaN) instead of ending the run
    Throwable failure = null;
    try {
      worker.run();
    } catch (RuntimeException | Error e) {
      failure = e;
      next.set(blocks);
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause();
        }
      }
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
