package org.backstrat.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;

/** The façade the characterisation calls: test rows, family adjustment, pairwise rows. */
class StratumComparisonTest {
  // 3 strata of 10 (label -1 = a trimmed outlier, NaN = missing)
  private static final int[] STRATA = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
      2, 2, 2, 2, 2, 2, 2, 2, 2, 2, -1};
  private static final double[] SCORE = {1, 2, 2, 3, 1, 0, 2, 1, 3, 2, 5, 6, 4, 7, 5, 6, 5, Double.NaN,
      6, 4, 3, 3, 4, 2, 3, 4, 5, 3, 2, 4, 100};
  // smoking 0/1/2: rare level 2 makes expected counts small
  private static final double[] SMOKING = {0, 0, 0, 1, 0, 0, 1, 0, 0, 2, 1, 1, 1, 0, 1, 1, 2, 1, 1, 1,
      0, 1, 0, 1, 0, 2, 0, 1, 0, 0, 2};

  @Test
  void numericVariableGetsKruskalWallisWithEpsilonSquaredOnKeptPeople() {
    StratumComparison.TestRow row = StratumComparison.withDefaults()
        .test("sbt_total", VariableScale.NUMERIC, SCORE, STRATA);
    assertThat(row.test()).isEqualTo(TestKind.KRUSKAL_WALLIS);
    assertThat(row.test().label()).isEqualTo("kruskal-wallis");
    assertThat(row.n()).isEqualTo(29);
    assertThat(row.degreesOfFreedom()).isEqualTo(2);
    assertThat(row.effectSizeMeasure()).isEqualTo(StratumComparison.EffectSize.EPSILON_SQUARED);
    assertThat(row.pAdjusted()).isNaN();
    KruskalWallis.Result direct = KruskalWallis.withDefaults().test(SCORE, STRATA);
    assertThat(row.statistic()).isEqualTo(direct.statistic());
    assertThat(row.p()).isEqualTo(direct.p());
  }

  @Test
  void categoricalVariableWithSmallExpectedCountsGetsTheExactTest() {
    StratumComparison.TestRow row = StratumComparison.withDefaults()
        .test("smoking", VariableScale.CATEGORICAL, SMOKING, STRATA);
    assertThat(row.test()).isEqualTo(TestKind.FISHER_FREEMAN_HALTON);
    assertThat(row.method()).isEqualTo(PValueMethod.EXACT);
    assertThat(row.degreesOfFreedom()).isEqualTo(4);
    assertThat(row.effectSizeMeasure()).isEqualTo(StratumComparison.EffectSize.CRAMERS_V);
    long[][] table = ContingencyTable.crossTabulate(GroupedSample.of(SMOKING, STRATA)).counts();
    assertThat(row.p()).isEqualTo(FisherFreemanHalton.withDefaults().test(table).p());
  }

  @Test
  void categoricalVariableWithLargeExpectedCountsGetsChiSquare() {
    int n = 300;
    double[] sex = new double[n];
    int[] strata = new int[n];
    for (int i = 0; i < n; i++) {
      strata[i] = i % 3;
      sex[i] = (i * 7 % 5) < 2 + strata[i] % 2 ? 1 : 0;
    }
    StratumComparison.TestRow row = StratumComparison.withDefaults()
        .test("sex", VariableScale.CATEGORICAL, sex, strata);
    assertThat(row.test()).isEqualTo(TestKind.CHI_SQUARE);
    assertThat(row.method()).isEqualTo(PValueMethod.ASYMPTOTIC);
  }

  @Test
  void cochranRuleSwitchesOnExpectedCountsBelowOneOrTooManyBelowFive() {
    assertThat(ExactTestRule.COCHRAN.requiresExact(new double[][] {{0.9, 10}, {10, 10}})).isTrue();
    assertThat(ExactTestRule.COCHRAN.requiresExact(new double[][] {{4, 10, 10}, {10, 10, 10}})).isFalse();
    assertThat(ExactTestRule.COCHRAN.requiresExact(new double[][] {{4, 4, 10}, {10, 10, 10}})).isTrue();
    assertThat(ExactTestRule.NEVER.requiresExact(new double[][] {{0.1, 1}, {1, 1}})).isFalse();
    assertThat(ExactTestRule.ALWAYS.requiresExact(new double[][] {{100, 100}, {100, 100}})).isTrue();
  }

  @Test
  void familyAdjustmentFillsPAdjustedInOrder() {
    StratumComparison c = StratumComparison.withDefaults();
    List<StratumComparison.TestRow> rows = List.of(
        c.test("sbt_total", VariableScale.NUMERIC, SCORE, STRATA),
        c.test("smoking", VariableScale.CATEGORICAL, SMOKING, STRATA));
    List<StratumComparison.TestRow> adjusted = c.adjust(rows);
    double[] expected = PValueAdjustment.HOLM.adjust(new double[] {rows.get(0).p(), rows.get(1).p()});
    assertThat(adjusted).extracting(StratumComparison.TestRow::variable)
        .containsExactly("sbt_total", "smoking");
    assertThat(adjusted.get(0).pAdjusted()).isEqualTo(expected[0]);
    assertThat(adjusted.get(1).pAdjusted()).isEqualTo(expected[1]);
    List<StratumComparison.TestRow> bh = c.with(PValueAdjustment.BENJAMINI_HOCHBERG).adjust(rows);
    assertThat(bh.get(0).pAdjusted()).isEqualTo(
        PValueAdjustment.BENJAMINI_HOCHBERG.adjust(new double[] {rows.get(0).p(), rows.get(1).p()})[0]);
  }

  @Test
  void constantVariableGivesANotComputableRowThatAdjustmentSkips() {
    double[] constant = new double[STRATA.length];
    StratumComparison c = StratumComparison.withDefaults();
    StratumComparison.TestRow flat = c.test("flat", VariableScale.ORDINAL, constant, STRATA);
    StratumComparison.TestRow oneLevel = c.test("one_level", VariableScale.CATEGORICAL, constant, STRATA);
    assertThat(flat.method()).isEqualTo(PValueMethod.NOT_COMPUTABLE);
    assertThat(oneLevel.method()).isEqualTo(PValueMethod.NOT_COMPUTABLE);
    List<StratumComparison.TestRow> adjusted = c.adjust(List.of(flat, oneLevel,
        c.test("sbt_total", VariableScale.NUMERIC, SCORE, STRATA)));
    assertThat(adjusted.get(0).pAdjusted()).isNaN();
    assertThat(adjusted.get(2).pAdjusted()).isEqualTo(adjusted.get(2).p()); // family of one
  }

  @Test
  void oneStratumIsBadInputNamingTheVariable() {
    int[] single = new int[STRATA.length];
    assertThatThrownBy(() -> StratumComparison.withDefaults()
        .test("bmi", VariableScale.NUMERIC, SCORE, single))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("bmi");
  }

  @Test
  void numericPairwiseRowsAreDunnAdjustedWithinTheVariable() {
    List<StratumComparison.PairwiseRow> rows = StratumComparison.withDefaults()
        .pairwise("sbt_total", VariableScale.NUMERIC, SCORE, STRATA);
    assertThat(rows).extracting(r -> r.stratumA() + "-" + r.stratumB())
        .containsExactly("0-1", "0-2", "1-2");
    assertThat(rows).allSatisfy(r -> assertThat(r.test()).isEqualTo(TestKind.DUNN));
    double[] raw = rows.stream().mapToDouble(StratumComparison.PairwiseRow::p).toArray();
    double[] holm = PValueAdjustment.HOLM.adjust(raw);
    for (int i = 0; i < raw.length; i++) {
      assertThat(rows.get(i).pAdjusted()).isEqualTo(holm[i]);
    }
    assertThat(rows.get(0).statistic()).isNegative(); // stratum 0 ranks lower than stratum 1
  }

  @Test
  void categoricalPairwiseRowsTestEachTwoStratumTable() {
    List<StratumComparison.PairwiseRow> rows = StratumComparison.withDefaults()
        .pairwise("smoking", VariableScale.CATEGORICAL, SMOKING, STRATA);
    assertThat(rows).hasSize(3);
    long[][] t01 = {{7, 1}, {2, 8}, {1, 1}};
    assertThat(rows.get(0).test()).isEqualTo(TestKind.FISHER_FREEMAN_HALTON);
    assertThat(rows.get(0).p()).isEqualTo(FisherFreemanHalton.withDefaults().test(t01).p());
  }

  @Test
  void describeGivesPerStratumSummariesAndLevelCounts() {
    StratumComparison.NumericByStratum d = StratumComparison.describeNumeric(SCORE, STRATA);
    assertThat(d.strata()).containsExactly(0, 1, 2);
    assertThat(d.summaries().get(1).n()).isEqualTo(9);
    assertThat(d.summaries().get(1).missing()).isEqualTo(1);
    LevelCounts counts = StratumComparison.describeCategorical(SMOKING, STRATA);
    assertThat(counts.levels()).containsExactly(0, 1, 2);
    assertThat(counts.counts()[0]).containsExactly(7, 1, 6);
    assertThat(counts.percent(0, 0)).isEqualTo(70.0);
  }
}
