package org.backstrat.imaging.volume;

import java.nio.FloatBuffer;
import java.util.Objects;

/**
 * An immutable image: voxel values (float, already rescaled to the modality's units, e.g. HU
 * for CT) on a grid placed in the patient by a {@link VolumeGeometry} (LPS, millimetres). Voxel
 * (i, j, k) is stored at {@code i + sizeX * (j + sizeY * k)}. A 2-D image is a one-slice
 * volume. {@code source} names the file or series the image came from, for messages.
 *
 * <p>Floats rather than the file's integer type: every reader applies rescale slope and
 * intercept, whose results are rarely integers, and analysis code then needs one voxel type.
 */
public final class Volume {
  private final String source;
  private final VolumeGeometry geometry;
  private final float[] voxels;

  private Volume(String source, VolumeGeometry geometry, float[] voxels) {
    this.source = source;
    this.geometry = geometry;
    this.voxels = voxels;
  }

  /**
   * A volume owning a copy of {@code voxels}.
   *
   * @throws IllegalArgumentException if the array length does not match the geometry
   */
  public static Volume of(String source, VolumeGeometry geometry, float[] voxels) {
    return adopt(source, geometry, voxels.clone());
  }

  /**
   * A volume taking ownership of {@code voxels} without copying; for readers and generators that
   * allocated the array themselves and never touch it again.
   */
  public static Volume adopt(String source, VolumeGeometry geometry, float[] voxels) {
    Objects.requireNonNull(source, "source");
    if (voxels.length != geometry.voxelCount()) {
      throw new IllegalArgumentException("voxel array has " + voxels.length + " values, geometry "
          + geometry.voxelCount());
    }
    return new Volume(source, geometry, voxels);
  }

  /** File or series name for messages. */
  public String source() {
    return source;
  }

  /** Where the grid lies in the patient. */
  public VolumeGeometry geometry() {
    return geometry;
  }

  /** Value at (i, j, k). */
  public float value(int i, int j, int k) {
    return voxels[i + geometry.sizeX() * (j + geometry.sizeY() * k)];
  }

  /** Read-only view of all voxels, i fastest. */
  public FloatBuffer voxels() {
    return FloatBuffer.wrap(voxels).asReadOnlyBuffer();
  }

  /** A copy of all voxels, i fastest. */
  public float[] copyVoxels() {
    return voxels.clone();
  }

  /** Slice {@code k} as a 2-D image with its own geometry. */
  public Volume slice(int k) {
    VolumeGeometry g = geometry.slice(k);
    int n = geometry.sizeX() * geometry.sizeY();
    float[] out = new float[n];
    System.arraycopy(voxels, k * n, out, 0, n);
    return new Volume(source + " [slice " + k + "]", g, out);
  }

  /** Shorthand for {@code geometry().requirePlane(expected, maxObliquityDegrees, source())}. */
  public void requirePlane(Plane expected, double maxObliquityDegrees) {
    geometry.requirePlane(expected, maxObliquityDegrees, source);
  }

  @Override
  public String toString() {
    return source + ": " + geometry;
  }
}
