package org.backstrat.analysis.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-square test of independence on an r × c table of counts, with Cramér's V.
 * Matches R's {@code chisq.test(x, correct = FALSE)} by default and
 * {@code chisq.test(x, correct = TRUE)} with {@link Correction#YATES_2X2}.
 *
 * <pre>
 *   E_ij = R_i C_j / N,   X^2 = sum (O_ij - E_ij)^2 / E_ij,   df = (r - 1)(c - 1)
 *   Yates (2 × 2 only): X^2 = sum (|O - E| - min(0.5, |O - E|))^2 / E
 *   V = sqrt(X^2 / (N (min(r, c) - 1)))                         (Cramér 1946)
 *   bias-corrected V~ = sqrt(max(0, X^2/N - (r-1)(c-1)/(N-1)) / min(r~ - 1, c~ - 1)),
 *     r~ = r - (r-1)^2/(N-1),  c~ = c - (c-1)^2/(N-1)              (Bergsma 2013)
 * </pre>
 * Both V use the uncorrected X². p is the chi-square upper tail (survival function, accurate
 * for tiny p). Rows and columns that are all zero are dropped first (R would return NaN);
 * fewer than 2 non-empty rows or columns is bad input. The approximation is poor with small
 * expected counts: {@link CategoricalAssociation} switches to the exact test then.
 */
public final class ChiSquareIndependence {
  private static final ChiSquareIndependence DEFAULT = new ChiSquareIndependence(Correction.NONE);

  /** Continuity correction. */
  public enum Correction {
    /** No correction (the default; R's {@code correct = FALSE}). */
    NONE,
    /** Yates' correction, applied to 2 × 2 tables only, as R's {@code correct = TRUE}. */
    YATES_2X2
  }

  private final Correction correction;

  private ChiSquareIndependence(Correction correction) {
    this.correction = correction;
  }

  /** The test without continuity correction. */
  public static ChiSquareIndependence withDefaults() {
    return DEFAULT;
  }

  /** A copy using {@code c}. */
  public ChiSquareIndependence with(Correction c) {
    return new ChiSquareIndependence(c);
  }

  /**
   * Result of the test.
   *
   * @param statistic X² (Yates-corrected when that correction applied)
   * @param degreesOfFreedom (r - 1)(c - 1) of the table after dropping empty rows and columns
   * @param p upper-tail chi-square probability
   * @param cramersV Cramér's V from the uncorrected X²
   * @param cramersVBiasCorrected Bergsma's bias-corrected V
   * @param yatesApplied whether the Yates correction was applied
   * @param n table total
   * @param expected expected counts of the reduced table (rows × columns)
   */
  public record Result(double statistic, int degreesOfFreedom, double p, double cramersV,
                       double cramersVBiasCorrected, boolean yatesApplied, long n,
                       double[][] expected) {
    public Result {
      expected = deepCopy(expected);
    }

    @Override
    public double[][] expected() {
      return deepCopy(expected);
    }
  }

  /** Tests the table (rows × columns of non-negative counts). */
  public Result test(long[][] table) {
    return test(ContingencyTable.of(table));
  }

  Result test(ContingencyTable t) {
    t.requireTestable("chi-square test");
    int r = t.rows();
    int c = t.columns();
    double[][] e = t.expected();
    boolean yates = correction == Correction.YATES_2X2 && r == 2 && c == 2;
    double yatesShift = 0;
    if (yates) {
      yatesShift = 0.5;
      for (int i = 0; i < r; i++) {
        for (int j = 0; j < c; j++) {
          yatesShift = Math.min(yatesShift, Math.abs(t.count(i, j) - e[i][j]));
        }
      }
    }
    double x2 = 0;
    double x2Plain = 0;
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        double d = Math.abs(t.count(i, j) - e[i][j]);
        x2Plain += d * d / e[i][j];
        double dc = d - yatesShift;
        x2 += dc * dc / e[i][j];
      }
    }
    int df = (r - 1) * (c - 1);
    double p = ChiSquaredDistribution.of(df).survivalProbability(x2);
    double n = t.total();
    double v = Math.sqrt(x2Plain / (n * (Math.min(r, c) - 1)));
    double phi2c = Math.max(0, x2Plain / n - (double) (r - 1) * (c - 1) / (n - 1));
    double rc = r - (r - 1.0) * (r - 1.0) / (n - 1);
    double cc = c - (c - 1.0) * (c - 1.0) / (n - 1);
    double denom = Math.min(rc - 1, cc - 1);
    double vc = denom > 0 ? Math.sqrt(phi2c / denom) : Double.NaN;
    return new Result(x2, df, p, v, vc, yates, t.total(), e);
  }

  static double[][] deepCopy(double[][] a) {
    double[][] b = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i].clone();
    }
    return b;
  }
}
