package org.backstrat.core.scoring;

import org.backstrat.core.BadInputException;

/**
 * Settings of the score stage that reasonable people set differently. Immutable: start from
 * {@link #withDefaults()} and derive copies with the {@code with…} methods.
 *
 * <p>The outcome {@code lbp_bothersome_frequent} is our own definition (DESIGN.md): LBP
 * frequency ≥ {@link #lbpFrequencyAtLeast()} (default 3, "more than 30 days, not daily") and
 * bothersomeness ≥ {@link #lbpBothersomenessAtLeast()} (default 7 on 0–10). The questionnaire
 * cut-offs are published and therefore not options.
 *
 * @param lbpFrequencyAtLeast smallest LBP frequency category (0–4) that counts as frequent
 * @param lbpBothersomenessAtLeast smallest bothersomeness (0–10) that counts as bothersome
 */
public record ScoringOptions(int lbpFrequencyAtLeast, double lbpBothersomenessAtLeast) {

  /** Default frequency threshold: category 3, more than 30 days in the past year. */
  public static final int DEFAULT_LBP_FREQUENCY_AT_LEAST = 3;
  /** Default bothersomeness threshold on the 0–10 scale. */
  public static final double DEFAULT_LBP_BOTHERSOMENESS_AT_LEAST = 7;

  /**
   * Checks the thresholds.
   *
   * @throws BadInputException when a threshold lies outside its scale
   */
  public ScoringOptions {
    if (lbpFrequencyAtLeast < 0 || lbpFrequencyAtLeast > 4) {
      throw new BadInputException("LBP frequency threshold "
          + lbpFrequencyAtLeast + ": expected a category from 0 to 4");
    }
    if (!(lbpBothersomenessAtLeast >= 0 && lbpBothersomenessAtLeast <= 10)) {
      throw new BadInputException("LBP bothersomeness threshold "
          + lbpBothersomenessAtLeast + ": expected a number from 0 to 10");
    }
  }

  /** The documented defaults (frequency ≥ 3, bothersomeness ≥ 7). */
  public static ScoringOptions withDefaults() {
    return new ScoringOptions(DEFAULT_LBP_FREQUENCY_AT_LEAST,
        DEFAULT_LBP_BOTHERSOMENESS_AT_LEAST);
  }

  /** A copy with another frequency threshold (0–4). */
  public ScoringOptions withLbpFrequencyAtLeast(int category) {
    return new ScoringOptions(category, lbpBothersomenessAtLeast);
  }

  /** A copy with another bothersomeness threshold (0–10). */
  public ScoringOptions withLbpBothersomenessAtLeast(double rating) {
    return new ScoringOptions(lbpFrequencyAtLeast, rating);
  }
}
