package org.backstrat.imaging.facet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.imaging.phantom.PhantomGenerator;
import org.backstrat.imaging.phantom.PhantomLabels;
import org.backstrat.imaging.volume.Direction;
import org.backstrat.imaging.volume.Volume;
import org.backstrat.imaging.volume.VolumeGeometry;
import org.junit.jupiter.api.Test;

class FacetAnglesTest {
  private static final FacetAngles ANGLES = FacetAngles.withDefaults();

  /**
   * A mask with two joint spaces drawn as rectangles in PHYSICAL millimetres (so the truth does
   * not depend on pixel shape): left at {@code leftDeg}, right at {@code rightDeg} to the j axis
   * (the image's anterior-posterior axis), each 16 mm long and 1.6 mm wide.
   */
  static Volume mask(double leftDeg, double rightDeg, double sx, double sy) {
    int nx = (int) Math.ceil(80 / sx);
    int ny = (int) Math.ceil(80 / sy);
    float[] v = new float[nx * ny];
    double[][] centres = {{55, 45}, {25, 45}};
    double[] angles = {Math.toRadians(leftDeg), Math.toRadians(rightDeg)};
    double[] sign = {1, -1};
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        for (int side = 0; side < 2; side++) {
          double dx = i * sx - centres[side][0];
          double dy = j * sy - centres[side][1];
          double ux = sign[side] * Math.sin(angles[side]);
          double uy = -Math.cos(angles[side]);
          double along = dx * ux + dy * uy;
          double across = -dx * uy + dy * ux;
          if (Math.abs(along) <= 8 && Math.abs(across) <= 0.8) {
            v[i + nx * j] = side + 1;
          }
        }
      }
    }
    VolumeGeometry g = VolumeGeometry.of(nx, ny, 1, new double[] {sx, sy, 3}, new double[3],
        Direction.identity());
    return Volume.adopt("mask", g, v);
  }

  @Test
  void phantomFacetAnglesAreRecoveredWithinHalfADegreeOnAverage() {
    PhantomGenerator generator = PhantomGenerator.withDefaults();
    double sumError = 0;
    double maxError = 0;
    int joints = 0;
    for (int s = 0; s < 12; s++) {
      PhantomGenerator.Study study = generator.generate("p" + s, 1000 + s);
      for (int l = 0; l < CohortSchema.FACET_LEVELS.size(); l++) {
        FacetAngles.Result r = ANGLES.measure(study.axial().get(l).labels(),
            PhantomLabels.FACET_LEFT, PhantomLabels.FACET_RIGHT, PhantomLabels.AXIAL_DISC,
            PhantomLabels.AXIAL_CANAL);
        double el = Math.abs(r.leftDegrees() - study.truth().facetLeftDegrees().get(l));
        double er = Math.abs(r.rightDegrees() - study.truth().facetRightDegrees().get(l));
        sumError += el + er;
        maxError = Math.max(maxError, Math.max(el, er));
        joints += 2;
        assertThat(r.warnings()).isEmpty();
      }
    }
    double mae = sumError / joints;
    assertThat(mae).as("mean absolute error over %d joints", joints).isLessThan(0.5);
    assertThat(maxError).as("largest error").isLessThan(2.0);
  }

  @Test
  void imageAxesMidlineIsWrongForARotatedPatientWhileTheAnatomicalOneIsRight() {
    // phantom patients are rotated up to 8 degrees; the image axis then misses by that much
    PhantomGenerator generator = PhantomGenerator.withDefaults();
    double worstImageAxis = 0;
    for (int s = 0; s < 6; s++) {
      PhantomGenerator.Study study = generator.generate("p" + s, 2000 + s);
      Volume labels = study.axial().get(0).labels();
      FacetAngles.Result r = ANGLES.measure(labels, PhantomLabels.FACET_LEFT,
          PhantomLabels.FACET_RIGHT, FacetAngles.imageMidline(labels.geometry()));
      worstImageAxis = Math.max(worstImageAxis,
          Math.abs(r.leftDegrees() - study.truth().facetLeftDegrees().get(0)));
    }
    assertThat(worstImageAxis).isGreaterThan(2.0);
  }

  @Test
  void anisotropicPixelsAreMeasuredInMillimetres() {
    Volume m = mask(40, 40, 0.4, 1.2);
    FacetAngles.Result r = ANGLES.measure(m, 1, 2, new double[] {0, 1});
    assertThat(r.leftDegrees()).isCloseTo(40, within(1.0));
    assertThat(r.rightDegrees()).isCloseTo(40, within(1.0));
    // the same pixels read as if square would give atan(tan(40) * 1.2/0.4 ... ) far from 40
    double naive = Math.toDegrees(Math.atan(Math.tan(Math.toRadians(40)) * 1.2 / 0.4));
    assertThat(Math.abs(naive - 40)).isGreaterThan(20);
  }

  @Property(tries = 60)
  void angleOfADrawnJointIsRecovered(@ForAll @DoubleRange(min = 5, max = 85) double left,
                                     @ForAll @DoubleRange(min = 5, max = 85) double right) {
    FacetAngles.Result r = ANGLES.measure(mask(left, right, 0.6, 0.6), 1, 2,
        new double[] {0, -1});
    assertThat(r.leftDegrees()).isCloseTo(left, within(1.0));
    assertThat(r.rightDegrees()).isCloseTo(right, within(1.0));
    assertThat(r.tropismDegrees()).isCloseTo(Math.abs(left - right), within(2.0));
  }

  @Test
  void tropismIsFlaggedAtSevenAndTenDegrees() {
    FacetAngles.Result eight = ANGLES.measure(mask(40, 48, 0.5, 0.5), 1, 2, new double[] {0, 1});
    assertThat(eight.tropismDegrees()).isCloseTo(8, within(1.0));
    assertThat(eight.tropismMild()).isTrue();
    assertThat(eight.tropismSevere()).isFalse();
    FacetAngles.Result twelve = ANGLES.measure(mask(40, 52, 0.5, 0.5), 1, 2,
        new double[] {0, 1});
    assertThat(twelve.tropismMild()).isTrue();
    assertThat(twelve.tropismSevere()).isTrue();
    FacetAngles.Result none = ANGLES.measure(mask(40, 42, 0.5, 0.5), 1, 2, new double[] {0, 1});
    assertThat(none.tropismMild()).isFalse();
  }

  @Test
  void missingJointGivesNaNAndAWarning() {
    FacetAngles.Result r = ANGLES.measure(mask(40, 45, 0.5, 0.5), 1, 9, new double[] {0, 1});
    assertThat(r.leftDegrees()).isCloseTo(40, within(1.0));
    assertThat(r.rightDegrees()).isNaN();
    assertThat(r.tropismDegrees()).isNaN();
    assertThat(r.tropismMild()).isFalse();
    assertThat(r.warnings()).singleElement().asString().contains("right facet joint not found");
  }

  @Test
  void missingMidlineStructuresFallBackToImageAxesWithAWarning() {
    FacetAngles.Result r = ANGLES.measure(mask(30, 35, 0.5, 0.5), 1, 2, 3, 4);
    assertThat(r.leftDegrees()).isCloseTo(30, within(1.0));
    assertThat(r.warnings()).anyMatch(w -> w.contains("image axes"));
  }

  @Test
  void blobShapedJointIsFlaggedAsUnreliable() {
    float[] v = new float[100];
    for (int j = 3; j < 7; j++) {
      for (int i = 3; i < 7; i++) {
        v[i + 10 * j] = 1;
      }
    }
    Volume blob = Volume.adopt("blob", VolumeGeometry.of(10, 10, 1, new double[] {1, 1, 1},
        new double[3], Direction.identity()), v);
    FacetAngles.Result r = ANGLES.measure(blob, 1, 1, new double[] {0, 1});
    assertThat(r.warnings()).anyMatch(w -> w.contains("not line-shaped"));
  }
}
