package org.backstrat.analysis.validation;

/**
 * Whether the classes of a training set are linearly separated, which decides whether the
 * unpenalised maximum likelihood estimate of a multinomial logistic regression exists
 * (Albert &amp; Anderson 1984). Strata found by clustering the very features the regression reads
 * are nearest-centre cells, hence usually completely separated.
 */
public enum Separation {
  /** The maximum likelihood estimate exists (the unpenalised fit converged). */
  NONE,
  /**
   * Quasi-complete separation: the estimate does not exist (fitted probabilities run to 0 or 1
   * for some people), but not every person is classified correctly.
   */
  QUASI_COMPLETE,
  /** Complete separation: a linear rule classifies every training person correctly. */
  COMPLETE,
  /** Not checked (models without such a check, or a check that ended undecided). */
  NOT_CHECKED
}
