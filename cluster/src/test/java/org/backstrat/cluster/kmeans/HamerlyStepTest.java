package org.backstrat.cluster.kmeans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.cluster.data.SquaredEuclidean;
import org.junit.jupiter.api.Test;

/**
 * {@link HamerlyStep}, the bounded reassignment shared by the single-machine and the Spark
 * engine: its bounds may skip distances but never a better centre, the distance it keeps is the
 * exact one, its bounds stay valid for the next step, and it reports exactly the rows that
 * changed centre.
 */
class HamerlyStepTest {

  /** Data, centres before and after a move, and the state of a full assignment to "before". */
  private static final class Case {
    final int n;
    final int d;
    final int k;
    final double[] x;
    final double[] before;
    final double[] after;
    final int[] label;
    final double[] d2;
    final double[] lower;

    Case(long seed, int n, int d, int k, double move) {
      SplittableRandom rng = new SplittableRandom(seed);
      this.n = n;
      this.d = d;
      this.k = k;
      x = new double[n * d];
      before = new double[k * d];
      for (int i = 0; i < before.length; i++) {
        before[i] = 3 * rng.nextGaussian();
      }
      for (int i = 0; i < n; i++) {
        int g = rng.nextInt(k);
        for (int j = 0; j < d; j++) {
          x[i * d + j] = before[g * d + j] + rng.nextGaussian();
        }
      }
      after = before.clone();
      for (int i = 0; i < after.length; i++) {
        after[i] += move * rng.nextGaussian();
      }
      label = new int[n];
      d2 = new double[n];
      lower = new double[n];
      double[] near = new double[2];
      for (int i = 0; i < n; i++) {
        label[i] = SquaredEuclidean.nearest(x, i * d, before, k, d, false, near);
        d2[i] = near[0];
        lower[i] = Math.sqrt(near[1]);
      }
    }

    /** Squared distances of row i to every centre of {@code c}. */
    double[] all(int i, double[] c) {
      double[] v = new double[k];
      for (int j = 0; j < k; j++) {
        v[j] = SquaredEuclidean.between(x, i * d, c, j * d, d);
      }
      return v;
    }
  }

  @Test
  void everyRowEndsAtItsNearestCentreWithTheExactDistanceWhateverTheBoundsSkipped() {
    for (double move : new double[] {0.01, 0.3, 2.0}) {
      for (int k : new int[] {1, 2, 3, 7}) {
        Case t = new Case(17 + k, 3000, 5, k, move);
        HamerlyStep.between(t.before, t.after, k, t.d)
            .reassign(t.x, 0, t.n, t.label, t.d2, t.lower, null);
        for (int i = 0; i < t.n; i++) {
          double[] v = t.all(i, t.after);
          for (int j = 0; j < k; j++) {
            assertThat(v[t.label[i]]).as("row %d, move %s, k %d", i, move, k)
                .isLessThanOrEqualTo(v[j]);
          }
          assertThat(Double.doubleToRawLongBits(t.d2[i]))
              .isEqualTo(Double.doubleToRawLongBits(v[t.label[i]]));
        }
      }
    }
  }

  @Test
  void theLowerBoundsStayBelowTheDistanceToEveryOtherCentreForTheNextStep() {
    Case t = new Case(5, 4000, 4, 4, 0.4);
    HamerlyStep.between(t.before, t.after, t.k, t.d)
        .reassign(t.x, 0, t.n, t.label, t.d2, t.lower, null);
    double[] third = t.after.clone();
    SplittableRandom rng = new SplittableRandom(9);
    for (int i = 0; i < third.length; i++) {
      third[i] += 0.4 * rng.nextGaussian();
    }
    for (int i = 0; i < t.n; i++) {
      double[] v = t.all(i, t.after);
      for (int j = 0; j < t.k; j++) {
        if (j != t.label[i]) {
          assertThat(t.lower[i]).isLessThanOrEqualTo(Math.sqrt(v[j]));
        }
      }
    }
    // a second step from these bounds still finds every nearest centre
    HamerlyStep.between(t.after, third, t.k, t.d)
        .reassign(t.x, 0, t.n, t.label, t.d2, t.lower, null);
    for (int i = 0; i < t.n; i++) {
      double[] v = t.all(i, third);
      for (int j = 0; j < t.k; j++) {
        assertThat(v[t.label[i]]).isLessThanOrEqualTo(v[j]);
      }
    }
  }

  @Test
  void onlyTheRowsThatChangedCentreAreReportedInRowOrderAndTheSumIsTheirDistancesInRowOrder() {
    Case t = new Case(23, 5000, 6, 3, 1.5);
    int[] old = t.label.clone();
    List<int[]> heard = new ArrayList<>();
    int from = 1000;
    int to = 4000;
    double sum = HamerlyStep.between(t.before, t.after, t.k, t.d)
        .reassign(t.x, from, to, t.label, t.d2, t.lower, (row, a, b) ->
            heard.add(new int[] {row, a, b}));
    List<int[]> changed = new ArrayList<>();
    double expected = 0;
    for (int i = 0; i < t.n; i++) {
      if (i < from || i >= to) {
        assertThat(t.label[i]).isEqualTo(old[i]); // outside the range: untouched
        continue;
      }
      expected += t.d2[i];
      if (t.label[i] != old[i]) {
        changed.add(new int[] {i, old[i], t.label[i]});
      }
    }
    assertThat(changed).isNotEmpty();
    assertThat(heard).containsExactlyElementsOf(changed);
    assertThat(Double.doubleToRawLongBits(sum)).isEqualTo(Double.doubleToRawLongBits(expected));
  }

  @Test
  void centresThatDidNotMoveLeaveEveryLabelAndSkipNoExactDistance() {
    Case t = new Case(31, 2000, 3, 4, 0);
    int[] old = t.label.clone();
    double[] oldD2 = t.d2.clone();
    HamerlyStep.between(t.before, t.before.clone(), t.k, t.d)
        .reassign(t.x, 0, t.n, t.label, t.d2, t.lower, (row, a, b) -> {
          throw new AssertionError("row " + row + " moved with centres that did not");
        });
    assertThat(t.label).containsExactly(old);
    assertThat(t.d2).containsExactly(oldD2);
  }
}
