package org.backstrat.analysis.stats;

/**
 * Mid-ranks of a sample (tied values share the mean of the ranks they occupy, ranks start at 1)
 * and the tie term {@code sum(t^3 - t)} over groups of {@code t} tied values, which both the
 * Kruskal–Wallis tie correction and Dunn's variance need.
 *
 * <p>Ranks are computed from an index sort of the values (a stable merge sort on primitive
 * arrays), so the cost is {@code O(n log n)} and no value is boxed. Values must be finite or
 * infinite numbers, never NaN: callers drop missing values first.
 */
final class MidRanks {
  private final double[] ranks;
  private final double tieSum;

  private MidRanks(double[] ranks, double tieSum) {
    this.ranks = ranks;
    this.tieSum = tieSum;
  }

  /** Mid-ranks of {@code values} (not modified), in the order of the values. */
  static MidRanks of(double[] values) {
    int n = values.length;
    int[] order = sortedOrder(values);
    double[] ranks = new double[n];
    double tieSum = 0;
    int i = 0;
    while (i < n) {
      int j = i + 1;
      // Double.compare treats -0.0 < 0.0; ranks follow numeric equality as R's rank() does.
      while (j < n && values[order[j]] == values[order[i]]) {
        j++;
      }
      // positions i..j-1 (0-based) share the mean of ranks i+1..j
      double mid = (i + 1 + j) / 2.0;
      for (int m = i; m < j; m++) {
        ranks[order[m]] = mid;
      }
      double t = j - i;
      tieSum += t * t * t - t;
      i = j;
    }
    return new MidRanks(ranks, tieSum);
  }

  /** The mid-rank of every value, in input order (a copy). */
  double[] ranks() {
    return ranks.clone();
  }

  /** The rank of value {@code i}. */
  double rank(int i) {
    return ranks[i];
  }

  /** Sum of the ranks of each group of {@code sample} (whose values these ranks are). */
  double[] sumsByGroup(GroupedSample sample) {
    double[] sums = new double[sample.groupCount()];
    for (int i = 0; i < ranks.length; i++) {
      sums[sample.group(i)] += ranks[i];
    }
    return sums;
  }

  /** {@code sum(t^3 - t)} over groups of tied values (0 without ties). */
  double tieSum() {
    return tieSum;
  }

  /** Indices of {@code values} in ascending order of value (stable, numeric order). */
  static int[] sortedOrder(double[] values) {
    int n = values.length;
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    int[] buf = new int[n];
    // bottom-up merge sort: stable, O(n log n), primitive arrays only
    for (int width = 1; width < n; width <<= 1) {
      for (int lo = 0; lo < n - width; lo += width << 1) {
        int mid = lo + width;
        int hi = Math.min(lo + (width << 1), n);
        int a = lo;
        int b = mid;
        int k = lo;
        while (a < mid && b < hi) {
          buf[k++] = values[idx[b]] < values[idx[a]] ? idx[b++] : idx[a++];
        }
        while (a < mid) {
          buf[k++] = idx[a++];
        }
        while (b < hi) {
          buf[k++] = idx[b++];
        }
        System.arraycopy(buf, lo, idx, lo, hi - lo);
      }
    }
    return idx;
  }
}
