package org.backstrat.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Boundaries of the ÖMPSQ short form scoring rules (Linton et al. 2011, as in DESIGN.md). */
class OmpsqShortFormTest {

  /**
   * A reference answer set whose scored items are all known: item 1 = 5, items 2–10 = 5, so
   * every scored item is 5 (reversal of 5 is 5) and the total 50.
   */
  private static double[] allFives() {
    double[] a = new double[10];
    java.util.Arrays.fill(a, 5);
    return a;
  }

  @Test
  void total49IsNotHighRisk() {
    double[] a = allFives();
    a[1] = 4; // item 2 (pain), not reversed: 50 − 1
    assertThat(OmpsqShortForm.total(a)).isEqualTo(49);
    assertThat(OmpsqShortForm.highRisk(OmpsqShortForm.total(a))).isZero();
  }

  @Test
  void total50IsHighRisk() {
    double[] a = allFives();
    assertThat(OmpsqShortForm.total(a)).isEqualTo(50);
    assertThat(OmpsqShortForm.highRisk(OmpsqShortForm.total(a))).isEqualTo(1);
  }

  @Test
  void item3LightWorkIsReversed() {
    assertReversed(Construct.OMPSQ_LIGHT_WORK, OmpsqFactor.FUNCTION);
  }

  @Test
  void item4SleepIsReversed() {
    assertReversed(Construct.OMPSQ_SLEEP, OmpsqFactor.FUNCTION);
  }

  @Test
  void item8WorkChancesIsReversed() {
    assertReversed(Construct.OMPSQ_WORK_CHANCES, OmpsqFactor.RETURN_TO_WORK);
  }

  /** Ticking 0 scores 10 and ticking 10 scores 0, in the item, the total and its factor. */
  private static void assertReversed(Construct item, OmpsqFactor factor) {
    assertThat(item.reversed()).isTrue();
    assertThat(OmpsqShortForm.scoreItem(item, 0)).isEqualTo(10);
    assertThat(OmpsqShortForm.scoreItem(item, 10)).isZero();
    assertThat(OmpsqShortForm.scoreItem(item, 3)).isEqualTo(7);
    double[] low = allFives();
    low[item.position() - 1] = 10;
    double[] high = allFives();
    high[item.position() - 1] = 0;
    assertThat(OmpsqShortForm.total(low)).isEqualTo(45);
    assertThat(OmpsqShortForm.total(high)).isEqualTo(55);
    assertThat(OmpsqShortForm.factor(factor, low)).isEqualTo(5);
    assertThat(OmpsqShortForm.factor(factor, high)).isEqualTo(15);
  }

  @Test
  void onlyItems3And4And8AreReversed() {
    for (Construct c : Instrument.OMPSQ.constructs()) {
      boolean reversed = c.position() == 3 || c.position() == 4 || c.position() == 8;
      assertThat(c.reversed()).as(c.key()).isEqualTo(reversed);
      if (!reversed) {
        assertThat(OmpsqShortForm.scoreItem(c, 2)).as(c.key()).isEqualTo(2);
      }
    }
  }

  @Test
  void durationItem1IsScoredAsItsCategory() {
    assertThat(OmpsqShortForm.scoreItem(Construct.OMPSQ_DURATION, 1)).isEqualTo(1);
    assertThat(OmpsqShortForm.scoreItem(Construct.OMPSQ_DURATION, 10)).isEqualTo(10);
  }

  @Test
  void factorScoresSumTheirTwoScoredItems() {
    // items 1..10 ticked as 1,2,3,4,5,6,7,8,9,10; scored 1,2,7,6,5,6,7,2,9,10
    double[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(OmpsqShortForm.factor(OmpsqFactor.PAIN, a)).isEqualTo(3);
    assertThat(OmpsqShortForm.factor(OmpsqFactor.FUNCTION, a)).isEqualTo(13);
    assertThat(OmpsqShortForm.factor(OmpsqFactor.DISTRESS, a)).isEqualTo(11);
    assertThat(OmpsqShortForm.factor(OmpsqFactor.RETURN_TO_WORK, a)).isEqualTo(9);
    assertThat(OmpsqShortForm.factor(OmpsqFactor.FEAR_AVOIDANCE, a)).isEqualTo(19);
    assertThat(OmpsqShortForm.total(a)).isEqualTo(55);
  }

  @Test
  void extremeAnswersGiveTotals1And100() {
    double[] min = {1, 0, 10, 10, 0, 0, 0, 10, 0, 0};
    double[] max = {10, 10, 0, 0, 10, 10, 10, 0, 10, 10};
    assertThat(OmpsqShortForm.total(min)).isEqualTo(1);
    assertThat(OmpsqShortForm.total(max)).isEqualTo(100);
  }

  @Test
  void durationCategoryZeroIsRejected() {
    assertThatThrownBy(() -> OmpsqShortForm.scoreItem(Construct.OMPSQ_DURATION, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ompsq.duration");
  }

  @Test
  void answerElevenIsRejected() {
    assertThatThrownBy(() -> OmpsqShortForm.scoreItem(Construct.OMPSQ_SLEEP, 11))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void columnScoringGivesTheSameAsPerPersonScoring() {
    double[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    double[][] columns = new double[10][1];
    for (int k = 0; k < 10; k++) {
      columns[k][0] = a[k];
    }
    OmpsqShortForm.Scores s = OmpsqShortForm.score(columns);
    assertThat(s.total()).containsExactly(55);
    assertThat(s.highRisk()).containsExactly(1);
    for (OmpsqFactor f : OmpsqFactor.values()) {
      assertThat(s.factor(f)).containsExactly(OmpsqShortForm.factor(f, a));
    }
  }
}
