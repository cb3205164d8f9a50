package org.backstrat.imaging.volume;

/**
 * Copies of a 2-D image with the voxel array flipped along i, flipped along j, or transposed,
 * each with its header (origin, spacing, direction cosines) changed so that every voxel keeps
 * its place in the patient: the same anatomy stored in another order, as scanners and converters
 * write it. For orientation tests.
 */
public enum Reorientation {
  /** Column i becomes column nx - 1 - i; the i axis points the other way. */
  FLIP_I,
  /** Row j becomes row ny - 1 - j; the j axis points the other way. */
  FLIP_J,
  /** Rows become columns; the i and j axes swap. */
  TRANSPOSE,
  /** Flipped along i and j: turned by 180 degrees in the slice. */
  FLIP_BOTH;

  /** The reoriented copy of a one-slice image (its source name gets the transform's name). */
  public Volume apply(Volume image) {
    VolumeGeometry g = image.geometry();
    if (g.sizeZ() != 1) {
      throw new IllegalArgumentException("a 2-D image is needed");
    }
    int nx = g.sizeX();
    int ny = g.sizeY();
    float[] v = image.copyVoxels();
    double[] ci = g.direction().column(0);
    double[] cj = g.direction().column(1);
    double[] ck = g.direction().column(2);
    double[] sp = g.spacingMm();
    return switch (this) {
      case FLIP_I -> {
        float[] out = new float[v.length];
        for (int j = 0; j < ny; j++) {
          for (int i = 0; i < nx; i++) {
            out[i + nx * j] = v[(nx - 1 - i) + nx * j];
          }
        }
        yield Volume.of(image.source() + " " + name(), VolumeGeometry.of(nx, ny, 1, sp,
            g.physicalPointMm(nx - 1, 0, 0), Direction.ofColumns(neg(ci), cj, ck)), out);
      }
      case FLIP_J -> {
        float[] out = new float[v.length];
        for (int j = 0; j < ny; j++) {
          for (int i = 0; i < nx; i++) {
            out[i + nx * j] = v[i + nx * (ny - 1 - j)];
          }
        }
        yield Volume.of(image.source() + " " + name(), VolumeGeometry.of(nx, ny, 1, sp,
            g.physicalPointMm(0, ny - 1, 0), Direction.ofColumns(ci, neg(cj), ck)), out);
      }
      case TRANSPOSE -> {
        float[] out = new float[v.length];
        for (int j = 0; j < nx; j++) {
          for (int i = 0; i < ny; i++) {
            out[i + ny * j] = v[j + nx * i];
          }
        }
        yield Volume.of(image.source() + " " + name(), VolumeGeometry.of(ny, nx, 1,
            new double[] {sp[1], sp[0], sp[2]}, g.originMm(), Direction.ofColumns(cj, ci, ck)),
            out);
      }
      case FLIP_BOTH -> FLIP_J.apply(FLIP_I.apply(image));
    };
  }

  private static double[] neg(double[] a) {
    return new double[] {-a[0], -a[1], -a[2]};
  }
}
