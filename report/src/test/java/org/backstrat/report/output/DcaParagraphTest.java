package org.backstrat.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.backstrat.analysis.dca.DecisionCurves;
import org.backstrat.analysis.dca.NetBenefitCurve;
import org.backstrat.analysis.dca.StratificationDecisionCurves;
import org.backstrat.analysis.dca.ThresholdGrid;
import org.junit.jupiter.api.Test;

class DcaParagraphTest {
  private static final int N = 1000;

  private static NetBenefitCurve curve(String name, long treated, double... nb) {
    long[] tp = new long[nb.length];
    long[] fp = new long[nb.length];
    java.util.Arrays.fill(tp, treated);
    double[] nia = new double[nb.length];
    return new NetBenefitCurve(name, tp, fp, nb, nia);
  }

  private static DecisionCurves curves(NetBenefitCurve rule) {
    ThresholdGrid grid = ThresholdGrid.parse("0.1:0.5:0.1");
    return new DecisionCurves(grid, N, 100, List.of(
        curve(DecisionCurves.TREAT_ALL, N, 0.0, -0.125, -0.2857, -0.5, -0.8),
        curve(DecisionCurves.TREAT_NONE, 0, 0, 0, 0, 0, 0),
        curve(StratificationDecisionCurves.STRATIFICATION, 300, 0.05, 0.03, 0.0, 0.0, 0.0),
        rule));
  }

  @Test
  void aRuleThatTreatsAlmostNoOneIsNotCalledBetterWhereItLeadsOnlyOverTreatNone() {
    // 6 of 1,000 treated: ahead of the strata only at 0.3–0.5, where the strata are at 0
    String text = EvidenceReport.dcaParagraph(curves(curve("sbt_high", 6, 0.004, 0.003, 0.002, 0.002, 0.001)));
    assertThat(text).contains("sbt high: better than the strata for thresholds 0.3 to 0.5 (by at most 0.0020 "
        + "in net benefit, 2.0 net true positives per 1,000 people)");
    assertThat(text).contains("the strata's net benefit is at most 0.0000 (treat-none: 0)")
        .contains("not counted as a better rule")
        .contains("No alternative beats the strata at any threshold.")
        .doesNotContain("Where a simpler rule is better");
    EvidenceReport.DcaComparison c = EvidenceReport.dcaComparisons(curves(
        curve("sbt_high", 6, 0.004, 0.003, 0.002, 0.002, 0.001))).get(2);
    assertThat(c.flatTie()).isTrue();
    assertThat(c.comparatorLeadMax()).isEqualTo(0.002);
  }

  @Test
  void aRuleThatTreatsManyAndLeadsIsNamedAsTheBetterChoiceWithItsMargin() {
    String text = EvidenceReport.dcaParagraph(curves(curve("ompsq_high", 200, 0.06, 0.04, 0.01, 0.0, 0.0)));
    assertThat(text).contains("Where a simpler rule is better: ompsq high (0.1 to 0.3)")
        .contains("by at most 0.0100 in net benefit, 10.0 net true positives per 1,000 people")
        .doesNotContain("not counted as a better rule");
  }
}
