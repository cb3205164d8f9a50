package org.backstrat.analysis.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * The outcome-association stage's result: the odds of the binary outcome in each stratum
 * against a reference stratum, from a logistic regression of the outcome on stratum indicators
 * (the kept people whose outcome is known). With multiple imputation the regression is fitted
 * on every imputed set's own strata and pooled by Rubin's rules with the Barnard–Rubin degrees
 * of freedom; without it, Wald limits from the normal distribution.
 *
 * @param outcome the outcome column
 * @param people people in the regression
 * @param events people with the outcome
 * @param reference the reference stratum, 0-based (the largest)
 * @param rows one row per other stratum, in stratum order
 * @param imputations m, the imputed sets pooled (0 without multiple imputation)
 * @param converged whether every odds ratio was estimable (false: separation, a stratum in
 *     which everyone or no one has the outcome, in some imputed set; its row holds NaN)
 */
public record OutcomeAssociation(String outcome, int people, int events, int reference,
                                 List<Row> rows, int imputations, boolean converged) {
  /** Copies the rows. */
  public OutcomeAssociation {
    rows = List.copyOf(rows);
  }

  /**
   * One stratum against the reference.
   *
   * @param stratum 0-based
   * @param people people of the stratum in the regression (consensus strata)
   * @param events of them with the outcome
   * @param oddsRatio exp(β)
   * @param lower lower 95% limit of the odds ratio
   * @param upper upper 95% limit
   * @param p two-sided p-value of β = 0
   * @param df degrees of freedom of the t reference (Barnard–Rubin); infinite without imputation
   * @param fractionMissingInformation mice's fmi; NaN without imputation
   */
  public record Row(int stratum, int people, int events, double oddsRatio, double lower,
                    double upper, double p, double df, double fractionMissingInformation) {
  }

  /** Nothing to report: no outcome column, or it is the same for everyone. */
  public static Optional<OutcomeAssociation> none() {
    return Optional.empty();
  }
}
