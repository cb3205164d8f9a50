package org.backstrat.analysis.dca;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * Decision curves of treat-all, treat-none and every predictor over one threshold grid.
 *
 * @param grid the thresholds
 * @param n people
 * @param events people with the outcome
 * @param curves treat_all, treat_none, then the predictors in the order given
 */
public record DecisionCurves(ThresholdGrid grid, int n, int events, List<NetBenefitCurve> curves) {

  /** Model name of the strategy that treats everyone. */
  public static final String TREAT_ALL = "treat_all";
  /** Model name of the strategy that treats no one. */
  public static final String TREAT_NONE = "treat_none";

  public DecisionCurves {
    curves = List.copyOf(curves);
  }

  /** Outcome prevalence events / n. */
  public double prevalence() {
    return (double) events / n;
  }

  /** The curve of a model by name. */
  public NetBenefitCurve curve(String model) {
    for (NetBenefitCurve c : curves) {
      if (c.model().equals(model)) {
        return c;
      }
    }
    throw new NoSuchElementException("no curve named " + model);
  }

  /** The treat-all curve. */
  public NetBenefitCurve treatAll() {
    return curve(TREAT_ALL);
  }

  /** The treat-none curve. */
  public NetBenefitCurve treatNone() {
    return curve(TREAT_NONE);
  }

  /**
   * Threshold ranges where the named model's net benefit is strictly above both treat-all and
   * treat-none.
   */
  public SuperiorRanges superiorRanges(String model) {
    return SuperiorRanges.of(grid, curve(model).netBenefit(), treatAll().netBenefit());
  }
}
