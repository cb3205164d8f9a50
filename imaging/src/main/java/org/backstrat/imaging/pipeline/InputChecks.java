package org.backstrat.imaging.pipeline;

import java.util.Locale;
import java.util.Set;
import org.backstrat.core.BadInputException;
import org.backstrat.imaging.io.Acquisition;
import org.backstrat.imaging.volume.Plane;
import org.backstrat.imaging.volume.Volume;
import org.backstrat.imaging.volume.VolumeGeometry;

/**
 * Checks that refuse, with a message, an image the imaging stage cannot use, before any
 * measurement (DESIGN.md, "Imaging": a series that is not sagittal/axial T2 as required is
 * refused, not guessed). Each failure is a {@link BadInputException} naming the image.
 *
 * <p><b>Sequence</b> ({@link #requireT2}), only where the header says (DICOM; NIfTI, MetaImage
 * and PNG record nothing and pass with no claim). Refused: a Modality other than {@code MR};
 * an Echo Time below {@code minEchoTimeMs} (30 ms: spin-echo T2 uses about 80–120 ms, T1 and
 * proton density 10–30 ms); an Inversion Time above 0 (inversion recovery: STIR, TIRM, FLAIR,
 * whose fat or fluid suppression changes the disc and CSF contrast the grading relies on); a
 * Series Description or Protocol Name with a word {@code STIR}, {@code TIRM}, {@code FLAIR},
 * {@code DWI}, {@code DTI}, {@code ADC} or {@code DIFF...}, or a word starting {@code T1} or
 * {@code PD} without one starting {@code T2} (words split at anything but letters and digits:
 * {@code t1_tse_sag}, {@code SAG T1W}).
 *
 * <p><b>Field of view</b> ({@link #requireLumbarFieldOfView}), geometric only: a sagittal image
 * must extend at least {@code minSagittalSuperiorInferiorMm} (150 mm) head to foot, since the
 * five lumbar discs L1/2 to L5/S1 of an adult lie about 130–170 mm apart centre to centre and
 * each needs a margin to be cropped; both in-plane sides of every image must be at least
 * {@code minInPlaneMm} (80 mm: an axial slice must hold the vertebral body, canal and both
 * facet joints, a sagittal one the body and canal) and at most {@code maxInPlaneMm} (2,000 mm:
 * larger than a person, a unit error). This does not tell a cervical or thoracic image of
 * similar size from a lumbar one; the disc localiser's "no lumbar discs found" does.
 *
 * @param minSagittalSuperiorInferiorMm least head-to-foot extent of a sagittal image
 * @param minInPlaneMm least extent of either in-plane side
 * @param maxInPlaneMm largest extent of either in-plane side
 * @param minEchoTimeMs least echo time of a T2-weighted series
 */
public record InputChecks(double minSagittalSuperiorInferiorMm, double minInPlaneMm,
                          double maxInPlaneMm, double minEchoTimeMs) {
  private static final Set<String> NOT_PLAIN_T2 = Set.of("stir", "tirm", "flair", "dwi", "dti",
      "adc");

  /** 150 mm, 80 mm, 2,000 mm, 30 ms, as justified above. */
  public static InputChecks withDefaults() {
    return new InputChecks(150, 80, 2000, 30);
  }

  /**
   * Refuses a series whose header says it is not a T2-weighted MRI series (rules above).
   *
   * @param source the image, for the message
   */
  public void requireT2(Acquisition a, String source) {
    if (!a.modality().isEmpty() && !a.modality().equalsIgnoreCase("MR")) {
      throw BadInputException.at(source, 0, "(0008,0060)", a.modality(), "an MR series"
          + " (T2-weighted MRI); this one is " + a.modality());
    }
    if (a.echoTimeMs() < minEchoTimeMs) {
      throw BadInputException.at(source, 0, "(0018,0081)", fmt(a.echoTimeMs()) + " ms",
          "a T2-weighted series, echo time at least " + fmt(minEchoTimeMs) + " ms; this echo"
          + " time (repetition time " + fmt(a.repetitionTimeMs()) + " ms) means T1 or proton"
          + " density weighting");
    }
    if (a.inversionTimeMs() > 0) {
      throw BadInputException.at(source, 0, "(0018,0082)", fmt(a.inversionTimeMs()) + " ms",
          "a plain T2-weighted series; an inversion time means inversion recovery (STIR, TIRM,"
          + " FLAIR), whose fat or fluid suppression changes the contrast the grading uses");
    }
    String[] texts = {a.seriesDescription(), a.protocolName()};
    String[] tags = {"(0008,103E)", "(0018,1030)"};
    for (int t = 0; t < texts.length; t++) {
      String reason = descriptionReason(texts[t]);
      if (reason != null) {
        throw BadInputException.at(source, 0, tags[t], texts[t], "a T2-weighted series; the"
            + " description names " + reason);
      }
    }
  }

  private static String descriptionReason(String text) {
    boolean t1OrPd = false;
    boolean t2 = false;
    for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (NOT_PLAIN_T2.contains(word) || word.startsWith("diff")) {
        return "a " + word.toUpperCase(Locale.ROOT) + " series (fat- or fluid-suppressed or"
            + " diffusion), not plain T2";
      }
      t1OrPd |= word.startsWith("t1") || word.startsWith("pd");
      t2 |= word.startsWith("t2");
    }
    return t1OrPd && !t2 ? "T1 or proton density weighting" : null;
  }

  /**
   * Refuses an image of {@code plane} whose field of view cannot hold what is measured on it
   * (rules above). Call after the plane is checked.
   */
  public void requireLumbarFieldOfView(Volume image, Plane plane) {
    VolumeGeometry g = image.geometry();
    double[] side = new double[2];
    double superiorInferior = 0;
    for (int axis = 0; axis < 2; axis++) {
      side[axis] = (axis == 0 ? g.sizeX() : g.sizeY()) * g.spacingMm(axis);
      superiorInferior += Math.abs(g.direction().get(2, axis)) * side[axis];
      if (side[axis] < minInPlaneMm || side[axis] > maxInPlaneMm) {
        throw BadInputException.at(image.source(), 0, "", String.format(Locale.ROOT,
            "%.0f x %.0f mm", g.sizeX() * g.spacingMm(0), g.sizeY() * g.spacingMm(1)),
            "a lumbar field of view: each side of " + plane.withArticle() + " image between "
            + fmt(minInPlaneMm) + " and " + fmt(maxInPlaneMm) + " mm (check the pixel"
            + " spacing and its units)");
      }
    }
    if (plane == Plane.SAGITTAL && superiorInferior < minSagittalSuperiorInferiorMm) {
      throw BadInputException.at(image.source(), 0, "", String.format(Locale.ROOT,
          "%.0f mm head to foot", superiorInferior), "a lumbar field of view: a sagittal image"
          + " at least " + fmt(minSagittalSuperiorInferiorMm) + " mm head to foot, to hold the"
          + " five lumbar discs L1/2 to L5/S1");
    }
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.1f", v);
  }
}
