package org.backstrat.analysis.stats;

/** How a p-value was obtained, so a report can say so. */
public enum PValueMethod {
  /** From the asymptotic (chi-square or normal) distribution of the statistic. */
  ASYMPTOTIC,
  /** Exact, summing over all tables with the observed margins. */
  EXACT,
  /** Monte Carlo estimate (see the exact test's simulations and seed). */
  MONTE_CARLO,
  /** No test possible (all values equal, a single level): p is NaN. */
  NOT_COMPUTABLE
}
