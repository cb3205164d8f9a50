package org.backstrat.cluster.select;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Runs independent tasks of uneven length (main fits, bootstrap resamples, gap reference sets) on
 * a few threads and returns their results in task order. Workers take the next unstarted task when
 * they finish one (dynamic scheduling), so a thread slowed down by other processes on a shared
 * machine does not hold up the rest, as a fixed split of the tasks would. Each task must depend
 * only on its own index (and the seeds derived from it), never on which thread runs it or when:
 * then the results are identical for any thread count.
 *
 * @param threads worker threads (1 runs everything on the calling thread)
 */
record OrderedTasks(int threads) {

  OrderedTasks {
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads + ": expected at least 1");
    }
  }

  /**
   * Runs {@code task.apply(0..count-1)} and returns the results in index order (an unmodifiable
   * list; a task may return null).
   */
  <R> List<R> run(int count, IntFunction<R> task) {
    Object[] results = new Object[count];
    int workers = Math.min(threads, count);
    if (workers <= 1) {
      for (int t = 0; t < count; t++) {
        results[t] = task.apply(t);
      }
    } else {
      AtomicInteger next = new AtomicInteger();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Runnable worker = () -> {
        for (int t = next.getAndIncrement(); t < count && failure.get() == null;
             t = next.getAndIncrement()) {
          try {
            results[t] = task.apply(t);
          } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
          }
        }
      };
      Thread[] pool = new Thread[workers - 1];
      for (int w = 0; w < pool.length; w++) {
        pool[w] = new Thread(worker, "backstrat-kselect-" + w);
        pool[w].setDaemon(true);
        pool[w].start();
      }
      worker.run(); // the calling thread is a worker too
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
    @SuppressWarnings("unchecked") // every slot holds what task.apply returned: an R or null
    List<R> out = (List<R>) Collections.unmodifiableList(Arrays.asList(results));
    return out;
  }
}
