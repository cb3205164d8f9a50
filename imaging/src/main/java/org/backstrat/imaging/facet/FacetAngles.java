package org.backstrat.imaging.facet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backstrat.imaging.volume.Volume;
import org.backstrat.imaging.volume.VolumeGeometry;

/**
 * Measures facet joint angles on one axial slice from a label image: the orientation of each
 * joint is the principal axis (largest-eigenvalue eigenvector of the coordinate covariance) of
 * its joint-space pixels, in physical millimetres (pixel spacing applied, so anisotropic pixels
 * do not bias it); its angle is the acute angle, 0–90 degrees, between that axis and the
 * mid-sagittal line. Tropism is |left − right|, flagged at 7 and 10 degrees, the two thresholds
 * used in the literature.
 *
 * <p>The mid-sagittal line is either given, taken from two midline structures in the labels
 * (disc centroid to spinal canal centroid, robust to a patient rotated in the scanner) or taken
 * from the image's anterior–posterior axis.
 */
public final class FacetAngles {
  /** Fewest joint-space pixels for an angle. */
  static final int MIN_PIXELS = 5;
  /** Smallest ratio of the principal standard deviations for a joint to count as a line. */
  static final double MIN_ELONGATION = 2.0;

  private final double mildTropismDegrees;
  private final double severeTropismDegrees;

  private FacetAngles(double mild, double severe) {
    this.mildTropismDegrees = mild;
    this.severeTropismDegrees = severe;
  }

  /** Tropism flags at 7 and 10 degrees. */
  public static FacetAngles withDefaults() {
    return new FacetAngles(7, 10);
  }

  /** A copy with other tropism thresholds (degrees, {@code mild <= severe}). */
  public FacetAngles withTropismThresholds(double mildDegrees, double severeDegrees) {
    if (!(mildDegrees > 0) || !(severeDegrees >= mildDegrees)) {
      throw new IllegalArgumentException("need 0 < mild <= severe");
    }
    return new FacetAngles(mildDegrees, severeDegrees);
  }

  /**
   * Orientation of one joint.
   *
   * @param pixels joint-space pixels found
   * @param centroidMm centroid in the slice's in-plane frame (mm along i, mm along j)
   * @param axis unit principal axis in that frame
   * @param elongation ratio of the principal standard deviations (large for a thin line)
   */
  public record Joint(int pixels, double[] centroidMm, double[] axis, double elongation) {
    public Joint {
      centroidMm = centroidMm.clone();
      axis = axis.clone();
    }
  }

