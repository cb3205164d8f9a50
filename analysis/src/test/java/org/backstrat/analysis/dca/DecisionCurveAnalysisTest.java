package org.backstrat.analysis.dca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DecisionCurveAnalysisTest {

  private static final boolean[] OUTCOME = {true, false, false, true, false, false, false, true};
  private static final double[] RISK = {0.9, 0.3, 0.3, 0.3, 0.0, 1.0, 0.1, 0.05};

  private static DecisionCurves curves(String spec) {
    return DecisionCurveAnalysis.withDefaults().withThresholds(ThresholdGrid.parse(spec))
        .compute(OUTCOME, List.of(new Predictor("m", RISK)));
  }

  @Test
  void countsFollowRiskAtLeastThresholdWithDcurvesZeroAndOneRule() {
    DecisionCurves c = curves("0:0.9:0.3"); // thresholds 0, 0.3, 0.6, 0.9
    NetBenefitCurve m = c.curve("m");
    // t=0: everyone except risk 0 -> TP 3, FP 4; t=0.3: 0.9, 0.3 x3, 1.0 -> TP 2, FP 3
    // t=0.6: 0.9, 1.0 -> TP 1, FP 1; t=0.9: 0.9 (equal), 1.0 -> TP 1, FP 1
    assertThat(m.truePositives()).containsExactly(3, 2, 1, 1);
    assertThat(m.falsePositives()).containsExactly(4, 3, 1, 1);
    assertThat(m.netBenefit()[1]).isCloseTo(2.0 / 8 - 3.0 / 8 * (0.3 / 0.7), within(1e-15));
  }

  @Test
  void treatAllIsPrevalenceMinusOddsWeightedComplement() {
    DecisionCurves c = curves("0.01:0.99:0.01");
    double prev = 3.0 / 8;
    for (int t = 0; t < c.grid().size(); t++) {
      double pt = c.grid().value(t);
      assertThat(c.treatAll().netBenefit()[t]).isCloseTo(prev - (1 - prev) * pt / (1 - pt), within(1e-14));
      assertThat(c.treatNone().netBenefit()[t]).isZero();
    }
    assertThat(c.prevalence()).isEqualTo(prev);
  }

  @Test
  void netInterventionsAvoidedFollowDcurves() {
    DecisionCurves c = curves("0.2");
    double nb = c.curve("m").netBenefit()[0];
    double all = c.treatAll().netBenefit()[0];
    assertThat(c.curve("m").netInterventionsAvoided()[0]).isCloseTo((nb - all) / (0.2 / 0.8), within(1e-15));
    assertThat(c.treatAll().netInterventionsAvoided()[0]).isZero();
    assertThat(curves("0").curve("m").netInterventionsAvoided()[0]).isNaN();
  }

  @Property(tries = 100)
  void modelThatTreatsByTheTruthHasNetBenefitEqualToPrevalence(
      @ForAll @Size(min = 2, max = 60) List<Boolean> outcome,
      @ForAll @DoubleRange(min = 0.01, max = 0.98) double threshold) {
    boolean[] y = new boolean[outcome.size()];
    double[] perfect = new double[y.length];
    int events = 0;
    for (int i = 0; i < y.length; i++) {
      y[i] = outcome.get(i);
      perfect[i] = y[i] ? 1 : 0;
      events += y[i] ? 1 : 0;
    }
    String spec = new java.math.BigDecimal(threshold).setScale(4, java.math.RoundingMode.HALF_UP).toPlainString();
    DecisionCurves c = DecisionCurveAnalysis.withDefaults().withThresholds(ThresholdGrid.parse(spec))
        .compute(y, List.of(new Predictor("perfect", perfect)));
    assertThat(c.curve("perfect").netBenefit()[0]).isCloseTo((double) events / y.length, within(1e-15));
    assertThat(c.curve("perfect").netBenefit()[0]).isGreaterThanOrEqualTo(c.treatAll().netBenefit()[0]);
  }

  @Property(tries = 200)
  void countsEqualBruteForceComparisonAtEveryThreshold(
      @ForAll @Size(min = 1, max = 80) List<@DoubleRange(min = 0, max = 1) Double> risks,
      @ForAll long seed) {
    int n = risks.size();
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    boolean[] y = new boolean[n];
    double[] risk = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = r.nextBoolean();
      // snap some risks onto the grid, 0 or 1 to exercise the boundary rules
      double v = risks.get(i);
      int kind = r.nextInt(4);
      risk[i] = kind == 0 ? Math.round(v * 20) / 20.0 : kind == 1 ? Math.rint(v) : v;
    }
    ThresholdGrid grid = ThresholdGrid.parse("0:0.95:0.05");
    DecisionCurves c = DecisionCurveAnalysis.withDefaults().withThresholds(grid)
        .compute(y, List.of(new Predictor("m", risk)));
    for (int t = 0; t < grid.size(); t++) {
      double pt = grid.value(t);
      long tp = 0;
      long fp = 0;
      for (int i = 0; i < n; i++) {
        boolean treated = risk[i] == 1 || (risk[i] > 0 && risk[i] >= pt);
        tp += treated && y[i] ? 1 : 0;
        fp += treated && !y[i] ? 1 : 0;
      }
      assertThat(c.curve("m").truePositives()[t]).isEqualTo(tp);
      assertThat(c.curve("m").falsePositives()[t]).isEqualTo(fp);
    }
  }
}
