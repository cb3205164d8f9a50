package org.backstrat.imaging.volume;

import java.util.Arrays;
import java.util.Locale;
import org.backstrat.core.BadInputException;

/**
 * Where a voxel grid lies in the patient, in LPS millimetres (see the package documentation):
 * grid size, voxel spacing, the position of voxel (0, 0, 0), and the direction cosines of the
 * index axes. A 2-D image is a grid with one slice. Immutable.
 *
 * <p>{@code orientationFromHeader} is false when the file recorded no orientation and the reader
 * fell back to the identity; such an image's plane is unknown and {@link #requirePlane} refuses
 * it rather than guess.
 */
public final class VolumeGeometry {
  private final int sizeX;
  private final int sizeY;
  private final int sizeZ;
  private final double[] spacingMm;
  private final double[] originMm;
  private final Direction direction;
  private final boolean orientationFromHeader;

  private VolumeGeometry(int sizeX, int sizeY, int sizeZ, double[] spacingMm, double[] originMm,
                         Direction direction, boolean orientationFromHeader) {
    this.sizeX = sizeX;
    this.sizeY = sizeY;
    this.sizeZ = sizeZ;
    this.spacingMm = spacingMm;
    this.originMm = originMm;
    this.direction = direction;
    this.orientationFromHeader = orientationFromHeader;
  }

  /**
   * A geometry with orientation read from a header.
   *
   * @throws IllegalArgumentException on a non-positive size, a non-positive or non-finite
   *     spacing, or a non-finite origin
   */
  public static VolumeGeometry of(int sizeX, int sizeY, int sizeZ, double[] spacingMm,
                                  double[] originMm, Direction direction) {
    return create(sizeX, sizeY, sizeZ, spacingMm, originMm, direction, true);
  }

  /** A geometry whose file recorded no orientation: identity direction, plane unknown. */
  public static VolumeGeometry withoutOrientation(int sizeX, int sizeY, int sizeZ,
                                                  double[] spacingMm, double[] originMm) {
    return create(sizeX, sizeY, sizeZ, spacingMm, originMm, Direction.identity(), false);
  }

  private static VolumeGeometry create(int sizeX, int sizeY, int sizeZ, double[] spacingMm,
                                       double[] originMm, Direction direction,
                                       boolean fromHeader) {
    if (sizeX < 1 || sizeY < 1 || sizeZ < 1) {
      throw new IllegalArgumentException("grid size must be positive: " + sizeX + "x" + sizeY
          + "x" + sizeZ);
    }
    if (spacingMm.length != 3 || originMm.length != 3) {
      throw new IllegalArgumentException("spacing and origin need 3 components");
    }
    for (int a = 0; a < 3; a++) {
      if (!(spacingMm[a] > 0) || !Double.isFinite(spacingMm[a])) {
        throw new IllegalArgumentException("spacing must be positive and finite: "
            + Arrays.toString(spacingMm));
      }
      if (!Double.isFinite(originMm[a])) {
        throw new IllegalArgumentException("origin must be finite: " + Arrays.toString(originMm));
      }
    }
    return new VolumeGeometry(sizeX, sizeY, sizeZ, spacingMm.clone(), originMm.clone(),
        direction, fromHeader);
  }

  /** Number of voxels along i (columns). */
  public int sizeX() {
    return sizeX;
  }

  /** Number of voxels along j (rows). */
  public int sizeY() {
    return sizeY;
  }

  /** Number of slices along k; 1 for a 2-D image. */
  public int sizeZ() {
    return sizeZ;
  }

  /** Total number of voxels. */
  public long voxelCount() {
    return (long) sizeX * sizeY * sizeZ;
  }

  /** Spacing along index axis {@code axis} in millimetres. */
  public double spacingMm(int axis) {
    return spacingMm[axis];
  }

  /** Spacing along i, j, k in millimetres (a copy). */
  public double[] spacingMm() {
    return spacingMm.clone();
  }

