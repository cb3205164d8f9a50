package org.backstrat.analysis.evidence;

/**
 * The adjusted Rand index of two partitions of the same items (Hubert &amp; Arabie 1985), as
 * scikit-learn's {@code adjusted_rand_score} and R mclust's {@code adjustedRandIndex} compute it:
 * 1 for identical partitions up to relabelling, about 0 for independent ones.
 */
public final class AdjustedRand {
  private AdjustedRand() {
  }

  /**
   * The index.
   *
   * @param a labels 0..ka-1
   * @param b labels 0..kb-1, same length
   */
  public static double of(int[] a, int[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(a.length + " and " + b.length + " labels");
    }
    int ka = 0;
    int kb = 0;
    for (int i = 0; i < a.length; i++) {
      ka = Math.max(ka, a[i] + 1);
      kb = Math.max(kb, b[i] + 1);
    }
    long[][] t = new long[ka][kb];
    long[] ra = new long[ka];
    long[] rb = new long[kb];
    for (int i = 0; i < a.length; i++) {
      t[a[i]][b[i]]++;
      ra[a[i]]++;
      rb[b[i]]++;
    }
    double index = 0;
    for (long[] row : t) {
      for (long v : row) {
        index += pairs(v);
      }
    }
    double sa = 0;
    for (long v : ra) {
      sa += pairs(v);
    }
    double sb = 0;
    for (long v : rb) {
      sb += pairs(v);
    }
    double expected = sa * sb / pairs(a.length);
    double max = 0.5 * (sa + sb);
    if (max == expected) {
      return 1.0; // both partitions trivial (one cluster each, or all singletons), as sklearn
    }
    return (index - expected) / (max - expected);
  }

  private static double pairs(long n) {
    return n * (n - 1) / 2.0;
  }
}
