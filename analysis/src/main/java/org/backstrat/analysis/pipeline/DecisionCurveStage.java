package org.backstrat.analysis.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.analysis.dca.Predictor;
import org.backstrat.analysis.dca.StratificationDecisionCurves;
import org.backstrat.analysis.dca.ThresholdGrid;
import org.backstrat.core.BadInputException;
import org.backstrat.core.RandomStream;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.Variable;

/**
 * Stage 7, decision curves: the net benefit of treating by stratum risk (each person's risk is
 * their stratum's outcome rate estimated out of fold, never on their own row) for the
 * configured binary outcome, beside treat-all, treat-none, SBT high risk and ÖMPSQ-short high
 * risk, with bootstrap bands ({@link RandomStream#DECISION_CURVES}). Skipped, with a note,
 * when the cohort has no outcome column.
 */
public final class DecisionCurveStage {
  private DecisionCurveStage() {
  }

  /**
   * Runs the stage.
   *
   * @throws BadInputException when the outcome is the same for everyone analysed
   */
  public static DecisionCurveOutcome run(VariantContext ctx, StrataFit fit) {
    AnalysisConfig config = ctx.config();
    Cohort scored = ctx.scored();
    if (!scored.has(config.outcome())) {
      ctx.note("no decision curves: the cohort has no " + config.outcome() + " column");
      return new DecisionCurveOutcome(Optional.empty(), 0);
    }
    ctx.progress().step(ctx.name() + ": decision curves for " + config.outcome());
    Input in = input(ctx, fit.keptCohortRows(), fit.keptStrata());
    int people = in.outcome.length;
    int events = 0;
    for (boolean b : in.outcome) {
      events += b ? 1 : 0;
    }
    if (events == 0 || events == people) {
      throw new BadInputException(scored.source() + ": column " + config.outcome()
          + ": expected both outcomes among the " + people + " people of variant " + ctx.name()
          + " for decision curves, but it is " + (events == 0 ? "false" : "true")
          + " for all of them (choose another outcome in the analysis config)");
    }
    return new DecisionCurveOutcome(Optional.of(StratificationDecisionCurves.withDefaults()
        .withThresholds(ThresholdGrid.parse(config.thresholds()))
        .withFolds(config.folds())
        .withSeed(RandomStream.DECISION_CURVES.seed(config.seed()))
        .withBootstrapReplicates(config.dcaBootstrap())
        .compute(in.strata, fit.k(), in.outcome, in.comparators)), people);
  }

  private record Input(int[] strata, boolean[] outcome, List<Predictor> comparators) {
  }

  /**
   * The kept people whose outcome (and every available comparator) is known; comparators are
   * SBT high risk (sbt_risk = high) and ÖMPSQ-short high risk (total >= 50) as 0/1 risks.
   */
  private static Input input(VariantContext ctx, int[] cohortRows, int[] strata) {
    Cohort scored = ctx.scored();
    double[] y = scored.values(ctx.config().outcome());
    Map<String, double[]> comparatorValues = new LinkedHashMap<>();
    if (scored.has("sbt_risk")) {
      Variable v = scored.variable("sbt_risk").orElseThrow();
      int high = v.levels().indexOf("high");
      double[] risk = scored.values("sbt_risk");
      double[] r = new double[risk.length];
      for (int i = 0; i < r.length; i++) {
        r[i] = Double.isNaN(risk[i]) ? Double.NaN : (risk[i] == high ? 1 : 0);
      }
      comparatorValues.put("sbt_risk", r);
    } else {
      ctx.note("decision curves without the SBT risk group: no sbt_risk column");
    }
    if (scored.has("ompsq_high_risk")) {
      comparatorValues.put("ompsq_high_risk", scored.values("ompsq_high_risk"));
    } else {
      ctx.note("decision curves without ÖMPSQ high risk: no ompsq_high_risk column");
    }
    List<Integer> use = new ArrayList<>();
    for (int i = 0; i < cohortRows.length; i++) {
      int r = cohortRows[i];
      boolean ok = !Double.isNaN(y[r]);
      for (double[] c : comparatorValues.values()) {
        ok &= !Double.isNaN(c[r]);
      }
      if (ok) {
        use.add(i);
      }
    }
    if (use.size() < cohortRows.length) {
      ctx.note((cohortRows.length - use.size()) + " people without the outcome or a "
          + "comparator are left out of the decision curves");
    }
    int m = use.size();
    int[] s = new int[m];
    boolean[] out = new boolean[m];
    Map<String, double[]> risks = new LinkedHashMap<>();
    comparatorValues.keySet().forEach(key -> risks.put(key, new double[m]));
    for (int q = 0; q < m; q++) {
      int i = use.get(q);
      int r = cohortRows[i];
      s[q] = strata[i];
      out[q] = y[r] == 1;
      for (Map.Entry<String, double[]> e : comparatorValues.entrySet()) {
        risks.get(e.getKey())[q] = e.getValue()[r];
      }
    }
    List<Predictor> comparators = new ArrayList<>();
    risks.forEach((key, r) -> comparators.add(new Predictor(key, r)));
    return new Input(s, out, comparators);
  }
}
