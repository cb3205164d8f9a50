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
      if (nearTop(length, rank)) {
        return fromTop(a, length, rank, scratch);
      }
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

  /**
   * Whether {@code rank} lies among the top tenth of {@code length} values, where
   * {@link #fromTop} beats partitioning: the trim threshold of k-means with the default trim
   * fraction 0.05 (rank n - floor(0.05 n) - 1) is such a rank.
   */
  static boolean nearTop(int length, int rank) {
    return (long) (length - rank) * 10 <= length;
  }

  /**
   * The {@code rank}-th smallest of {@code a[0..length)} (0-based), that is its
   * {@code m = length - rank}-th largest, without modifying {@code a}: one read pass keeps the m
   * largest values seen so far in a binary min-heap in {@code heap[0..m)} (at least m long), and
   * the heap's root is the answer. The same value as {@link #kthSmallest(double[], int, int)} with
   * any ties (it is an order statistic of the multiset). Why: trimming asks for a rank near the
   * top many times per fit; partitioning copies and moves every value with branches a CPU cannot
   * predict, while here almost every value is compared with the root once and passed over (the
   * expected number of heap insertions is about m ln(length / m) for values in random order).
   */
  static double fromTop(double[] a, int length, int rank, double[] heap) {
    if (rank < 0 || rank >= length) {
      throw new IllegalArgumentException("rank " + rank + " outside 0.." + (length - 1));
    }
    int m = length - rank;
    for (int i = 0; i < m; i++) {
      // sift up
      double v = a[i];
      int c = i;
      while (c > 0) {
        int parent = (c - 1) >>> 1;
        if (heap[parent] <= v) {
          break;
        }
        heap[c] = heap[parent];
        c = parent;
      }
      heap[c] = v;
    }
    double root = heap[0];
    for (int i = m; i < length; i++) {
      double v = a[i];
      if (v <= root) {
        continue;
      }
      // replace the root and sift down
      int c = 0;
      while (true) {
        int child = 2 * c + 1;
        if (child >= m) {
          break;
        }
        if (child + 1 < m && heap[child + 1] < heap[child]) {
          child++;
        }
        if (heap[child] >= v) {
          break;
        }
        heap[c] = heap[child];
        c = child;
      }
      heap[c] = v;
      root = heap[0];
    }
    return root;
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
