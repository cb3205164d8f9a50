package org.backstrat.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;

/** Special cases of Kruskal–Wallis and Dunn that the reference fixtures do not cover. */
class KruskalWallisTest {

  @Test
  void allValuesEqualGiveNaNStatisticAndP() {
    KruskalWallis.Result r = KruskalWallis.withDefaults()
        .test(new double[] {2, 2, 2, 2, 2}, new int[] {0, 0, 1, 1, 2});
    assertThat(r.statistic()).isNaN();
    assertThat(r.p()).isNaN();
    assertThat(r.epsilonSquared()).isNaN();
    assertThat(r.degreesOfFreedom()).isEqualTo(2);
  }

  @Test
  void emptyGroupsDoNotCountTowardDegreesOfFreedom() {
    double[][] groups = {{1, 2, 3}, {}, {4, 5, 6}, {}};
    KruskalWallis.Result r = KruskalWallis.withDefaults().test(groups);
    assertThat(r.groups()).isEqualTo(2);
    assertThat(r.degreesOfFreedom()).isEqualTo(1);
    KruskalWallis.Result same = KruskalWallis.withDefaults().test(new double[][] {{1, 2, 3}, {4, 5, 6}});
    assertThat(r.statistic()).isEqualTo(same.statistic());
  }

  @Test
  void missingValuesAndNegativeLabelsAreLeftOut() {
    KruskalWallis.Result withExtras = KruskalWallis.withDefaults().test(
        new double[] {1, 2, Double.NaN, 3, 4, 5, 99, 6},
        new int[] {0, 0, 0, 1, 1, 1, -1, 0});
    KruskalWallis.Result clean = KruskalWallis.withDefaults().test(
        new double[] {1, 2, 3, 4, 5, 6}, new int[] {0, 0, 1, 1, 1, 0});
    assertThat(withExtras).isEqualTo(clean);
    assertThat(withExtras.n()).isEqualTo(6);
  }

  @Test
  void fewerThanTwoNonEmptyGroupsIsBadInput() {
    assertThatThrownBy(() -> KruskalWallis.withDefaults()
        .test(new double[] {1, 2, Double.NaN}, new int[] {0, 0, 1}))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("at least two groups");
  }

  @Test
  void lengthMismatchIsBadInput() {
    assertThatThrownBy(() -> KruskalWallis.withDefaults().test(new double[] {1, 2}, new int[] {0}))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("differ in length");
  }

  @Test
  void epsilonSquaredIsHOverNMinusOne() {
    KruskalWallis.Result r = KruskalWallis.withDefaults()
        .test(new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}});
    assertThat(r.epsilonSquared()).isEqualTo(r.statistic() / (r.n() - 1));
    // perfectly separated groups: epsilon^2 = 1 - 3(k-1)... close to 1 but below it
    assertThat(r.epsilonSquared()).isBetween(0.8, 1.0);
  }

  @Test
  void dunnOrdersPairsByLabelAndGivesNaNWhenAllValuesEqual() {
    DunnTest.Result equal = DunnTest.withDefaults()
        .test(new double[] {1, 1, 1, 1}, new int[] {5, 3, 5, 3});
    assertThat(equal.comparisons()).singleElement().satisfies(c -> {
      assertThat(c.groupA()).isEqualTo(3);
      assertThat(c.groupB()).isEqualTo(5);
      assertThat(c.z()).isNaN();
      assertThat(c.p()).isNaN();
    });
  }
}
