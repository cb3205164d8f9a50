package org.backstrat.imaging.phantom;

import java.util.ArrayList;
import java.util.List;

/**
 * The mid-sagittal lumbar spine of one phantom: a chain of vertebral bodies and discs, T12 to
 * S1, stacked along a lordotic curve, in image-plane millimetres (u towards posterior, v towards
 * inferior, origin at the image corner). {@link #signal} gives the T2 signal and label at a
 * point.
 */
final class Spine {
  /** One body or disc: centre, axis angle (0 = straight down, positive tilts posteriorly). */
  record Element(boolean disc, int label, int grade, double u, double v, double angle,
                 double lengthMm, double depthMm, double cos, double sin) {
    Element(boolean disc, int label, int grade, double u, double v, double angle,
            double lengthMm, double depthMm) {
      this(disc, label, grade, u, v, angle, lengthMm, depthMm, StrictMath.cos(angle),
          StrictMath.sin(angle));
    }
  }

  private final List<Element> elements;
  private final double canalGapMm;
  private final double canalWidthMm;

  private Spine(List<Element> elements, double canalGapMm, double canalWidthMm) {
    this.elements = elements;
    this.canalGapMm = canalGapMm;
    this.canalWidthMm = canalWidthMm;
  }

  /** Disc {@code index} 0..4 = L1/2..L5/S1. */
  Element disc(int index) {
    return elements.get(3 + 2 * index);
  }

  static Spine sample(PhantomTruth truth, double scale, double fovMm, Draws draws) {
    double depth = 36 * scale;
    double[] lengths = new double[13];
    boolean[] isDisc = new boolean[13];
    int[] labels = new int[13];
    int[] grades = new int[13];
    // T12, T12/L1, L1, L1/2, ..., L5, L5/S1, S1
    for (int e = 0; e < 13; e++) {
      isDisc[e] = e % 2 == 1;
      if (!isDisc[e]) {
        int body = e / 2;
        labels[e] = body == 0 ? PhantomLabels.VERTEBRA_T12 : body == 6 ? PhantomLabels.SACRUM
            : PhantomLabels.VERTEBRA_L1 + body - 1;
        lengths[e] = (body == 6 ? 30 : 27) * scale * draws.uniform(0.95, 1.05);
      } else {
        int disc = e / 2;
        int grade = disc == 0 ? (draws.chance(0.7) ? 1 : 2) : truth.pfirrmann().get(disc - 1);
        grades[e] = grade;
        labels[e] = disc == 0 ? PhantomLabels.DISC_T12L1 : PhantomLabels.DISC_L1L2 + disc - 1;
        double base = disc == 0 ? 8 : disc == 5 ? 9.5 : 10.5;
        lengths[e] = base * scale * PhantomGenerator.heightFactor(grade)
            * draws.uniform(0.95, 1.05);
      }
    }
    double total = 0;
    for (double l : lengths) {
      total += l;
    }
    double lordosis = Math.toRadians(draws.uniform(30, 60));
    double start = -lordosis / 2 + Math.toRadians(draws.uniform(-6, 6));
    List<Element> chain = new ArrayList<>();
    double u = 0;
    double v = 0;
    double cum = 0;
    for (int e = 0; e < 13; e++) {
      double angle = start + lordosis * (cum + lengths[e] / 2) / total;
      if (e == 12) {
        angle += Math.toRadians(20);
      }
      double du = StrictMath.sin(angle);
      double dv = StrictMath.cos(angle);
      double cu = u + du * lengths[e] / 2;
      double cv = v + dv * lengths[e] / 2;
      chain.add(new Element(isDisc[e], labels[e], grades[e], cu, cv, angle, lengths[e],
          isDisc[e] ? depth * 1.02 : depth));
      u = cu + du * lengths[e] / 2;
      v = cv + dv * lengths[e] / 2;
      cum += lengths[e];
    }
    // centre L3 (element 6) in the field of view, then shift a little
    Element l3 = chain.get(6);
    double shiftU = fovMm * 0.42 - l3.u() + draws.uniform(-10, 10);
    double shiftV = fovMm * 0.47 - l3.v() + draws.uniform(-8, 8);
    List<Element> placed = new ArrayList<>();
    for (Element e : chain) {
      placed.add(new Element(e.disc(), e.label(), e.grade(), e.u() + shiftU, e.v() + shiftV,
          e.angle(), e.lengthMm(), e.depthMm()));
    }
    return new Spine(placed, draws.uniform(1.5, 2.5), draws.uniform(12, 16) * scale);
  }

  /**
   * T2 signal at (u, v); when {@code label} is not null, stores the label there (0 for
   * background).
   */
  double signal(double u, double v, double[] jitter, int[] label) {
    int found = 0;
    double value = -1;
    boolean canal = false;
    boolean posterior = false;
    for (Element e : elements) {
      double du = u - e.u();
      double dv = v - e.v();
      double c = e.cos();
      double s = e.sin();
      double along = du * s + dv * c;
      double across = du * c - dv * s;
      double halfLen = e.lengthMm() / 2;
      double halfDepth = e.depthMm() / 2;
      if (Math.abs(along) <= halfLen + 2.5 && across > halfDepth + canalGapMm
          && across <= halfDepth + canalGapMm + canalWidthMm && e.label() != PhantomLabels.SACRUM) {
        canal = true;
      }
      if (!e.disc() && Math.abs(along) <= halfLen * 0.8
          && across > halfDepth + canalGapMm + canalWidthMm + 1.5
          && across <= halfDepth + canalGapMm + canalWidthMm + 30) {
        posterior = true;
      }
      if (value >= 0) {
        continue;
      }
      if (e.disc()) {
        double ends = Math.max(0, Math.abs(across) - (halfDepth - halfLen));
        if (Math.abs(across) <= halfDepth && Math.abs(along) <= halfLen
            && ends * ends + along * along <= halfLen * halfLen * 1.0001) {
          double nucleusA = 0.5 * halfDepth;
          double nucleusB = 0.65 * halfLen;
          double a0 = 0.1 * halfDepth;
          double r = Math.sqrt((across - a0) * (across - a0) / (nucleusA * nucleusA)
              + along * along / (nucleusB * nucleusB));
          value = PhantomGenerator.discSignal(e.grade(), r, nucleusB, along, jitter);
          found = e.label();
        }
      } else {
        double radius = 2.5;
        double ea = Math.max(0, Math.abs(across) - (halfDepth - radius));
        double eb = Math.max(0, Math.abs(along) - (halfLen - radius));
        if (Math.abs(across) <= halfDepth && Math.abs(along) <= halfLen
            && ea * ea + eb * eb <= radius * radius) {
          boolean cortex = Math.abs(along) > halfLen - 1.2 || Math.abs(across) > halfDepth - 1.2;
          value = (cortex ? 80 : 360) * jitter[2];
          found = e.label();
        }
      }
    }
    if (value < 0 && canal) {
      value = PhantomGenerator.CSF * jitter[3];
      found = PhantomLabels.CANAL;
    }
    if (value < 0 && posterior) {
      value = 300 * jitter[4];
    }
    if (value < 0) {
      value = 210 * jitter[5];
    }
    if (label != null) {
      label[0] = found;
    }
    return value;
  }
}
