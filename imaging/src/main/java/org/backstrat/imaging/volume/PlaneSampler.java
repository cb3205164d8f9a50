package org.backstrat.imaging.volume;

/**
 * Samples a 2-D image on a new square-pixel grid, rotated and centred anywhere in the image
 * plane, by bilinear interpolation: the crop a CNN model card asks for (a disc centred and
 * levelled at 0.5 mm, say). Coordinates are the slice's in-plane frame in millimetres, x along
 * the i axis ({@code i * spacing_i}) and y along the j axis, with voxel centres at whole
 * indices. Points beyond the outermost voxel centres get the {@code outside} value, as
 * SciPy's {@code map_coordinates(order=1, mode='constant')} does.
 */
public final class PlaneSampler {
  private final int widthPx;
  private final int heightPx;
  private final double spacingMm;

  private PlaneSampler(int widthPx, int heightPx, double spacingMm) {
    this.widthPx = widthPx;
    this.heightPx = heightPx;
    this.spacingMm = spacingMm;
  }

  /**
   * A sampler producing {@code widthPx x heightPx} crops with {@code spacingMm} pixels.
   *
   * @throws IllegalArgumentException on non-positive sizes or spacing
   */
  public static PlaneSampler of(int widthPx, int heightPx, double spacingMm) {
    if (widthPx < 1 || heightPx < 1 || !(spacingMm > 0) || !Double.isFinite(spacingMm)) {
      throw new IllegalArgumentException("need positive crop size and spacing");
    }
    return new PlaneSampler(widthPx, heightPx, spacingMm);
  }

  /**
   * The crop centred at ({@code centreXmm}, {@code centreYmm}) whose own x axis is the image's
   * x axis turned by {@code angleDegrees} (towards y); row-major, x fastest.
   *
   * @throws IllegalArgumentException when the image has more than one slice
   */
  public float[] sample(Volume slice, double centreXmm, double centreYmm, double angleDegrees,
                        float outside) {
    VolumeGeometry g = slice.geometry();
    if (g.sizeZ() != 1) {
      throw new IllegalArgumentException("need a 2-D image, got " + g.sizeZ() + " slices");
    }
    int nx = g.sizeX();
    int ny = g.sizeY();
    double sx = g.spacingMm(0);
    double sy = g.spacingMm(1);
    java.nio.FloatBuffer v = slice.voxels();
    double a = Math.toRadians(angleDegrees);
    double cos = Math.cos(a);
    double sin = Math.sin(a);
    float[] out = new float[widthPx * heightPx];
    for (int r = 0; r < heightPx; r++) {
      double dv = (r - (heightPx - 1) / 2.0) * spacingMm;
      for (int c = 0; c < widthPx; c++) {
        double du = (c - (widthPx - 1) / 2.0) * spacingMm;
        double fi = (centreXmm + du * cos - dv * sin) / sx;
        double fj = (centreYmm + du * sin + dv * cos) / sy;
        out[c + widthPx * r] = bilinear(v, nx, ny, fi, fj, outside);
      }
    }
    return out;
  }

  private static float bilinear(java.nio.FloatBuffer v, int nx, int ny, double fi, double fj,
                                float outside) {
    if (!(fi >= 0 && fj >= 0 && fi <= nx - 1 && fj <= ny - 1)) {
      return outside;
    }
    int i0 = Math.min((int) fi, Math.max(nx - 2, 0));
    int j0 = Math.min((int) fj, Math.max(ny - 2, 0));
    int i1 = Math.min(i0 + 1, nx - 1);
    int j1 = Math.min(j0 + 1, ny - 1);
    double ti = fi - i0;
    double tj = fj - j0;
    double top = v.get(i0 + nx * j0) * (1 - ti) + v.get(i1 + nx * j0) * ti;
    double bottom = v.get(i0 + nx * j1) * (1 - ti) + v.get(i1 + nx * j1) * ti;
    return (float) (top * (1 - tj) + bottom * tj);
  }
}
