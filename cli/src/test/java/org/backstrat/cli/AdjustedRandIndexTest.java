package org.backstrat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdjustedRandIndexTest {

  private static String[] s(int... x) {
    String[] out = new String[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = Integer.toString(x[i]);
    }
    return out;
  }

  /**
   * Reference values from scikit-learn 1.2.1: /usr/bin/python3 -c "from sklearn.metrics import
   * adjusted_rand_score as a; print(a([0,0,1,1,2,2,2,0,1,2],[1,1,0,0,2,2,0,1,1,2]),
   * a([0,0,0,1,1,1,2,2,2,2,0,1],[0,0,1,1,1,2,2,2,0,2,0,1]))".
   */
  @Test
  void matchesScikitLearn() {
    assertThat(AdjustedRandIndex.of(s(0, 0, 1, 1, 2, 2, 2, 0, 1, 2),
        s(1, 1, 0, 0, 2, 2, 0, 1, 1, 2))).isCloseTo(0.4318181818181818, within(1e-12));
    assertThat(AdjustedRandIndex.of(s(0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 0, 1),
        s(0, 0, 1, 1, 1, 2, 2, 2, 0, 2, 0, 1))).isCloseTo(0.3125, within(1e-12));
  }

  @Test
  void identicalPartitionsUpToRelabellingScoreOne() {
    assertThat(AdjustedRandIndex.of(s(0, 0, 1, 1, 2), s(5, 5, 3, 3, 9))).isEqualTo(1.0);
  }
}
