package org.backstrat.analysis.dca;

import java.util.ArrayList;
import java.util.List;

/**
 * Decision curve analysis (Vickers &amp; Elkin 2006) of binary-outcome risk predictions, following
 * the conventions of the R package dcurves (Sjoberg), whose published example this implementation
 * reproduces:
 *
 * <ul>
 *   <li>net benefit NB(pt) = TP/n − FP/n · pt/(1 − pt), where a person is treated when
 *       risk ≥ pt; a risk of exactly 0 is never treated and a risk of exactly 1 always is (dcurves
 *       shifts 0 and 1 by one machine epsilon before comparing, which matters at pt = 0);</li>
 *   <li>treat-all: NB = prevalence − (1 − prevalence) · pt/(1 − pt); treat-none: NB = 0;</li>
 *   <li>net interventions avoided per person = (NB − NB_treat_all) / (pt/(1 − pt)), dcurves'
 *       {@code net_intervention_avoided()} with nper = 1 (multiply by 100 for "per 100
 *       people").</li>
 * </ul>
 *
 * Counting is done once per person (binary search of the person's risk in the grid), so a curve
 * costs O(n log T + T) for n people and T thresholds.
 */
public final class DecisionCurveAnalysis {

  private final ThresholdGrid grid;

  private DecisionCurveAnalysis(ThresholdGrid grid) {
    this.grid = grid;
  }

  /** Analysis on the default grid 0.01:0.99:0.01. */
  public static DecisionCurveAnalysis withDefaults() {
    return new DecisionCurveAnalysis(ThresholdGrid.defaultGrid());
  }

  /** A copy on another threshold grid. */
  public DecisionCurveAnalysis withThresholds(ThresholdGrid thresholds) {
    return new DecisionCurveAnalysis(thresholds);
  }

  /** The threshold grid. */
  public ThresholdGrid thresholds() {
    return grid;
  }

  /**
   * Decision curves of treat-all, treat-none and every predictor.
   *
   * @param outcome true for people with the outcome
   * @param predictors risks, each with one value per person
   * @throws IllegalArgumentException when there are no people or a predictor's length differs
   */
  public DecisionCurves compute(boolean[] outcome, List<Predictor> predictors) {
    int n = outcome.length;
    if (n == 0) {
      throw new IllegalArgumentException("no people");
    }
    int[] weight = new int[n];
    java.util.Arrays.fill(weight, 1);
    int events = 0;
    for (boolean o : outcome) {
      events += o ? 1 : 0;
    }
    List<NetBenefitCurve> curves = new ArrayList<>();
    long[] allTp = new long[grid.size()];
    long[] allFp = new long[grid.size()];
    java.util.Arrays.fill(allTp, events);
    java.util.Arrays.fill(allFp, n - events);
    double[] allNb = netBenefit(allTp, allFp, n);
    curves.add(curve(DecisionCurves.TREAT_ALL, allTp, allFp, n, allNb));
    long[] zero = new long[grid.size()];
    curves.add(curve(DecisionCurves.TREAT_NONE, zero, zero, n, allNb));
    for (Predictor p : predictors) {
      if (p.risk().length != n) {
        throw new IllegalArgumentException(p.name() + ": " + p.risk().length + " risks for " + n + " people");
      }
      long[] tp = new long[grid.size()];
      long[] fp = new long[grid.size()];
      count(treatedCounts(p), outcome, weight, tp, fp);
      curves.add(curve(p.name(), tp, fp, n, allNb));
    }
    return new DecisionCurves(grid, n, events, curves);
  }

  private NetBenefitCurve curve(String name, long[] tp, long[] fp, int n, double[] allNb) {
    double[] nb = netBenefit(tp, fp, n);
    double[] nia = new double[nb.length];
    for (int t = 0; t < nb.length; t++) {
      double pt = grid.value(t);
      nia[t] = pt == 0 ? Double.NaN : (nb[t] - allNb[t]) / (pt / (1 - pt));
    }
    return new NetBenefitCurve(name, tp, fp, nb, nia);
  }

  /** For each person, the number of leading thresholds at which the person is treated. */
  int[] treatedCounts(Predictor p) {
    int n = p.risk().length;
    int[] c = new int[n];
    for (int i = 0; i < n; i++) {
      c[i] = grid.treatedCount(p.riskAt(i));
    }
    return c;
  }

  /**
   * True and false positives per threshold, each person counted {@code weight[i]} times (1 for
   * the data, the bootstrap multiplicity for a resample).
   */
  static void count(int[] treatedCount, boolean[] outcome, int[] weight, long[] tp, long[] fp) {
    int t = tp.length;
    long[] eventsAt = new long[t + 1];
    long[] nonEventsAt = new long[t + 1];
    for (int i = 0; i < treatedCount.length; i++) {
      if (outcome[i]) {
        eventsAt[treatedCount[i]] += weight[i];
      } else {
        nonEventsAt[treatedCount[i]] += weight[i];
      }
    }
    // treated at threshold index j  <=>  treatedCount > j: suffix sums
    long e = 0;
    long f = 0;
    for (int j = t - 1; j >= 0; j--) {
      e += eventsAt[j + 1];
      f += nonEventsAt[j + 1];
      tp[j] = e;
      fp[j] = f;
    }
  }

  /** NB per threshold from counts; the single formula used for every model, treat-all included. */
  double[] netBenefit(long[] tp, long[] fp, int n) {
    double[] nb = new double[tp.length];
    for (int j = 0; j < nb.length; j++) {
      nb[j] = netBenefit(tp[j], fp[j], n, grid.value(j));
    }
    return nb;
  }

  static double netBenefit(long tp, long fp, long n, double threshold) {
    return (double) tp / n - (double) fp / n * (threshold / (1 - threshold));
  }
}
