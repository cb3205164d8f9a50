package org.backstrat.imaging.pipeline;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.backstrat.core.BadInputException;
import org.backstrat.imaging.io.Acquisition;
import org.backstrat.imaging.volume.Direction;
import org.backstrat.imaging.volume.Plane;
import org.backstrat.imaging.volume.Volume;
import org.backstrat.imaging.volume.VolumeGeometry;
import org.junit.jupiter.api.Test;

class InputChecksTest {
  private static final InputChecks CHECKS = InputChecks.withDefaults();
  /** Sagittal: columns run posterior, rows run inferior. */
  private static final Direction SAGITTAL = Direction.ofColumns(new double[] {0, 1, 0},
      new double[] {0, 0, -1}, new double[] {1, 0, 0});

  private static Acquisition mr(String description, double tr, double te, double ti) {
    return new Acquisition("MR", description, "", tr, te, ti);
  }

  private static void refused(Acquisition a, String... words) {
    assertThatThrownBy(() -> CHECKS.requireT2(a, "img")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("img").hasMessageContainingAll(words);
  }

  private static void accepted(Acquisition a) {
    assertThatCode(() -> CHECKS.requireT2(a, "img")).doesNotThrowAnyException();
  }

  @Test
  void spinEchoT2AndUnknownSequencesPass() {
    accepted(mr("t2_tse_sag_384", 3500, 114, Double.NaN));
    accepted(mr("SAG T2 TSE", 4200, 102, 0));
    accepted(Acquisition.unknown());
  }

  @Test
  void shortEchoTimeIsT1OrProtonDensity() {
    refused(mr("", 550, 12, Double.NaN), "(0018,0081)", "12 ms", "T1 or proton density");
    refused(mr("", 3000, 20, Double.NaN), "T1 or proton density");
  }

  @Test
  void inversionRecoveryIsRefused() {
    refused(mr("sag", 4000, 60, 160), "(0018,0082)", "inversion recovery");
  }

  @Test
  void descriptionsNamingAnotherSequenceAreRefused() {
    refused(mr("t1_tse_sag", Double.NaN, Double.NaN, Double.NaN), "(0008,103E)", "T1");
    refused(mr("SAG T1W", Double.NaN, Double.NaN, Double.NaN), "T1");
    refused(mr("T2 STIR SAG", Double.NaN, Double.NaN, Double.NaN), "STIR");
    refused(new Acquisition("MR", "", "ep2d_diff_tra", Double.NaN, Double.NaN, Double.NaN),
        "(0018,1030)", "DIFF");
    accepted(mr("t2_t1_mixed", Double.NaN, Double.NaN, Double.NaN));
  }

  @Test
  void otherModalitiesAreRefused() {
    refused(new Acquisition("CT", "", "", Double.NaN, Double.NaN, Double.NaN), "CT",
        "an MR series");
  }

  private static Volume image(int nx, int ny, double spacing, Direction d) {
    return Volume.of("img", VolumeGeometry.of(nx, ny, 1, new double[] {spacing, spacing, 4},
        new double[3], d), new float[nx * ny]);
  }

  @Test
  void lumbarSizedImagesPass() {
    assertThatCode(() -> CHECKS.requireLumbarFieldOfView(image(256, 256, 1.1, SAGITTAL),
        Plane.SAGITTAL)).doesNotThrowAnyException();
    assertThatCode(() -> CHECKS.requireLumbarFieldOfView(image(256, 256, 0.6,
        Direction.identity()), Plane.AXIAL)).doesNotThrowAnyException();
  }

  @Test
  void sagittalImageTooShortForFiveDiscsIsRefused() {
    // 300 mm front to back but only 120 mm head to foot
    Volume wide = image(300, 120, 1.0, SAGITTAL);
    assertThatThrownBy(() -> CHECKS.requireLumbarFieldOfView(wide, Plane.SAGITTAL))
        .isInstanceOf(BadInputException.class).hasMessageContaining("120 mm head to foot")
        .hasMessageContaining("five lumbar discs");
  }

  @Test
  void headToFootExtentFollowsTheAxisThatRunsHeadToFoot() {
    // rows run posterior and columns run inferior: 120 columns x 1 mm = 120 mm head to foot
    Direction swapped = Direction.ofColumns(new double[] {0, 0, -1}, new double[] {0, 1, 0},
        new double[] {-1, 0, 0});
    Volume v = image(120, 300, 1.0, swapped);
    assertThatThrownBy(() -> CHECKS.requireLumbarFieldOfView(v, Plane.SAGITTAL))
        .isInstanceOf(BadInputException.class).hasMessageContaining("120 mm head to foot");
  }

  @Test
  void axialImageTooSmallOrAbsurdlyLargeIsRefused() {
    assertThatThrownBy(() -> CHECKS.requireLumbarFieldOfView(image(256, 256, 0.2,
        Direction.identity()), Plane.AXIAL)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("51 x 51 mm").hasMessageContaining("an axial image");
    // spacing in micrometres read as millimetres
    assertThatThrownBy(() -> CHECKS.requireLumbarFieldOfView(image(256, 256, 600,
        Direction.identity()), Plane.AXIAL)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("units");
  }
}
