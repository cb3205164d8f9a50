package org.backstrat.imaging.volume;

/**
 * Samples a 2-D image on a new square-pixel grid, rotated and centred anywhere in the image
 * plane, by bilinear interpolation: the crop a CNN model card asks for (a disc centred and
 * levelled at 0.5 mm, say). Centres are given in the slice's in-plane frame in millimetres, x
 * along the i axis ({@code i * spacing_i}) and y along the j axis, with voxel centres at whole
 * indices. Points beyond the outermost voxel centres get the {@code outside} value, as
 * SciPy's {@code map_coordinates(order=1, mode='constant')} does.
 *
 * <p>The crop's axes are given by a {@link Frame}: the model's canonical axes expressed in the
 * slice frame ({@link Frame#canonical} reads them from the direction cosines, so that a model
 * sees every image in the orientation it was trained on, whatever the order and sense of the
 * image's rows and columns). The rotation angle turns the crop within that frame.
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
   * The 2x2 map from a model's canonical in-plane axes to a slice's in-plane frame (mm along i,
   * mm along j): the canonical x axis is the slice-frame vector ({@code xi}, {@code xj}), the
   * canonical y axis ({@code yi}, {@code yj}). Orthonormal (a rotation or a reflection), so its
   * inverse is its transpose. Why: models are trained on one orientation (sagittal: x
   * posterior, y inferior; axial: x towards the patient's left, y posterior), while images come
   * with their rows and columns in any order and sense, which only the header tells.
   *
   * @param xi canonical x axis, component along the slice's i axis
   * @param xj canonical x axis, component along j
   * @param yi canonical y axis, component along i
   * @param yj canonical y axis, component along j
   */
  public record Frame(double xi, double xj, double yi, double yj) {
    private static final Frame IDENTITY = new Frame(1, 0, 0, 1);
    /** Shortest projection of a canonical axis onto the slice accepted (cos 60 degrees). */
    private static final double MIN_PROJECTED_LENGTH = 0.5;
    private static final double TOLERANCE = 1e-6;

    /**
     * @throws IllegalArgumentException when the axes are not unit length and perpendicular
     */
    public Frame {
      if (!(Math.abs(xi * xi + xj * xj - 1) <= TOLERANCE)
          || !(Math.abs(yi * yi + yj * yj - 1) <= TOLERANCE)
          || !(Math.abs(xi * yi + xj * yj) <= TOLERANCE)) {
        throw new IllegalArgumentException("frame axes must be orthonormal: (" + xi + ", " + xj
            + "), (" + yi + ", " + yj + ")");
      }
    }

    /** The slice frame itself: crop x along i, crop y along j. */
    public static Frame identity() {
      return IDENTITY;
    }

    /**
     * The canonical frame of {@code plane} in the slice {@code g}: sagittal x towards
     * posterior (+P) and y towards inferior (-S), as a standard DICOM sagittal series; axial x
     * towards the patient's left (+L) and y towards posterior (+P); coronal x towards left and
     * y towards inferior. For an oblique slice the canonical LPS axes are projected onto the
     * slice plane and orthonormalised (x kept, y made perpendicular to it). For a slice whose
     * axes already are the canonical ones this is exactly the identity.
     *
     * @throws IllegalArgumentException when a canonical axis nearly leaves the slice plane
     *     (the slice is far from {@code plane}: more than 60 degrees oblique)
     */
    public static Frame canonical(VolumeGeometry g, Plane plane) {
      double[] x;
      double[] y;
      switch (plane) {
        case SAGITTAL -> {
          x = new double[] {0, 1, 0};
          y = new double[] {0, 0, -1};
        }
        case AXIAL -> {
          x = new double[] {1, 0, 0};
          y = new double[] {0, 1, 0};
        }
        default -> {
          x = new double[] {1, 0, 0};
          y = new double[] {0, 0, -1};
        }
      }
      double[] ci = g.direction().column(0);
      double[] cj = g.direction().column(1);
      double ax = Direction.dot(ci, x);
      double aj = Direction.dot(cj, x);
      double bx = Direction.dot(ci, y);
      double bj = Direction.dot(cj, y);
      double na = Math.sqrt(ax * ax + aj * aj);
      if (!(na >= MIN_PROJECTED_LENGTH) || !(Math.sqrt(bx * bx + bj * bj)
          >= MIN_PROJECTED_LENGTH)) {
        throw new IllegalArgumentException("the slice (" + g.direction().orientationCode()
            + ") is too far from " + plane.withArticle() + " plane for its canonical axes");
      }
      ax /= na;
      aj /= na;
      double dot = ax * bx + aj * bj;
      bx -= dot * ax;
      bj -= dot * aj;
      double nb = Math.sqrt(bx * bx + bj * bj);
      return new Frame(ax, aj, bx / nb, bj / nb);
    }

    /** The slice-frame vector of the canonical vector ({@code x}, {@code y}). */
    public double[] toSlice(double x, double y) {
      return new double[] {xi * x + yi * y, xj * x + yj * y};
    }

    /** The canonical vector of the slice-frame vector ({@code i} mm, {@code j} mm). */
    public double[] toCanonical(double i, double j) {
      return new double[] {xi * i + xj * j, yi * i + yj * j};
    }
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
   * x axis turned by {@code angleDegrees} (towards y); row-major, x fastest. The same as
   * {@link #sample(Volume, Frame, double, double, double, float)} with the identity frame.
   *
   * @throws IllegalArgumentException when the image has more than one slice
   */
  public float[] sample(Volume slice, double centreXmm, double centreYmm, double angleDegrees,
                        float outside) {
    return sample(slice, Frame.identity(), centreXmm, centreYmm, angleDegrees, outside);
  }

  /**
   * The crop centred at ({@code centreXmm}, {@code centreYmm}) (slice frame, mm) whose own x
   * axis is {@code frame}'s x axis turned by {@code angleDegrees} towards {@code frame}'s y
   * axis, and whose y axis follows; row-major, x fastest.
   *
   * @throws IllegalArgumentException when the image has more than one slice
   */
  public float[] sample(Volume slice, Frame frame, double centreXmm, double centreYmm,
                        double angleDegrees, float outside) {
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
    // the crop's unit axes in the slice frame: frame * (cos, sin) and frame * (-sin, cos)
    double ui = frame.xi() * cos + frame.yi() * sin;
    double uj = frame.xj() * cos + frame.yj() * sin;
    double vi = frame.xi() * -sin + frame.yi() * cos;
    double vj = frame.xj() * -sin + frame.yj() * cos;
    float[] out = new float[widthPx * heightPx];
    for (int r = 0; r < heightPx; r++) {
      double dv = (r - (heightPx - 1) / 2.0) * spacingMm;
      for (int c = 0; c < widthPx; c++) {
        double du = (c - (widthPx - 1) / 2.0) * spacingMm;
        double fi = (centreXmm + du * ui + dv * vi) / sx;
        double fj = (centreYmm + du * uj + dv * vj) / sy;
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
