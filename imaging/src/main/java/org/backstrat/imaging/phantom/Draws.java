package org.backstrat.imaging.phantom;

import java.util.SplittableRandom;

/**
 * Seeded random draws for phantoms. Gaussians use Box–Muller with {@link StrictMath}, so the
 * same seed gives the same bits on every JVM and platform (phantom files are compared byte for
 * byte).
 */
final class Draws {
  private final SplittableRandom random;
  private double spare;
  private boolean hasSpare;

  Draws(long seed) {
    this.random = new SplittableRandom(seed);
  }

  double uniform(double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  long nextLong() {
    return random.nextLong();
  }

  double gaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    double u1;
    do {
      u1 = random.nextDouble();
    } while (u1 <= 0);
    double u2 = random.nextDouble();
    double r = StrictMath.sqrt(-2 * StrictMath.log(u1));
    double t = 2 * StrictMath.PI * u2;
    spare = r * StrictMath.sin(t);
    hasSpare = true;
    return r * StrictMath.cos(t);
  }

  double gaussian(double mean, double sd) {
    return mean + sd * gaussian();
  }
}
