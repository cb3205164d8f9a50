package org.backstrat.spark.imaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.backstrat.imaging.pipeline.ImagingJob;

/**
 * The imaging sessions (ONNX Runtime sessions of the models) of one executor JVM: a task borrows
 * one for its whole partition and gives it back, so an executor opens at most one session per
 * task slot (core) and reuses it for every later partition and study, never one per row. The
 * pool is per JVM by nature (an executor is a JVM), hence static; the sessions are closed when
 * the JVM exits.
 */
final class SessionPool {
  private static final Map<ImagingSettings, ConcurrentLinkedDeque<ImagingJob.Session>> IDLE =
      new ConcurrentHashMap<>();
  private static final AtomicInteger OPENED = new AtomicInteger();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> IDLE.values()
        .forEach(q -> q.forEach(ImagingJob.Session::close))));
  }

  private SessionPool() {
  }

  /** An idle session for {@code settings}, or a new one. */
  static ImagingJob.Session borrow(ImagingSettings settings) {
    ImagingJob.Session s = IDLE.computeIfAbsent(settings, k -> new ConcurrentLinkedDeque<>())
        .pollFirst();
    if (s == null) {
      s = settings.job().openSession();
      OPENED.incrementAndGet();
    }
    return s;
  }

  /** Returns a session for the next task. */
  static void giveBack(ImagingSettings settings, ImagingJob.Session s) {
    IDLE.get(settings).addFirst(s);
  }

  /** Sessions this JVM has opened so far. */
  static int opened() {
    return OPENED.get();
  }
}