  /** LPS position of voxel (0, 0, 0) in millimetres (a copy). */
  public double[] originMm() {
    return originMm.clone();
  }

  /** Direction cosines of the index axes. */
  public Direction direction() {
    return direction;
  }

  /** False when the file recorded no orientation (identity assumed, plane unknown). */
  public boolean orientationFromHeader() {
    return orientationFromHeader;
  }

  /** LPS position in millimetres of the (possibly fractional) index (i, j, k). */
  public double[] physicalPointMm(double i, double j, double k) {
    double di = i * spacingMm[0];
    double dj = j * spacingMm[1];
    double dk = k * spacingMm[2];
    double[] p = new double[3];
    for (int r = 0; r < 3; r++) {
      p[r] = originMm[r] + direction.get(r, 0) * di + direction.get(r, 1) * dj
          + direction.get(r, 2) * dk;
    }
    return p;
  }

  /** The plane of the slices (normal = i x j), from the direction cosines. */
  public Plane plane() {
    return Plane.ofNormal(direction.sliceNormal());
  }

  /** Angle in degrees between the slice normal and the nearest LPS axis (0 = not oblique). */
  public double obliquityDegrees() {
    double[] n = direction.sliceNormal();
    double max = Math.max(Math.abs(n[0]), Math.max(Math.abs(n[1]), Math.abs(n[2])));
    double len = Math.sqrt(Direction.dot(n, n));
    return Math.toDegrees(Math.acos(Math.min(1.0, max / len)));
  }

  /**
   * Refuses an image that is not acquired in {@code expected} plane, or whose obliquity exceeds
   * {@code maxObliquityDegrees}, or whose header recorded no orientation.
   *
   * @param source the file or series name for the message
   * @throws BadInputException naming the plane found, the normal and what was expected
   */
  public void requirePlane(Plane expected, double maxObliquityDegrees, String source) {
    if (!orientationFromHeader) {
      throw BadInputException.at(source, 0, "", "", "the header records no orientation, so the"
          + " acquisition plane is unknown; expected " + expected.withArticle()
          + " image with orientation (refusing to guess)");
    }
    Plane found = plane();
    double[] n = direction.sliceNormal();
    String normal = String.format(Locale.ROOT, "(%.3f, %.3f, %.3f)", n[0], n[1], n[2]);
    if (found != expected) {
      throw BadInputException.at(source, 0, "", found.label(), expected.withArticle()
          + " image was expected, but this one is " + found.label() + " (slice normal "
          + normal + " in LPS); refusing the wrong plane");
    }
    double obliquity = obliquityDegrees();
    if (obliquity > maxObliquityDegrees) {
      throw BadInputException.at(source, 0, "", String.format(Locale.ROOT, "%.1f degrees",
          obliquity), expected.withArticle() + " image at most " + maxObliquityDegrees
          + " degrees oblique (slice normal " + normal + " in LPS)");
    }
  }

  /** The geometry of slice {@code k} as a one-slice grid. */
  public VolumeGeometry slice(int k) {
    if (k < 0 || k >= sizeZ) {
      throw new IndexOutOfBoundsException("slice " + k + " of " + sizeZ);
    }
    return new VolumeGeometry(sizeX, sizeY, 1, spacingMm, physicalPointMm(0, 0, k), direction,
        orientationFromHeader);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VolumeGeometry g && sizeX == g.sizeX && sizeY == g.sizeY
        && sizeZ == g.sizeZ && Arrays.equals(spacingMm, g.spacingMm)
        && Arrays.equals(originMm, g.originMm) && direction.equals(g.direction)
        && orientationFromHeader == g.orientationFromHeader;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new int[] {sizeX, sizeY, sizeZ}) * 31 + direction.hashCode();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%dx%dx%d voxels, spacing %s mm, origin %s mm, %s%s",
        sizeX, sizeY, sizeZ, Arrays.toString(spacingMm), Arrays.toString(originMm),
        direction.orientationCode(), orientationFromHeader ? "" : " (orientation unknown)");
  }
}
