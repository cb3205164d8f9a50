package org.backstrat.analysis.dca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class OutOfFoldStratumRiskTest {

  @Test
  void riskIsTheStratumRateOnTheOtherFolds() {
    int[] stratum = {0, 0, 0, 0, 1, 1, 1, 1};
    boolean[] y = {true, false, true, true, false, false, true, false};
    int[] fold = {0, 1, 0, 1, 0, 1, 0, 1};
    double[] r = OutOfFoldStratumRisk.compute(stratum, 2, y, fold);
    // fold 0 persons see fold 1: stratum 0 -> {false, true} = 0.5, stratum 1 -> {false, false} = 0
    // fold 1 persons see fold 0: stratum 0 -> {true, true} = 1, stratum 1 -> {false, true} = 0.5
    assertThat(r).containsExactly(0.5, 1.0, 0.5, 1.0, 0.0, 0.5, 0.0, 0.5);
  }

  @Test
  void stratumAbsentFromTrainingGetsTheTrainingPrevalence() {
    int[] stratum = {0, 0, 0, 1, 0, 0};
    boolean[] y = {true, false, false, true, true, true};
    int[] fold = {0, 0, 0, 1, 1, 1};
    double[] r = OutOfFoldStratumRisk.compute(stratum, 2, y, fold);
    // the stratum-1 person is in fold 1; fold 0's rows (the training part) have no stratum 1
    assertThat(r[3]).isCloseTo(1.0 / 3, within(1e-15));
    // fold-0 rows: stratum 0 in fold 1 = {true, true} -> 1
    assertThat(r[0]).isEqualTo(1.0);
  }

  @Property(tries = 100)
  void aPersonsOwnOutcomeNeverChangesTheirRisk(@ForAll @Size(min = 6, max = 40) List<@IntRange(min = 0, max = 2) Integer> strata,
                                               @ForAll @IntRange(min = 0, max = 1000) int seed) {
    int n = strata.size();
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    int[] s = new int[n];
    boolean[] y = new boolean[n];
    int[] fold = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = strata.get(i);
      y[i] = r.nextBoolean();
      fold[i] = i % 3;
    }
    double[] before = OutOfFoldStratumRisk.compute(s, 3, y, fold);
    int who = r.nextInt(n);
    y[who] = !y[who];
    double[] after = OutOfFoldStratumRisk.compute(s, 3, y, fold);
    assertThat(after[who]).isEqualTo(before[who]);
    for (int i = 0; i < n; i++) {
      if (fold[i] == fold[who]) {
        assertThat(after[i]).isEqualTo(before[i]);
      }
    }
  }
}
