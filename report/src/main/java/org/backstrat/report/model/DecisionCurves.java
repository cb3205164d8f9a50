package org.backstrat.report.model;

import java.util.List;

/**
 * Decision curve analysis of one variant.
 *
 * @param outcome binary outcome name (e.g. "lbp_bothersome_frequent")
 * @param prevalence outcome prevalence
 * @param bootstrapReplicates replicates behind the bands (0 = none)
 * @param thresholds threshold probabilities, increasing
 * @param curves one curve per model, each as long as thresholds
 * @param superiorFrom lowest threshold where the stratification beats treat-all and treat-none (NaN = nowhere)
 * @param superiorTo highest such threshold (NaN = nowhere)
 */
public record DecisionCurves(String outcome, double prevalence, int bootstrapReplicates, double[] thresholds,
                             List<NetBenefitCurve> curves, double superiorFrom, double superiorTo) {
  /** Checks lengths and copies. */
  public DecisionCurves {
    curves = List.copyOf(curves);
    for (NetBenefitCurve c : curves) {
      if (c.netBenefit().length != thresholds.length) {
        throw new IllegalArgumentException("decision curve " + c.model() + ": length differs from thresholds");
      }
    }
    thresholds = thresholds.clone();
  }

  @Override
  public double[] thresholds() {
    return thresholds.clone();
  }

  /** @return true when a superior range exists */
  public boolean hasSuperiorRange() {
    return Double.isFinite(superiorFrom) && Double.isFinite(superiorTo);
  }
}
