package org.backstrat.report.model;

/**
 * The trimmed k-means objective as a function of the trim fraction α for one K (the
 * "classification trimmed likelihood" style curve used to choose α and K together).
 *
 * @param k number of strata
 * @param trimFractions α values, increasing
 * @param objectives objective at each α
 */
public record TrimmedObjectiveCurve(int k, double[] trimFractions, double[] objectives) {
  /** Checks lengths and copies. */
  public TrimmedObjectiveCurve {
    if (trimFractions.length != objectives.length) {
      throw new IllegalArgumentException("trimmed objective curve for K=" + k + ": lengths differ");
    }
    trimFractions = trimFractions.clone();
    objectives = objectives.clone();
  }

  @Override
  public double[] trimFractions() {
    return trimFractions.clone();
  }

  @Override
  public double[] objectives() {
    return objectives.clone();
  }
}
