package org.backstrat.cli;

import java.util.HashMap;
import java.util.Map;

/** Adjusted Rand index (Hubert and Arabie 1985) of two labelings, for recovery tests. */
final class AdjustedRandIndex {
  private AdjustedRandIndex() {
  }

  static double of(String[] a, String[] b) {
    Map<String, Map<String, Long>> table = new HashMap<>();
    Map<String, Long> rows = new HashMap<>();
    Map<String, Long> cols = new HashMap<>();
    for (int i = 0; i < a.length; i++) {
      table.computeIfAbsent(a[i], k -> new HashMap<>()).merge(b[i], 1L, Long::sum);
      rows.merge(a[i], 1L, Long::sum);
      cols.merge(b[i], 1L, Long::sum);
    }
    double index = 0;
    for (Map<String, Long> r : table.values()) {
      for (long n : r.values()) {
        index += pairs(n);
      }
    }
    double sumRows = rows.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
    double sumCols = cols.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
    double expected = sumRows * sumCols / pairs(a.length);
    double max = 0.5 * (sumRows + sumCols);
    return (index - expected) / (max - expected);
  }

  private static double pairs(long n) {
    return n * (n - 1) / 2.0;
  }
}
