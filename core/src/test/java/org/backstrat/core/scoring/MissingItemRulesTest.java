package org.backstrat.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The missing rule of DESIGN.md, one test per derived score: a score is missing when any item it
 * needs is missing, present when all are, and nothing is guessed.
 */
class MissingItemRulesTest {

  private static final double NA = Double.NaN;

  private static double[] sbt() {
    return new double[] {1, 0, 1, 0, 1, 1, 1, 1, 4}; // total 7, psychosocial 5: high
  }

  private static double[] ompsq() {
    return new double[] {3, 4, 5, 6, 7, 8, 9, 2, 1, 0};
  }

  private static double[] without(double[] a, int index) {
    double[] b = Arrays.copyOf(a, a.length);
    b[index] = NA;
    return b;
  }

  @Test
  void sbtPsychosocialNeedsItems5To9Only() {
    for (int k = 0; k < 4; k++) {
      assertThat(StartBackTool.psychosocial(without(sbt(), k))).as("item " + (k + 1))
          .isEqualTo(5);
    }
  }

  @Test
  void sbtPsychosocialIsMissingWhenAnyOfItems5To9IsMissing() {
    for (int k = 4; k < 9; k++) {
      assertThat(StartBackTool.psychosocial(without(sbt(), k))).as("item " + (k + 1)).isNaN();
    }
  }

  @Test
  void sbtTotalIsMissingWhenAnyItemIsMissing() {
    assertThat(StartBackTool.total(sbt())).isEqualTo(7);
    for (int k = 0; k < 9; k++) {
      assertThat(StartBackTool.total(without(sbt(), k))).as("item " + (k + 1)).isNaN();
    }
  }

  @Test
  void sbtRiskIsMissingWhenAnyItemIsMissingEvenIfPsychosocialAloneWouldMakeItHigh() {
    for (int k = 0; k < 9; k++) {
      double[] a = without(sbt(), k);
      assertThat(StartBackTool.riskCode(StartBackTool.total(a), StartBackTool.psychosocial(a)))
          .as("item " + (k + 1)).isNaN();
    }
  }

  @Test
  void eachOmpsqFactorNeedsExactlyItsTwoItems() {
    for (OmpsqFactor f : OmpsqFactor.values()) {
      for (int k = 0; k < 10; k++) {
        double score = OmpsqShortForm.factor(f, without(ompsq(), k));
        boolean needed = f.items().get(0).position() == k + 1
            || f.items().get(1).position() == k + 1;
        if (needed) {
          assertThat(score).as(f + " without item " + (k + 1)).isNaN();
        } else {
          assertThat(score).as(f + " without item " + (k + 1))
              .isEqualTo(OmpsqShortForm.factor(f, ompsq()));
        }
      }
    }
  }

  @Test
  void ompsqTotalAndHighRiskAreMissingWhenAnyItemIsMissing() {
    assertThat(OmpsqShortForm.total(ompsq())).isEqualTo(3 + 4 + 5 + 4 + 7 + 8 + 9 + 8 + 1);
    for (int k = 0; k < 10; k++) {
      double total = OmpsqShortForm.total(without(ompsq(), k));
      assertThat(total).as("item " + (k + 1)).isNaN();
      assertThat(OmpsqShortForm.highRisk(total)).as("item " + (k + 1)).isNaN();
    }
  }

  @Test
  void ddScoresAreMissingWhenAnyGradeIsMissing() {
    double[] grades = {2, 2, 3, 4, 5};
    for (int k = 0; k < 5; k++) {
      double[] g = without(grades, k);
      assertThat(DiscDegeneration.sum(g)).as("level " + k).isNaN();
      assertThat(DiscDegeneration.max(g)).as("level " + k).isNaN();
      assertThat(DiscDegeneration.degeneratedLevels(g)).as("level " + k).isNaN();
    }
  }

  @Test
  void ftLevelNeedsBothSidesOfItsLevel() {
    assertThat(FacetTropism.tropismDegrees(NA, 40)).isNaN();
    assertThat(FacetTropism.tropismDegrees(40, NA)).isNaN();
    double[][] angles = {{40}, {NA}, {50}, {58}, {35}, {36}};
    FacetTropism.Scores s = FacetTropism.score(angles);
    assertThat(s.byLevelDegrees()[0][0]).isNaN();
    assertThat(s.byLevelDegrees()[1][0]).as("other levels unaffected").isEqualTo(8);
    assertThat(s.byLevelDegrees()[2][0]).as("other levels unaffected").isEqualTo(1);
  }

  @Test
  void ftMaxAndFlagsAreMissingWhenAnyOfTheSixAnglesIsMissing() {
    double[] complete = {40, 43, 50, 62, 35, 35}; // L4/5 tropism 12: any_7 and any_10 true
    for (int k = 0; k < 6; k++) {
      double[][] angles = new double[6][1];
      for (int j = 0; j < 6; j++) {
        angles[j][0] = j == k ? NA : complete[j];
      }
      FacetTropism.Scores s = FacetTropism.score(angles);
      assertThat(s.maxDegrees()[0]).as("angle " + k).isNaN();
      assertThat(s.any7()[0]).as("angle " + k).isNaN();
      assertThat(s.any10()[0]).as("angle " + k).isNaN();
    }
  }

  @Test
  void lbpBothersomeFrequentIsMissingWhenEitherInputIsMissing() {
    ScoringOptions o = ScoringOptions.withDefaults();
    assertThat(LbpOutcome.bothersomeFrequent(NA, 10, o)).isNaN();
    assertThat(LbpOutcome.bothersomeFrequent(0, NA, o)).as("not guessed false").isNaN();
  }
}
