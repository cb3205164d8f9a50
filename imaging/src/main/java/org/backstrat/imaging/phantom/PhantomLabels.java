package org.backstrat.imaging.phantom;

/**
 * Label values in phantom label images. Sagittal: vertebral bodies, discs and the spinal
 * canal; axial: the two facet joint spaces, the disc and the canal, which together fix the
 * mid-sagittal line. Left and right are the patient's.
 */
public final class PhantomLabels {
  /** Vertebral body L1; L2..L5 follow as 2..5. */
  public static final int VERTEBRA_L1 = 1;
  /** The first sacral segment. */
  public static final int SACRUM = 6;
  /** Vertebral body T12, partly in view above L1. */
  public static final int VERTEBRA_T12 = 7;
  /** Disc L1/L2; L2/L3..L5/S1 follow as 12..15. */
  public static final int DISC_L1L2 = 11;
  /** Disc T12/L1. */
  public static final int DISC_T12L1 = 16;
  /** Spinal canal (CSF) in the sagittal image. */
  public static final int CANAL = 20;

  /** Axial: joint space of the patient's left facet joint. */
  public static final int FACET_LEFT = 1;
  /** Axial: joint space of the patient's right facet joint. */
  public static final int FACET_RIGHT = 2;
  /** Axial: the intervertebral disc. */
  public static final int AXIAL_DISC = 3;
  /** Axial: the spinal canal. */
  public static final int AXIAL_CANAL = 4;
  /** Axial: articular processes (bone) beside each joint space. */
  public static final int ARTICULAR_BONE = 5;

  private PhantomLabels() {
  }
}
