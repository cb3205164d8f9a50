package org.backstrat.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link DoubleText} writes the bytes {@link Double#toString(double)} writes, on this JVM, for
 * every kind of value: the reference is the JDK's own method, so a difference in one digit fails.
 */
class DoubleTextTest {
  private final byte[] buf = new byte[64];
  private long checked;

  private void same(double v) {
    int end = DoubleText.append(v, buf, 3);
    String got = new String(buf, 3, end - 3, StandardCharsets.US_ASCII);
    assertThat(got).as("bits %016x", Double.doubleToRawLongBits(v))
        .isEqualTo(Double.toString(v));
    assertThat(end - 3).isLessThanOrEqualTo(DoubleText.MAX_BYTES);
    checked++;
  }

  @Test
  void specialValuesAndBothEndsOfThePlainRangeAreWrittenAsDoubleToStringWritesThem() {
    for (double v : new double[] {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1, -1,
        0.1, 0.2, 0.3, 1.5, 100, 1e6, 9999999, 1e7, 1e-3, 2e-3, 0.5, 4.35, 1234567.125}) {
      same(v);
      same(-v);
    }
    for (double b : new double[] {1e-3, 1e-2, 0.1, 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7}) {
      double up = b;
      double down = b;
      for (int i = 0; i < 2000; i++) {
        same(up);
        same(down);
        up = Math.nextUp(up);
        down = Math.nextDown(down);
      }
    }
  }

  @Test
  void powersOfTwoAndTheirNeighboursWhereTheRoundingIntervalIsLopsidedAreWrittenExactly() {
    for (int e = -1074; e <= 1023; e++) {
      double p = Math.scalb(1.0, e);
      same(p);
      same(Math.nextUp(p));
      same(Math.nextDown(p));
      same(3 * p);
    }
  }

  @Test
  void randomBitPatternsShortDecimalsAndDistancesAreWrittenAsDoubleToStringWritesThem() {
    SplittableRandom rng = new SplittableRandom(20261206L);
    for (int i = 0; i < 300_000; i++) {
      same(Double.longBitsToDouble(rng.nextLong()));
      // a short decimal and its neighbours: the shortest output is easy to get wrong here
      int digits = 1 + rng.nextInt(17);
      long m = rng.nextLong(1, digits >= 18 ? Long.MAX_VALUE : pow10(digits));
      double v = Double.parseDouble(m + "E" + rng.nextInt(-25, 10));
      same(v);
      same(Math.nextUp(v));
      same(Math.nextDown(v));
      // a distance as the cluster verb writes them: the square root of a sum of squares
      double s = 0;
      for (int j = 0; j < 20; j++) {
        double g = rng.nextGaussian();
        s += g * g;
      }
      same(Math.sqrt(s * Math.pow(10, rng.nextInt(-6, 12))));
      same(rng.nextDouble() * 1e7);
    }
    assertThat(checked).isEqualTo(1_800_000);
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }
}
