package org.backstrat.analysis.stats;

/**
 * Adjustment of a family of p-values for multiple testing, exactly as R's {@code p.adjust}
 * (including its handling of ties, capping at 1 and missing values).
 *
 * <p>Let the {@code m} non-missing p-values be sorted ascending, {@code p_(1) <= ... <= p_(m)}:
 * <ul>
 *   <li>{@link #HOLM} (Holm 1979; the default): {@code p~_(i) = min(1, max_{j<=i} (m - j + 1) p_(j))};</li>
 *   <li>{@link #BENJAMINI_HOCHBERG} (1995, false discovery rate):
 *       {@code p~_(i) = min(1, min_{j>=i} m / j · p_(j))};</li>
 *   <li>{@link #BONFERRONI}: {@code min(1, m p)}.</li>
 * </ul>
 * The cumulative maximum / minimum make adjusted values monotone in the raw values, so equal raw
 * p-values get equal adjusted ones and a smaller raw p never gets a larger adjusted p. Missing
 * p-values (NaN) stay NaN and are not counted in {@code m} (R's default {@code n = length(p)}
 * is evaluated after NA are removed). A family of one is returned unchanged.
 */
public enum PValueAdjustment {
  /** Holm's step-down method (controls the family-wise error rate; uniformly beats Bonferroni). */
  HOLM,
  /** Benjamini–Hochberg step-up method (controls the false discovery rate). */
  BENJAMINI_HOCHBERG,
  /** Bonferroni: multiply by the family size. */
  BONFERRONI;

  /** Adjusted p-values, in the order of {@code p} (which is not modified). */
  public double[] adjust(double[] p) {
    int m = 0;
    for (double v : p) {
      if (!Double.isNaN(v)) {
        m++;
      }
    }
    double[] out = p.clone();
    if (m <= 1) {
      return out;
    }
    double[] present = new double[m];
    int[] where = new int[m];
    int k = 0;
    for (int i = 0; i < p.length; i++) {
      if (!Double.isNaN(p[i])) {
        present[k] = p[i];
        where[k] = i;
        k++;
      }
    }
    int[] order = MidRanks.sortedOrder(present);
    switch (this) {
      case HOLM -> {
        double running = 0;
        for (int i = 0; i < m; i++) {
          int e = order[i];
          running = Math.max(running, (m - i) * present[e]);
          out[where[e]] = Math.min(1, running);
        }
      }
      case BENJAMINI_HOCHBERG -> {
        double running = Double.POSITIVE_INFINITY;
        for (int i = m - 1; i >= 0; i--) {
          int e = order[i];
          running = Math.min(running, (double) m / (i + 1) * present[e]);
          out[where[e]] = Math.min(1, running);
        }
      }
      case BONFERRONI -> {
        for (int e = 0; e < m; e++) {
          out[where[e]] = Math.min(1, m * present[e]);
        }
      }
      default -> throw new IllegalStateException(name());
    }
    return out;
  }
}
