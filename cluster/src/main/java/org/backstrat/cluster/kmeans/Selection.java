package org.backstrat.cluster.kmeans;

/**
 * Order statistics by selection (expected linear time), so that trimming never sorts all
 * distances. Three-way partitioning keeps it linear on data with many ties (binary features give
 * many equal distances).
 */
final class Selection {
  private Selection() {
  }

  /**
   * Returns the {@code rank}-th smallest value (0-based) among {@code a[0..length)}; reorders that
   * part of the array. The returned value does not depend on the pivot choice.
   */
  static double kthSmallest(double[] a, int length, int rank) {
    if (rank < 0 || rank >= length) {
      throw new IllegalArgumentException("rank " + rank + " outside 0.." + (length - 1));
    }
    int lo = 0;
    int hi = length - 1;
    while (hi > lo) {
      if (hi - lo < 16) {
        insertionSort(a, lo, hi);
        return a[rank];
      }
      double pivot = medianOf3(a[lo], a[(lo + hi) >>> 1], a[hi]);
      // Dutch national flag: [lo, lt) < pivot, [lt, i) == pivot, (gt, hi] > pivot
      int lt = lo;
      int gt = hi;
      int i = lo;
      while (i <= gt) {
        double v = a[i];
        if (v < pivot) {
          a[i++] = a[lt];
          a[lt++] = v;
        } else if (v > pivot) {
          a[i] = a[gt];
          a[gt--] = v;
        } else {
          i++;
        }
      }
      if (rank < lt) {
        hi = lt - 1;
      } else if (rank > gt) {
        lo = gt + 1;
      } else {
        return pivot;
      }
    }
    return a[rank];
  }

  /**
   * The {@code rank}-th smallest of {@code a[0..length)} without modifying {@code a}, using
   * {@code scratch} (at least {@code length} long). Large inputs take one read pass: a regular
   * sample of 8192 values brackets the wanted rank (with a margin of 4 standard deviations of the
   * sample quantile), the values inside the bracket are gathered into {@code scratch} and selected
   * there; when the bracket misses (very unlikely), it falls back to selecting on a full copy. The
   * answer is exact either way.
   */
  static double kthSmallest(double[] a, int length, int rank, double[] scratch) {
    if (length < 65_536) {
      System.arraycopy(a, 0, scratch, 0, length);
      return kthSmallest(scratch, length, rank);
    }
    int samples = 8192;
    double[] s = new double[samples];
    long step = length / samples;
    for (int i = 0; i < samples; i++) {
      s[i] = a[(int) (i * step)];
    }
    java.util.Arrays.sort(s);
    double q = (double) rank / length;
    double margin = 4 * Math.sqrt(q * (1 - q) * samples) + 8;
    int loIdx = (int) Math.floor(q * samples - margin);
    int hiIdx = (int) Math.ceil(q * samples + margin);
    double lo = loIdx <= 0 ? Double.NEGATIVE_INFINITY : s[loIdx];
    double hi = hiIdx >= samples - 1 ? Double.POSITIVE_INFINITY : s[hiIdx];
    int less = 0;
    int inside = 0;
    for (int i = 0; i < length; i++) {
      double v = a[i];
      if (v < lo) {
        less++;
      } else if (v <= hi) {
        scratch[inside++] = v;
      }
    }
    if (rank >= less && rank < less + inside) {
      return kthSmallest(scratch, inside, rank - less);
    }
    System.arraycopy(a, 0, scratch, 0, length);
    return kthSmallest(scratch, length, rank);
  }

  private static double medianOf3(double x, double y, double z) {
    return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
  }

  private static void insertionSort(double[] a, int lo, int hi) {
    for (int i = lo + 1; i <= hi; i++) {
      double v = a[i];
      int j = i - 1;
      while (j >= lo && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }
}
