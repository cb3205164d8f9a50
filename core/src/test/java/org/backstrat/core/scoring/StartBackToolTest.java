package org.backstrat.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Boundaries of the STarT Back scoring rules (Hill et al. 2008, as in DESIGN.md). */
class StartBackToolTest {

  /** Answers in published order: items 1–8 agree (1) or not (0), item 9 as ticked 0–4. */
  private static double[] answers(int i1, int i2, int i3, int i4, int i5, int i6, int i7, int i8,
                                  int i9) {
    return new double[] {i1, i2, i3, i4, i5, i6, i7, i8, i9};
  }

  @Test
  void totalThreeIsLowRisk() {
    double[] a = answers(1, 1, 1, 0, 0, 0, 0, 0, 0);
    assertThat(StartBackTool.total(a)).isEqualTo(3);
    assertThat(StartBackTool.riskCode(StartBackTool.total(a), StartBackTool.psychosocial(a)))
        .isEqualTo(SbtRisk.LOW.ordinal());
  }

  @Test
  void totalFourIsMediumRisk() {
    double[] a = answers(1, 1, 1, 1, 0, 0, 0, 0, 0);
    assertThat(StartBackTool.total(a)).isEqualTo(4);
    assertThat(StartBackTool.riskCode(StartBackTool.total(a), StartBackTool.psychosocial(a)))
        .isEqualTo(SbtRisk.MEDIUM.ordinal());
  }

  @Test
  void psychosocialThreeIsNotHighRisk() {
    double[] a = answers(1, 1, 0, 0, 1, 1, 1, 0, 0);
    assertThat(StartBackTool.psychosocial(a)).isEqualTo(3);
    assertThat(StartBackTool.risk(5, 3)).isEqualTo(SbtRisk.MEDIUM);
    assertThat(StartBackTool.riskCode(StartBackTool.total(a), StartBackTool.psychosocial(a)))
        .isEqualTo(SbtRisk.MEDIUM.ordinal());
  }

  @Test
  void psychosocialFourIsHighRisk() {
    double[] a = answers(1, 1, 0, 0, 1, 1, 1, 1, 0);
    assertThat(StartBackTool.psychosocial(a)).isEqualTo(4);
    assertThat(StartBackTool.riskCode(StartBackTool.total(a), StartBackTool.psychosocial(a)))
        .isEqualTo(SbtRisk.HIGH.ordinal());
  }

  @Test
  void psychosocialFourIsHighRiskEvenWithTotalFour() {
    // total 4 would be medium; the psychosocial rule comes first
    assertThat(StartBackTool.risk(4, 4)).isEqualTo(SbtRisk.HIGH);
  }

  @Test
  void item9AnswerTwoModeratelyScoresZero() {
    assertThat(StartBackTool.scoreItem(Construct.SBT_BOTHERSOMENESS, 2)).isZero();
    assertThat(StartBackTool.total(answers(0, 0, 0, 0, 0, 0, 0, 0, 2))).isZero();
    assertThat(StartBackTool.psychosocial(answers(0, 0, 0, 0, 0, 0, 0, 0, 2))).isZero();
  }

  @Test
  void item9AnswerThreeVeryMuchScoresOne() {
    assertThat(StartBackTool.scoreItem(Construct.SBT_BOTHERSOMENESS, 3)).isEqualTo(1);
    assertThat(StartBackTool.total(answers(0, 0, 0, 0, 0, 0, 0, 0, 3))).isEqualTo(1);
    assertThat(StartBackTool.psychosocial(answers(0, 0, 0, 0, 0, 0, 0, 0, 3))).isEqualTo(1);
  }

  @Test
  void item9AnswerFourExtremelyScoresOne() {
    assertThat(StartBackTool.scoreItem(Construct.SBT_BOTHERSOMENESS, 4)).isEqualTo(1);
  }

  @Test
  void items1To8ScoreOneForAgreeAndZeroOtherwise() {
    for (Construct c : Instrument.SBT.constructs()) {
      if (c != Construct.SBT_BOTHERSOMENESS) {
        assertThat(StartBackTool.scoreItem(c, 1)).as(c.key()).isEqualTo(1);
        assertThat(StartBackTool.scoreItem(c, 0)).as(c.key()).isZero();
      }
    }
  }

  @Test
  void psychosocialSubscaleCountsOnlyItems5To9() {
    assertThat(StartBackTool.psychosocial(answers(1, 1, 1, 1, 0, 0, 0, 0, 0))).isZero();
    assertThat(StartBackTool.psychosocial(answers(0, 0, 0, 0, 1, 1, 1, 1, 4))).isEqualTo(5);
  }

  @Test
  void extremeAnswersGiveTotalsZeroAndNine() {
    assertThat(StartBackTool.total(answers(0, 0, 0, 0, 0, 0, 0, 0, 0))).isZero();
    assertThat(StartBackTool.total(answers(1, 1, 1, 1, 1, 1, 1, 1, 4))).isEqualTo(9);
  }

  @Test
  void agreeCodeOutsideZeroOneIsRejected() {
    assertThatThrownBy(() -> StartBackTool.total(answers(2, 0, 0, 0, 0, 0, 0, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sbt.leg_pain");
  }

  @Test
  void item9AnswerFiveIsRejected() {
    assertThatThrownBy(() -> StartBackTool.scoreItem(Construct.SBT_BOTHERSOMENESS, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fractionalAnswerIsRejected() {
    assertThatThrownBy(() -> StartBackTool.scoreItem(Construct.SBT_FEAR, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ompsqItemIsNotAStartBackItem() {
    assertThatThrownBy(() -> StartBackTool.scoreItem(Construct.OMPSQ_PAIN, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void impossibleScoreCombinationIsRejected() {
    assertThatThrownBy(() -> StartBackTool.risk(3, 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StartBackTool.risk(10, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void columnScoringGivesTheSameAsPerPersonScoring() {
    double[][] columns = new double[9][2];
    double[] p1 = answers(1, 1, 0, 0, 1, 1, 1, 1, 3);
    double[] p2 = answers(0, 1, 0, 0, 0, 0, 0, 0, 1);
    for (int k = 0; k < 9; k++) {
      columns[k][0] = p1[k];
      columns[k][1] = p2[k];
    }
    StartBackTool.Scores s = StartBackTool.score(columns);
    assertThat(s.total()).containsExactly(7, 1);
    assertThat(s.psychosocial()).containsExactly(5, 0);
    assertThat(s.riskCode()).containsExactly(SbtRisk.HIGH.ordinal(), SbtRisk.LOW.ordinal());
  }
}
