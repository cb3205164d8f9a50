package org.backstrat.server;

import java.io.PrintStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The server's own log lines (start, stop, access lines when asked, internal errors). By
 * construction they carry no personal data: callers pass only the method, the path without its
 * query, the status, timings, counts and incident ids — never a body, a person id, a cookie, a
 * header or a client address. An internal error is logged with its exception class and stack
 * frames, not its message (which could quote a value).
 */
final class ServerLog {
  private final PrintStream out;
  private final Clock clock;

  ServerLog(PrintStream out, Clock clock) {
    this.out = Objects.requireNonNull(out, "out");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** One line, prefixed with the time. */
  synchronized void line(String text) {
    out.println(clock.instant().truncatedTo(ChronoUnit.MILLIS) + " " + text);
    out.flush();
  }

  /** An internal error: class and frames only. */
  synchronized void internalError(String incident, Throwable t) {
    StringBuilder sb = new StringBuilder("internal error ").append(incident).append(": ");
    Throwable c = t;
    int depth = 0;
    while (c != null && depth++ < 5) {
      sb.append(depth > 1 ? " caused by " : "").append(c.getClass().getName());
      StackTraceElement[] frames = c.getStackTrace();
      for (int i = 0; i < Math.min(8, frames.length); i++) {
        sb.append("\n    at ").append(frames[i]);
      }
      c = c.getCause();
    }
    line(sb.toString());
  }
}
