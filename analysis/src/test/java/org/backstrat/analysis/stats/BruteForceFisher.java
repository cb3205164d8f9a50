package org.backstrat.analysis.stats;

/**
 * Fisher–Freeman–Halton p-value by plain enumeration of every table with the given margins
 * (only for tiny tables), written independently of the network algorithm: the probability of
 * each table is computed from the multinomial formula with {@code Math.log} sums, and tables
 * with probability {@code <= p_obs (1 + 1e-7)} are summed.
 */
final class BruteForceFisher {
  private BruteForceFisher() {
  }

  static double pValue(long[][] t) {
    int r = t.length;
    int c = t[0].length;
    long[] rows = new long[r];
    long[] cols = new long[c];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        rows[i] += t[i][j];
        cols[j] += t[i][j];
      }
    }
    long n = 0;
    for (long v : rows) {
      n += v;
    }
    double constant = -logFact(n);
    for (long v : rows) {
      constant += logFact(v);
    }
    for (long v : cols) {
      constant += logFact(v);
    }
    double observed = constant;
    for (long[] row : t) {
      for (long v : row) {
        observed -= logFact(v);
      }
    }
    double[] sum = new double[1];
    long[][] x = new long[r][c];
    walk(0, 0, x, rows.clone(), cols.clone(), constant, Math.exp(observed) * (1 + 1e-7), sum);
    return sum[0];
  }

  private static void walk(int i, int j, long[][] x, long[] rowLeft, long[] colLeft, double constant,
                           double limit, double[] sum) {
    int r = x.length;
    int c = x[0].length;
    if (i == r - 1) {
      // last row is forced by the column margins
      for (int k = 0; k < c; k++) {
        x[i][k] = colLeft[k];
      }
      long total = 0;
      for (long v : colLeft) {
        total += v;
      }
      if (total != rowLeft[i]) {
        return;
      }
      double logP = constant;
      for (long[] row : x) {
        for (long v : row) {
          logP -= logFact(v);
        }
      }
      double prob = Math.exp(logP);
      if (prob <= limit) {
        sum[0] += prob;
      }
      return;
    }
    if (j == c - 1) {
      long v = rowLeft[i];
      if (v > colLeft[j]) {
        return;
      }
      x[i][j] = v;
      colLeft[j] -= v;
      walk(i + 1, 0, x, rowLeft, colLeft, constant, limit, sum);
      colLeft[j] += v;
      return;
    }
    for (long v = 0; v <= Math.min(rowLeft[i], colLeft[j]); v++) {
      x[i][j] = v;
      rowLeft[i] -= v;
      colLeft[j] -= v;
      walk(i, j + 1, x, rowLeft, colLeft, constant, limit, sum);
      rowLeft[i] += v;
      colLeft[j] += v;
    }
  }

  private static double logFact(long k) {
    double s = 0;
    for (long i = 2; i <= k; i++) {
      s += Math.log(i);
    }
    return s;
  }
}