  /**
   * The measurement at one level; angles are NaN when a joint was not found.
   *
   * @param leftDegrees left joint angle to the mid-sagittal line
   * @param rightDegrees right joint angle
   * @param tropismDegrees |left − right|
   * @param tropismMild tropism at or above the mild threshold (7 degrees by default)
   * @param tropismSevere tropism at or above the severe threshold (10 degrees by default)
   * @param warnings reasons an angle is missing or doubtful
   */
  public record Result(double leftDegrees, double rightDegrees, double tropismDegrees,
                       boolean tropismMild, boolean tropismSevere, List<String> warnings) {
    public Result {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Angles of the joints labelled {@code leftLabel} and {@code rightLabel} to the mid-sagittal
   * line through the centroids of {@code discLabel} and {@code canalLabel}.
   *
   * @throws IllegalArgumentException when the image has more than one slice
   */
  public Result measure(Volume labels, int leftLabel, int rightLabel, int discLabel,
                        int canalLabel) {
    List<String> warnings = new ArrayList<>();
    double[] disc = centroid(labels, discLabel);
    double[] canal = centroid(labels, canalLabel);
    double[] midline;
    if (disc == null || canal == null) {
      warnings.add("disc or canal not found: mid-sagittal line taken from the image axes");
      midline = imageMidline(labels.geometry());
    } else {
      midline = new double[] {canal[0] - disc[0], canal[1] - disc[1]};
    }
    return measure(labels, leftLabel, rightLabel, midline, warnings);
  }

  /**
   * Angles to a given mid-sagittal direction {@code midlineMm}, a vector in the slice's in-plane
   * frame (mm along i, mm along j).
   */
  public Result measure(Volume labels, int leftLabel, int rightLabel, double[] midlineMm) {
    return measure(labels, leftLabel, rightLabel, midlineMm, new ArrayList<>());
  }

  private Result measure(Volume labels, int leftLabel, int rightLabel, double[] midline,
                         List<String> warnings) {
    double norm = Math.hypot(midline[0], midline[1]);
    if (!(norm > 0)) {
      throw new IllegalArgumentException("mid-sagittal direction is zero");
    }
    double[] m = {midline[0] / norm, midline[1] / norm};
    double left = angle(joint(labels, leftLabel), m, "left", warnings);
    double right = angle(joint(labels, rightLabel), m, "right", warnings);
    double tropism = Math.abs(left - right);
    return new Result(left, right, tropism, tropism >= mildTropismDegrees,
        tropism >= severeTropismDegrees, warnings);
  }

  /** Acute angle in degrees between the joint's axis and the unit midline {@code m}. */
  private static double angle(Joint j, double[] m, String side, List<String> warnings) {
    if (j == null || j.pixels() < MIN_PIXELS) {
      warnings.add(side + " facet joint not found (fewer than " + MIN_PIXELS + " pixels)");
      return Double.NaN;
    }
    if (j.elongation() < MIN_ELONGATION) {
      warnings.add(String.format(Locale.ROOT, "%s facet joint is not line-shaped (elongation"
          + " %.2f < %.1f); its angle is unreliable", side, j.elongation(), MIN_ELONGATION));
    }
    double cos = Math.abs(j.axis()[0] * m[0] + j.axis()[1] * m[1]);
    return Math.toDegrees(Math.acos(Math.min(1.0, cos)));
  }

  /**
   * The principal axis of the pixels labelled {@code label} in physical millimetres, or null
   * when there are none.
   */
  public static Joint joint(Volume labels, int label) {
    VolumeGeometry g = requireSlice(labels);
    double sx = g.spacingMm(0);
    double sy = g.spacingMm(1);
    int nx = g.sizeX();
    int ny = g.sizeY();
    java.nio.FloatBuffer v = labels.voxels();
    long n = 0;
    double sumX = 0;
    double sumY = 0;
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        if (v.get(i + nx * j) == label) {
          n++;
          sumX += i;
          sumY += j;
        }
      }
    }
    if (n == 0) {
      return null;
    }
    double mi = sumX / n;
    double mj = sumY / n;
    // second pass about the mean, for precision
    double cxx = 0;
    double cyy = 0;
    double cxy = 0;
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        if (v.get(i + nx * j) == label) {
          double dx = (i - mi) * sx;
          double dy = (j - mj) * sy;
          cxx += dx * dx;
          cyy += dy * dy;
          cxy += dx * dy;
        }
      }
    }
    cxx /= n;
    cyy /= n;
    cxy /= n;
    double phi = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
    double half = 0.5 * (cxx + cyy);
    double root = Math.sqrt(0.25 * (cxx - cyy) * (cxx - cyy) + cxy * cxy);
    double major = half + root;
    double minor = Math.max(half - root, 0);
    // a one-pixel-wide digital line still has width: add a pixel's own variance (1/12)
    double pixelVariance = (sx * sx + sy * sy) / 24.0;
    double elongation = Math.sqrt((major + pixelVariance) / (minor + pixelVariance));
    return new Joint((int) n, new double[] {mi * sx, mj * sy},
        new double[] {Math.cos(phi), Math.sin(phi)}, elongation);
  }

  /** The image's anterior–posterior axis (LPS y) projected into the slice, in-plane frame. */
  public static double[] imageMidline(VolumeGeometry g) {
    double[] ci = g.direction().column(0);
    double[] cj = g.direction().column(1);
    double[] m = {ci[1], cj[1]};
    if (Math.hypot(m[0], m[1]) < 1e-6) {
      throw new IllegalArgumentException("the slice contains no anterior-posterior direction");
    }
    return m;
  }

  private static double[] centroid(Volume labels, int label) {
    Joint j = joint(labels, label);
    return j == null ? null : j.centroidMm();
  }

  private static VolumeGeometry requireSlice(Volume labels) {
    VolumeGeometry g = labels.geometry();
    if (g.sizeZ() != 1) {
      throw new IllegalArgumentException("facet angles need one axial slice, got "
          + g.sizeZ() + " slices");
    }
    return g;
  }
}
