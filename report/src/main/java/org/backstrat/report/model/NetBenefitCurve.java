package org.backstrat.report.model;

/**
 * Net benefit of one model over the thresholds of its {@link DecisionCurves}, with an optional
 * bootstrap band.
 *
 * @param model model name: "stratification", "treat_all", "treat_none", "sbt_risk", "ompsq_high_risk", …
 * @param netBenefit net benefit per threshold
 * @param lower band lower limit per threshold, or null
 * @param upper band upper limit per threshold, or null
 */
public record NetBenefitCurve(String model, double[] netBenefit, double[] lower, double[] upper) {
  /** Checks lengths and copies. */
  public NetBenefitCurve {
    if ((lower == null) != (upper == null)) {
      throw new IllegalArgumentException("net benefit of " + model + ": band needs both limits");
    }
    if (lower != null && (lower.length != netBenefit.length || upper.length != netBenefit.length)) {
      throw new IllegalArgumentException("net benefit of " + model + ": band length differs");
    }
    netBenefit = netBenefit.clone();
    lower = lower == null ? null : lower.clone();
    upper = upper == null ? null : upper.clone();
  }

  /** A curve without band. */
  public static NetBenefitCurve of(String model, double[] netBenefit) {
    return new NetBenefitCurve(model, netBenefit, null, null);
  }

  @Override
  public double[] netBenefit() {
    return netBenefit.clone();
  }

  @Override
  public double[] lower() {
    return lower == null ? null : lower.clone();
  }

  @Override
  public double[] upper() {
    return upper == null ? null : upper.clone();
  }
}
