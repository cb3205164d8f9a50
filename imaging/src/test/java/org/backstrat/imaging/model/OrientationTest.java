package org.backstrat.imaging.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backstrat.imaging.facet.FacetAngles;
import org.backstrat.imaging.phantom.PhantomGenerator;
import org.backstrat.imaging.phantom.PhantomLabels;
import org.backstrat.imaging.volume.Direction;
import org.backstrat.imaging.volume.PlaneSampler;
import org.backstrat.imaging.volume.Reorientation;
import org.backstrat.imaging.volume.Volume;
import org.backstrat.imaging.volume.VolumeGeometry;
import org.junit.jupiter.api.Test;

/**
 * The three models see an image in their canonical orientation whatever order its voxels are
 * stored in: copies of phantom slices flipped along i, along j, both, or transposed, with
 * headers changed so the patient's anatomy is where it was, give the same discs (in patient
 * millimetres), grades and facet angles as the originals, with left and right the patient's.
 */
class OrientationTest {
  private static final double MM = 0.5;
  private static final double DEGREES = 0.5;

  @Test
  void reorientedSagittalSlicesGiveTheSameDiscsAndGrades() {
    assertTrue(DiscLocaliser.phantomPresent() && PfirrmannGrader.phantomPresent(),
        "no bundled disc localiser or Pfirrmann model");
    PhantomGenerator generator = PhantomGenerator.withDefaults();
    try (DiscLocaliser localiser = DiscLocaliser.phantom(1);
         PfirrmannGrader grader = PfirrmannGrader.phantom(1)) {
      for (int s = 0; s < 2; s++) {
        PhantomGenerator.Study study = generator.generate("orient" + s, 6_300_000L + s);
        DiscLocaliser.Located base = localiser.locate(study.sagittal());
        assertThat(base.lumbar()).isTrue();
        int[] located = grader.grade(study.sagittal(), base).grades();
        int[] labelled = grader.grade(study.sagittal(), study.sagittalLabels(),
            PhantomLabels.DISC_L1L2).grades();
        for (Reorientation r : Reorientation.values()) {
          Volume image = r.apply(study.sagittal());
          DiscLocaliser.Located got = localiser.locate(image);
          for (int d = 0; d < 5; d++) {
            DiscLocaliser.Disc want = base.discs().get(d);
            DiscLocaliser.Disc disc = got.discs().get(d);
            String what = r + " study " + s + " disc " + want.level();
            assertThat(disc.found()).as(what).isEqualTo(want.found());
            assertThat(disc.positionLpsMm()).as(what + " centre, LPS mm")
                .containsExactly(want.positionLpsMm(), within(MM));
            assertThat(disc.axisDegrees()).as(what + " axis")
                .isCloseTo(want.axisDegrees(), within(DEGREES));
            assertThat(disc.confidence()).as(what).isCloseTo(want.confidence(), within(0.02));
            VolumeGeometry g = image.geometry();
            assertThat(g.physicalPointMm(disc.xMm() / g.spacingMm(0),
                disc.yMm() / g.spacingMm(1), 0)).as(what + " slice frame")
                .containsExactly(disc.positionLpsMm(), within(1e-9));
          }
          assertThat(grader.grade(image, got).grades()).as(r + " located grades")
              .containsExactly(located);
          assertThat(grader.grade(image, r.apply(study.sagittalLabels()),
              PhantomLabels.DISC_L1L2).grades()).as(r + " label-image grades")
              .containsExactly(labelled);
        }
      }
    }
  }

  @Test
  void reorientedAxialSlicesGiveTheSameFacetAnglesWithThePatientsLeftAndRight() {
    assertTrue(FacetSegmenter.bundledPresent(), "no bundled facet segmenter");
    PhantomGenerator generator = PhantomGenerator.withDefaults();
    FacetAngles angles = FacetAngles.withDefaults();
    try (FacetSegmenter segmenter = FacetSegmenter.bundled(1)) {
      PhantomGenerator.Study study = generator.generate("orientax", 6_400_000L);
      for (PhantomGenerator.AxialSlice slice : study.axial()) {
        Volume baseLabels = segmenter.segment(slice.image());
        FacetAngles.Result base = measure(angles, baseLabels);
        for (Reorientation r : Reorientation.values()) {
          Volume labels = segmenter.segment(r.apply(slice.image()));
          FacetAngles.Result got = measure(angles, labels);
          String what = r + " level " + slice.level();
          assertThat(got.leftDegrees()).as(what + " left").isCloseTo(base.leftDegrees(),
              within(DEGREES));
          assertThat(got.rightDegrees()).as(what + " right").isCloseTo(base.rightDegrees(),
              within(DEGREES));
          for (int label : new int[] {PhantomLabels.FACET_LEFT, PhantomLabels.FACET_RIGHT}) {
            assertThat(centroidLps(labels, label)).as(what + " joint " + label + ", LPS mm")
                .containsExactly(centroidLps(baseLabels, label), within(MM));
          }
        }
      }
    }
  }

