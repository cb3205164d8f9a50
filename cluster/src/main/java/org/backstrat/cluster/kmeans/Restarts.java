package org.backstrat.cluster.kmeans;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs independent randomised tasks (restarts, bootstrap replicates) on several threads with
 * results that do not depend on the thread count: task {@code r} always gets the {@code r}-th
 * seed drawn from a {@link SplittableRandom} seeded with the master seed, tasks share nothing but
 * read-only data, and results are collected by task index.
 */
public final class Restarts {
  private Restarts() {
  }

  /** One task: its index, its seed and a per-thread scratch object it may overwrite. */
  @FunctionalInterface
  public interface Task<W, R> {
    /** Runs task {@code index} with {@code seed}; must not depend on the scratch's old content. */
    R run(int index, long seed, W scratch);
  }

  /** The per-task seeds derived from the master seed, in task order. */
  public static long[] seeds(long masterSeed, int count) {
    SplittableRandom master = new SplittableRandom(masterSeed);
    long[] s = new long[count];
    for (int r = 0; r < count; r++) {
      s[r] = master.nextLong();
    }
    return s;
  }

  /**
   * Runs {@code count} tasks on up to {@code threads} threads (task r on worker r mod T, each
   * worker with its own scratch) and returns the results in task order.
   */
  public static <W, R> List<R> runAll(int count, long masterSeed, int threads,
                                      Supplier<W> scratch, Task<W, R> task) {
    long[] seeds = seeds(masterSeed, count);
    Object[] results = new Object[count];
    int workers = Math.max(1, Math.min(threads, count));
    if (workers == 1) {
      W w = scratch.get();
      for (int r = 0; r < count; r++) {
        results[r] = task.run(r, seeds[r], w);
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
        Thread t = new Thread(runnable, "backstrat-cluster");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
          int first = w;
          futures.add(pool.submit(() -> {
            W ws = scratch.get();
            for (int r = first; r < count; r += workers) {
              results[r] = task.run(r, seeds[r], ws);
            }
          }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(cause);
      } finally {
        pool.shutdownNow();
      }
    }
    List<R> out = new ArrayList<>(count);
    for (Object o : results) {
      @SuppressWarnings("unchecked")
      R r = (R) o;
      out.add(r);
    }
    return out;
  }
}
