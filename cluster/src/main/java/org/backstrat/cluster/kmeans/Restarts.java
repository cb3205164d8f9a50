package org.backstrat.cluster.kmeans;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Runs independent tasks (restarts, bootstrap resamples, gap reference sets, cross-validation
 * folds, row ranges) on several threads with results that do not depend on the thread count:
 * results are collected by task index, a randomised task {@code r} always gets the {@code r}-th
 * seed drawn from a {@link SplittableRandom} seeded with the master seed, and tasks share nothing
 * but read-only data (or disjoint slots of an output). Workers take the next unstarted task when
 * they finish one, so tasks of uneven length, or a thread slowed down by other processes on a
 * shared machine, do not hold up the rest as a fixed split would; the calling thread is one of
 * the workers.
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
   * Runs {@code count} tasks on up to {@code threads} threads (each worker with its own scratch)
   * and returns the results in task order.
   */
  public static <W, R> List<R> runAll(int count, long masterSeed, int threads,
                                      Supplier<W> scratch, Task<W, R> task) {
    long[] seeds = seeds(masterSeed, count);
    return run(count, threads, scratch, (r, w) -> task.run(r, seeds[r], w));
  }

  /**
   * Runs {@code task.apply(0..count-1)} on up to {@code threads} threads and returns the results
   * in index order (a task may return null). Each task must depend only on its index (and seeds
   * derived from it), never on which thread runs it or when.
   *
   * @throws IllegalArgumentException when {@code threads < 1}
   */
  public static <R> List<R> inOrder(int count, int threads, IntFunction<R> task) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads + ": expected at least 1");
    }
    return run(count, threads, () -> null, (r, ignored) -> task.apply(r));
  }

  /** A task given its index and its worker's scratch. */
  @FunctionalInterface
  private interface Indexed<W, R> {
    R run(int index, W scratch);
  }

  private static <W, R> List<R> run(int count, int threads, Supplier<W> scratch,
                                    Indexed<W, R> task) {
    Object[] results = new Object[count];
    int workers = Math.max(1, Math.min(threads, count));
    if (workers == 1) {
      W w = scratch.get();
      for (int r = 0; r < count; r++) {
        results[r] = task.run(r, w);
      }
    } else {
      AtomicInteger next = new AtomicInteger();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Runnable worker = () -> {
        try {
          W w = scratch.get();
          for (int r = next.getAndIncrement(); r < count && failure.get() == null;
               r = next.getAndIncrement()) {
            results[r] = task.run(r, w);
          }
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        }
      };
      Thread[] pool = new Thread[workers - 1];
      for (int w = 0; w < pool.length; w++) {
        pool[w] = new Thread(worker, "backstrat-worker-" + w);
        pool[w].setDaemon(true);
        pool[w].start();
      }
      worker.run();
      for (Thread t : pool) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      Throwable f = failure.get();
      if (f instanceof RuntimeException re) {
        throw re;
      }
      if (f instanceof Error err) {
        throw err;
      }
    }
    @SuppressWarnings("unchecked") // every slot holds what a task returned: an R or null
    List<R> out = (List<R>) new ArrayList<>(Arrays.asList(results));
    return out;
  }
}