  @Test
  void aSagittalSliceWhoseRowsAreTurnedInPlaneGivesTheSameDiscs() {
    assertTrue(DiscLocaliser.phantomPresent() && PfirrmannGrader.phantomPresent(),
        "no bundled disc localiser or Pfirrmann model");
    PhantomGenerator.Study study = PhantomGenerator.withDefaults().generate("orientturn",
        6_500_000L);
    try (DiscLocaliser localiser = DiscLocaliser.phantom(1);
         PfirrmannGrader grader = PfirrmannGrader.phantom(1)) {
      DiscLocaliser.Located base = localiser.locate(study.sagittal());
      int[] grades = grader.grade(study.sagittal(), base).grades();
      for (double angle : new double[] {-20, 12, 90}) {
        Volume turned = turned(study.sagittal(), angle);
        DiscLocaliser.Located got = localiser.locate(turned);
        for (int d = 0; d < 5; d++) {
          DiscLocaliser.Disc want = base.discs().get(d);
          DiscLocaliser.Disc disc = got.discs().get(d);
          String what = "turned " + angle + " disc " + want.level();
          assertThat(disc.found()).as(what).isTrue();
          assertThat(disc.positionLpsMm()).as(what + " centre, LPS mm")
              .containsExactly(want.positionLpsMm(), within(1.0));
          assertThat(disc.axisDegrees()).as(what + " axis")
              .isCloseTo(want.axisDegrees(), within(1.0));
        }
        assertThat(grader.grade(turned, got).grades()).as("turned " + angle)
            .containsExactly(grades);
      }
    }
  }

  /**
   * The image resampled (bilinearly, same spacing) on a grid whose i axis is the original's
   * turned by {@code angleDegrees} towards j, large enough to hold the original; the header
   * says so, so the anatomy stays where it was.
   */
  private static Volume turned(Volume image, double angleDegrees) {
    VolumeGeometry g = image.geometry();
    double step = g.spacingMm(0);
    double width = (g.sizeX() - 1) * g.spacingMm(0);
    double height = (g.sizeY() - 1) * g.spacingMm(1);
    double a = Math.toRadians(angleDegrees);
    double cos = Math.cos(a);
    double sin = Math.sin(a);
    int n = (int) Math.ceil(Math.hypot(width, height) / step) + 1;
    float[] voxels = PlaneSampler.of(n, n, step)
        .sample(image, width / 2, height / 2, angleDegrees, 0f);
    double[] ci = g.direction().column(0);
    double[] cj = g.direction().column(1);
    double[] ti = new double[3];
    double[] tj = new double[3];
    for (int r = 0; r < 3; r++) {
      ti[r] = cos * ci[r] + sin * cj[r];
      tj[r] = -sin * ci[r] + cos * cj[r];
    }
    double half = (n - 1) / 2.0 * step;
    double[] centre = g.physicalPointMm(width / 2 / g.spacingMm(0),
        height / 2 / g.spacingMm(1), 0);
    double[] origin = new double[3];
    for (int r = 0; r < 3; r++) {
      origin[r] = centre[r] - half * ti[r] - half * tj[r];
    }
    return Volume.of(image.source() + " turned", VolumeGeometry.of(n, n, 1,
        new double[] {step, step, g.spacingMm(2)}, origin,
        Direction.ofColumns(ti, tj, g.direction().column(2))),
        voxels);
  }

  private static FacetAngles.Result measure(FacetAngles angles, Volume labels) {
    return angles.measure(labels, PhantomLabels.FACET_LEFT, PhantomLabels.FACET_RIGHT,
        PhantomLabels.AXIAL_DISC, PhantomLabels.AXIAL_CANAL);
  }

  private static double[] centroidLps(Volume labels, int label) {
    double[] c = FacetAngles.joint(labels, label).centroidMm();
    VolumeGeometry g = labels.geometry();
    return g.physicalPointMm(c[0] / g.spacingMm(0), c[1] / g.spacingMm(1), 0);
  }
}
