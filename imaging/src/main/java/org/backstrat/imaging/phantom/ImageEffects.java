package org.backstrat.imaging.phantom;

/**
 * Acquisition effects applied to a noise-free phantom image in place: a smooth multiplicative
 * bias field (coil sensitivity) and Rician noise (the magnitude of a complex signal with
 * Gaussian noise in both channels, as MR magnitude images have), then rounding to whole
 * numbers in 0..32767 so the int16 file holds exactly these values.
 */
final class ImageEffects {
  private ImageEffects() {
  }

  static void apply(float[] image, int sizeX, int sizeY, Draws draws) {
    double[] c = new double[5];
    for (int q = 0; q < c.length; q++) {
      c[q] = draws.uniform(-0.15, 0.15);
    }
    double sigma = draws.uniform(10, 30);
    for (int j = 0; j < sizeY; j++) {
      double y = 2.0 * j / (sizeY - 1) - 1;
      for (int i = 0; i < sizeX; i++) {
        double x = 2.0 * i / (sizeX - 1) - 1;
        double bias = StrictMath.exp(c[0] * x + c[1] * y + c[2] * x * y + c[3] * x * x
            + c[4] * y * y);
        int s = i + sizeX * j;
        double re = image[s] * bias + sigma * draws.gaussian();
        double im = sigma * draws.gaussian();
        double magnitude = Math.sqrt(re * re + im * im);
        image[s] = (float) Math.min(32767, Math.rint(magnitude));
      }
    }
  }
}
