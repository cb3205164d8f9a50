package org.backstrat.imaging.volume;

/**
 * The anatomical plane of an image's slices, told from the slice normal in LPS coordinates: a
 * normal along left-right means sagittal slices, along anterior-posterior coronal, along
 * superior-inferior axial.
 */
public enum Plane {
  /** Slices normal to the left-right axis. */
  SAGITTAL,
  /** Slices normal to the anterior-posterior axis. */
  CORONAL,
  /** Slices normal to the superior-inferior axis. */
  AXIAL;

  /** The plane whose normal is nearest to {@code normal} (an LPS vector of any length). */
  public static Plane ofNormal(double[] normal) {
    double ax = Math.abs(normal[0]);
    double ay = Math.abs(normal[1]);
    double az = Math.abs(normal[2]);
    if (ax >= ay && ax >= az) {
      return SAGITTAL;
    }
    return ay >= az ? CORONAL : AXIAL;
  }

  /** LPS component index of this plane's normal: 0 for sagittal, 1 coronal, 2 axial. */
  public int normalAxis() {
    return ordinal();
  }

  /** Lower-case name for messages and file names. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** "a sagittal", "a coronal" or "an axial", for messages. */
  public String withArticle() {
    return (this == AXIAL ? "an " : "a ") + label();
  }
}
