package org.backstrat.cluster.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link SquaredEuclidean#nearest} sweeps three centres at once for speed; its label, squared
 * distance and second-smallest distance must be bit for bit those of the centre-by-centre loop
 * over {@link SquaredEuclidean#between} or {@link SquaredEuclidean#inIndexOrder} (lowest index
 * on ties), for any k and any number of columns, ties included.
 */
class NearestCentreKernelTest {

  @Test
  void threeCentresAtOnceGiveTheBitsOfTheCentreByCentreLoopForEveryKAndWidth() {
    SplittableRandom rng = new SplittableRandom(11);
    double[] out = new double[2];
    long compared = 0;
    for (int d = 1; d <= 23; d++) {
      for (int k = 1; k <= 8; k++) {
        for (int rep = 0; rep < 200; rep++) {
          double[] x = new double[3 * d];
          double[] c = new double[k * d];
          for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian() * Math.pow(10, rng.nextInt(-3, 4));
          }
          for (int i = 0; i < c.length; i++) {
            c[i] = rng.nextGaussian() * Math.pow(10, rng.nextInt(-3, 4));
          }
          if (rep % 5 == 0 && k > 1) { // exact ties: a centre repeated
            int from = rng.nextInt(k);
            int to = rng.nextInt(k);
            System.arraycopy(c, from * d, c, to * d, d);
          }
          for (boolean indexOrder : new boolean[] {false, true}) {
            int p = d * rng.nextInt(3);
            int label = SquaredEuclidean.nearest(x, p, c, k, d, indexOrder, out);
            double best = Double.POSITIVE_INFINITY;
            double second = Double.POSITIVE_INFINITY;
            int a = 0;
            for (int j = 0; j < k; j++) {
              double v = indexOrder ? SquaredEuclidean.inIndexOrder(x, p, c, j * d, d)
                  : SquaredEuclidean.between(x, p, c, j * d, d);
              if (v < best) {
                second = best;
                best = v;
                a = j;
              } else if (v < second) {
                second = v;
              }
            }
            assertThat(label).isEqualTo(a);
            assertThat(Double.doubleToRawLongBits(out[0])).isEqualTo(Double.doubleToRawLongBits(best));
            assertThat(Double.doubleToRawLongBits(out[1]))
                .isEqualTo(Double.doubleToRawLongBits(second));
            compared++;
          }
        }
      }
    }
    assertThat(compared).isEqualTo(23L * 8 * 200 * 2);
  }
}
