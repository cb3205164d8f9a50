package org.backstrat.core.scoring;

/**
 * The binary outcome {@code lbp_bothersome_frequent}: LBP both frequent and bothersome, with the
 * thresholds of {@link ScoringOptions} (default frequency ≥ 3 and bothersomeness ≥ 7). It is
 * NaN when either input is missing, even when the other alone would decide it: the missing-item
 * rule of DESIGN.md admits no exceptions.
 */
public final class LbpOutcome {

  private LbpOutcome() {
  }

  /**
   * The outcome for one person.
   *
   * @param frequency LBP frequency category 0–4, NaN = missing
   * @param bothersomeness rating 0–10, NaN = missing
   * @param options the thresholds
   * @return 1 or 0, NaN when either input is missing
   */
  public static double bothersomeFrequent(double frequency, double bothersomeness,
                                          ScoringOptions options) {
    if (Double.isNaN(frequency) || Double.isNaN(bothersomeness)) {
      return Double.NaN;
    }
    return frequency >= options.lbpFrequencyAtLeast()
        && bothersomeness >= options.lbpBothersomenessAtLeast() ? 1 : 0;
  }

  /** The outcome for whole columns of equal length. */
  public static double[] bothersomeFrequent(double[] frequency, double[] bothersomeness,
                                            ScoringOptions options) {
    int n = ColumnBlock.rows(new double[][] {frequency, bothersomeness}, 2, "LBP outcome");
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = bothersomeFrequent(frequency[i], bothersomeness[i], options);
    }
    return out;
  }
}
