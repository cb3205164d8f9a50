package org.backstrat.core.io;

/**
 * A number written the way a person would type it: whole numbers without a decimal point
 * ({@code 3}, not {@code 3.0}), others in the shortest form that reads back to the same double.
 * One definition for every file backstrat writes, so the same value always reads the same.
 */
public final class PlainNumber {
  private PlainNumber() {
  }

  /** The text of {@code x}; callers decide how NaN and infinities are shown. */
  public static String of(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x)
        : Double.toString(x);
  }
}
