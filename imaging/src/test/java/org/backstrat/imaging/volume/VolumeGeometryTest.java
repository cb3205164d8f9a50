package org.backstrat.imaging.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;

class VolumeGeometryTest {
  private static final double[] ONE = {1, 1, 1};
  private static final double[] ZERO = {0, 0, 0};

  /** Sagittal slice in LPS: i towards posterior, j towards inferior (as a radiologist views). */
  static Direction sagittal() {
    return Direction.ofColumns(new double[] {0, 1, 0}, new double[] {0, 0, -1},
        new double[] {1, 0, 0});
  }

  @Test
  void identityIsAxial() {
    VolumeGeometry g = VolumeGeometry.of(4, 4, 1, ONE, ZERO, Direction.identity());
    assertThat(g.plane()).isEqualTo(Plane.AXIAL);
    assertThat(g.direction().orientationCode()).isEqualTo("LPS");
  }

  @Test
  void sagittalDirectionIsSagittalAndCoronalIsCoronal() {
    assertThat(VolumeGeometry.of(4, 4, 1, ONE, ZERO, sagittal()).plane()).isEqualTo(Plane.SAGITTAL);
    Direction coronal = Direction.ofColumns(new double[] {1, 0, 0}, new double[] {0, 0, -1},
        new double[] {0, 1, 0});
    assertThat(VolumeGeometry.of(4, 4, 1, ONE, ZERO, coronal).plane()).isEqualTo(Plane.CORONAL);
  }

  @Test
  void physicalPointUsesSpacingDirectionAndOrigin() {
    VolumeGeometry g = VolumeGeometry.of(10, 10, 3, new double[] {0.5, 2, 4},
        new double[] {10, 20, 30}, sagittal());
    // i -> +P (y), j -> -S (z), k -> +L (x)
    assertThat(g.physicalPointMm(2, 3, 1)).containsExactly(10 + 4, 20 + 1, 30 - 6);
  }

  @Test
  void wrongPlaneIsRefusedWithTheFoundPlaneInTheMessage() {
    VolumeGeometry g = VolumeGeometry.of(4, 4, 1, ONE, ZERO, Direction.identity());
    assertThatThrownBy(() -> g.requirePlane(Plane.SAGITTAL, 20, "s.nii"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("s.nii").hasMessageContaining("a sagittal image was expected")
        .hasMessageContaining("this one is axial");
  }

  @Test
  void tooObliqueImageIsRefused() {
    double a = Math.toRadians(30);
    Direction tilted = Direction.ofColumns(new double[] {Math.cos(a), 0, Math.sin(a)},
        new double[] {0, 1, 0}, new double[] {-Math.sin(a), 0, Math.cos(a)});
    VolumeGeometry g = VolumeGeometry.of(4, 4, 1, ONE, ZERO, tilted);
    assertThat(g.obliquityDegrees()).isCloseTo(30, within(1e-9));
    g.requirePlane(Plane.AXIAL, 35, "t.nii");
    assertThatThrownBy(() -> g.requirePlane(Plane.AXIAL, 25, "t.nii"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("oblique");
  }

  @Test
  void shearedAxesAreRejected() {
    assertThatThrownBy(() -> Direction.ofColumns(new double[] {1, 0, 0},
        new double[] {0.5, 1, 0}, new double[] {0, 0, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orthogonal");
  }

  @Test
  void sliceKeepsGeometryAndMovesOrigin() {
    VolumeGeometry g = VolumeGeometry.of(2, 2, 3, new double[] {1, 1, 2.5}, ZERO,
        Direction.identity());
    float[] v = new float[12];
    for (int s = 0; s < 12; s++) {
      v[s] = s;
    }
    Volume vol = Volume.of("x", g, v);
    Volume s2 = vol.slice(2);
    assertThat(s2.geometry().originMm()).containsExactly(0, 0, 5.0);
    assertThat(s2.value(1, 1, 0)).isEqualTo(11f);
    v[11] = -1;
    assertThat(vol.value(1, 1, 2)).as("defensive copy").isEqualTo(11f);
  }

  /** The plane follows the slice normal: rotate the axial frame about x by any angle. */
  @Property(tries = 200)
  void planeIsTheAxisNearestToTheSliceNormal(
      @ForAll @DoubleRange(min = -180, max = 180) double tiltDegrees) {
    double a = Math.toRadians(tiltDegrees);
    Direction d = Direction.ofColumns(new double[] {1, 0, 0},
        new double[] {0, Math.cos(a), Math.sin(a)}, new double[] {0, -Math.sin(a), Math.cos(a)});
    double[] n = d.sliceNormal();
    Plane expected = Math.abs(n[2]) >= Math.abs(n[1]) ? Plane.AXIAL : Plane.CORONAL;
    if (Math.abs(Math.abs(n[2]) - Math.abs(n[1])) > 1e-9) {
      assertThat(VolumeGeometry.of(2, 2, 1, ONE, ZERO, d).plane()).isEqualTo(expected);
    }
    assertThat(Math.abs(d.determinant())).isCloseTo(1.0, within(1e-9));
  }
}
