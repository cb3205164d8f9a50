package org.backstrat.analysis.dca;

/**
 * The decision curve of one model over a threshold grid (arrays indexed like the grid).
 *
 * @param model model name ({@code treat_all}, {@code treat_none} or a predictor's name)
 * @param truePositives people treated who have the outcome, per threshold
 * @param falsePositives people treated who do not, per threshold
 * @param netBenefit TP/n − FP/n · pt/(1−pt), per threshold
 * @param netInterventionsAvoided (NB − NB_treat_all) / (pt/(1−pt)), per threshold, per person
 *     (dcurves' {@code net_intervention_avoided} with nper = 1); NaN at pt = 0, where it is
 *     undefined
 */
public record NetBenefitCurve(String model, long[] truePositives, long[] falsePositives,
                              double[] netBenefit, double[] netInterventionsAvoided) {

  public NetBenefitCurve {
    truePositives = truePositives.clone();
    falsePositives = falsePositives.clone();
    netBenefit = netBenefit.clone();
    netInterventionsAvoided = netInterventionsAvoided.clone();
  }

  @Override
  public long[] truePositives() {
    return truePositives.clone();
  }

  @Override
  public long[] falsePositives() {
    return falsePositives.clone();
  }

  @Override
  public double[] netBenefit() {
    return netBenefit.clone();
  }

  @Override
  public double[] netInterventionsAvoided() {
    return netInterventionsAvoided.clone();
  }

  /** Net benefit at threshold index i. */
  public double netBenefitAt(int i) {
    return netBenefit[i];
  }
}
