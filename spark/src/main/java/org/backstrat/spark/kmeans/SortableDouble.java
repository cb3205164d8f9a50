package org.backstrat.spark.kmeans;

/**
 * Maps doubles to longs whose signed order is the numeric order of the doubles (and back), so
 * that an exact order statistic can be found by refining a histogram over the key's bits, most
 * significant first. NaN never occurs here (the data are checked finite).
 */
final class SortableDouble {
  private SortableDouble() {
  }

  /** A key whose unsigned order is the order of the values (-0.0 sorts just below 0.0). */
  static long key(double v) {
    long bits = Double.doubleToRawLongBits(v);
    return bits < 0 ? ~bits : bits | Long.MIN_VALUE;
  }

  /** The value of a key made by {@link #key}. */
  static double value(long key) {
    long bits = key < 0 ? key & Long.MAX_VALUE : ~key;
    return Double.longBitsToDouble(bits);
  }
}
