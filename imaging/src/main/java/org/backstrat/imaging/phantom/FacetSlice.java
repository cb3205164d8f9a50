package org.backstrat.imaging.phantom;

/**
 * The axial anatomy at one lumbar disc level of a phantom, in anatomical millimetres centred on
 * the disc: x towards the patient's left, y towards posterior. Disc, spinal canal, the two facet
 * joints (joint space between two articular processes) at given angles to the mid-sagittal line,
 * laminae and spinous process, paraspinal and psoas muscles, and surrounding fat.
 */
final class FacetSlice {
  private final double scale;
  private final double[] jointCentreX;
  private final double jointCentreY;
  private final double[][] jointDirection;
  private final int grade;
  private final double[] jitter;
  private final double jointWidthMm;
  private final double jointLengthMm;

  FacetSlice(double scale, double leftDegrees, double rightDegrees, int grade, double[] jitter,
             double jointWidthMm, double jointLengthMm) {
    this.scale = scale;
    this.grade = grade;
    this.jitter = jitter;
    this.jointWidthMm = jointWidthMm;
    this.jointLengthMm = jointLengthMm;
    this.jointCentreX = new double[] {16 * scale, -16 * scale};
    this.jointCentreY = 31 * scale;
    double l = Math.toRadians(leftDegrees);
    double r = Math.toRadians(rightDegrees);
    // from the joint centre towards its anterior end, which is the lateral end
    this.jointDirection = new double[][] {{StrictMath.sin(l), -StrictMath.cos(l)},
        {-StrictMath.sin(r), -StrictMath.cos(r)}};
  }

  /** T2 signal at (x, y); stores the label in {@code label[0]} when not null. */
  double signal(double x, double y, int[] label) {
    double s = scale;
    int found = 0;
    double value;
    int joint = -1;
    boolean bone = false;
    for (int side = 0; side < 2; side++) {
      double dx = x - jointCentreX[side];
      double dy = y - jointCentreY;
      double along = dx * jointDirection[side][0] + dy * jointDirection[side][1];
      double across = -dx * jointDirection[side][1] + dy * jointDirection[side][0];
      if (Math.abs(along) <= jointLengthMm / 2) {
        if (Math.abs(across) <= jointWidthMm / 2) {
          joint = side;
        } else if (Math.abs(across) <= jointWidthMm / 2 + 6 * s) {
          bone = true;
        }
      } else if (Math.abs(along) <= jointLengthMm / 2 + 2 && Math.abs(across) <= 6 * s) {
        bone = true;
      }
    }
    double canal = ellipse(x, y - 25 * s, 11 * s, 8 * s);
    double disc = ellipse(x, y, 22 * s, 16 * s);
    if (joint >= 0) {
      value = 720 * jitter[6];
      found = joint == 0 ? PhantomLabels.FACET_LEFT : PhantomLabels.FACET_RIGHT;
    } else if (canal <= 1) {
      value = PhantomGenerator.CSF * jitter[3];
      found = PhantomLabels.AXIAL_CANAL;
    } else if (bone) {
      value = 290 * jitter[4];
      found = PhantomLabels.ARTICULAR_BONE;
    } else if (disc <= 1) {
      double r = Math.sqrt(ellipse(x, y - 1.5 * s, 12 * s, 8 * s));
      value = PhantomGenerator.discSignal(grade, r, 8 * s, 1e9, jitter);
      found = PhantomLabels.AXIAL_DISC;
    } else if (lamina(x, y, s) || (Math.abs(x) <= 3 * s && y > jointCentreY && y < 70 * s)) {
      value = 290 * jitter[4];
    } else if (ellipse(Math.abs(x) - 25 * s, y - 52 * s, 17 * s, 14 * s) <= 1
        || ellipse(Math.abs(x) - 36 * s, y - 4 * s, 11 * s, 15 * s) <= 1) {
      value = 170 * jitter[7];
    } else if (ellipse(x, y - 10 * s, 150, 105) <= 1) {
      value = 440 * jitter[5];
    } else {
      value = 0;
    }
    if (label != null) {
      label[0] = found;
    }
    return value;
  }

  /** A band from the posterior (medial) end of each joint to the spinous process. */
  private boolean lamina(double x, double y, double s) {
    double ax = Math.abs(x);
    double x0 = 12 * s;
    double y0 = jointCentreY + 6 * s;
    double x1 = 0;
    double y1 = jointCentreY + 14 * s;
    double t = ((ax - x0) * (x1 - x0) + (y - y0) * (y1 - y0))
        / ((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
    if (t < 0 || t > 1) {
      return false;
    }
    double px = x0 + t * (x1 - x0) - ax;
    double py = y0 + t * (y1 - y0) - y;
    return px * px + py * py <= 9 * s * s;
  }

  private static double ellipse(double dx, double dy, double a, double b) {
    return dx * dx / (a * a) + dy * dy / (b * b);
  }
}
