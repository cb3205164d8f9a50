package org.backstrat.imaging.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Crops against SciPy's map_coordinates (reference/make_sampler_reference.py), and crops in the
 * canonical frame against the same crops of reoriented copies.
 */
class PlaneSamplerTest {

  @Test
  void cropsMatchScipyBilinearInterpolation() throws IOException {
    JsonNode root;
    try (InputStream in = getClass().getResourceAsStream("/reference/sampler_reference.json")) {
      root = new ObjectMapper().readTree(in);
    }
    int nx = root.get("size").get(0).asInt();
    int ny = root.get("size").get(1).asInt();
    float[] image = new float[nx * ny];
    for (int s = 0; s < image.length; s++) {
      image[s] = (float) root.get("image").get(s).asDouble();
    }
    VolumeGeometry g = VolumeGeometry.of(nx, ny, 1, new double[] {
        root.get("spacing").get(0).asDouble(), root.get("spacing").get(1).asDouble(), 1},
        new double[3], Direction.identity());
    Volume slice = Volume.of("ref", g, image);
    float outside = (float) root.get("outside").asDouble();
    int checked = 0;
    int outsideCount = 0;
    for (JsonNode c : root.get("cases")) {
      PlaneSampler sampler = PlaneSampler.of(c.get("width").asInt(), c.get("height").asInt(),
          c.get("spacing").asDouble());
      float[] crop = sampler.sample(slice, c.get("centre").get(0).asDouble(),
          c.get("centre").get(1).asDouble(), c.get("angle").asDouble(), outside);
      JsonNode expected = c.get("expected");
      assertThat(crop).hasSize(expected.size());
      for (int s = 0; s < crop.length; s++) {
        assertThat((double) crop[s]).as("case angle %s, pixel %d", c.get("angle"), s)
            .isCloseTo(expected.get(s).asDouble(), within(1e-3));
        checked++;
        if (crop[s] == outside) {
          outsideCount++;
        }
      }
    }
    assertThat(checked).isGreaterThan(300);
    assertThat(outsideCount).as("some samples fall outside the image").isPositive();
  }

  @Test
  void identityCropReproducesTheImage() {
    float[] image = new float[20];
    for (int s = 0; s < 20; s++) {
      image[s] = s * s;
    }
    VolumeGeometry g = VolumeGeometry.of(5, 4, 1, new double[] {0.5, 0.5, 1}, new double[3],
        Direction.identity());
    float[] crop = PlaneSampler.of(5, 4, 0.5).sample(Volume.of("x", g, image), 1.0, 0.75, 0,
        -1f);
    assertThat(crop).containsExactly(image);
  }

  private static final Direction SAGITTAL = Direction.ofColumns(new double[] {0, 1, 0},
      new double[] {0, 0, -1}, new double[] {1, 0, 0});

  @Test
  void canonicalFrameOfAStandardSagittalOrAxialIsExactlyTheIdentity() {
    VolumeGeometry sag = VolumeGeometry.of(7, 5, 1, new double[] {0.7, 1.3, 4},
        new double[] {1, 2, 3}, SAGITTAL);
    VolumeGeometry ax = VolumeGeometry.of(7, 5, 1, new double[] {0.7, 1.3, 4},
        new double[] {1, 2, 3}, Direction.identity());
    assertThat(PlaneSampler.Frame.canonical(sag, Plane.SAGITTAL))
        .isEqualTo(PlaneSampler.Frame.identity());
    assertThat(PlaneSampler.Frame.canonical(ax, Plane.AXIAL))
        .isEqualTo(PlaneSampler.Frame.identity());
  }

  @Test
  void canonicalFrameOfReorientedCopiesMapsTheCanonicalAxesToTheirNewIndexAxes() {
    VolumeGeometry sag = VolumeGeometry.of(7, 5, 1, new double[] {0.7, 1.3, 4},
        new double[3], SAGITTAL);
    Volume image = Volume.of("x", sag, new float[35]);
    // posterior is -i after a flip along i, inferior -j after a flip along j; transposed,
    // posterior is +j and inferior +i
    assertThat(PlaneSampler.Frame.canonical(Reorientation.FLIP_I.apply(image).geometry(),
        Plane.SAGITTAL)).isEqualTo(new PlaneSampler.Frame(-1, 0, 0, 1));
    assertThat(PlaneSampler.Frame.canonical(Reorientation.FLIP_J.apply(image).geometry(),
        Plane.SAGITTAL)).isEqualTo(new PlaneSampler.Frame(1, 0, 0, -1));
    assertThat(PlaneSampler.Frame.canonical(Reorientation.TRANSPOSE.apply(image).geometry(),
        Plane.SAGITTAL)).isEqualTo(new PlaneSampler.Frame(0, 1, 1, 0));
  }

  @Test
  void obliqueSliceGetsTheCanonicalAxesProjectedAndOrthonormalised() {
    double t = Math.toRadians(20);
    // turned by 20 degrees within the sagittal plane
    Direction turned = Direction.ofColumns(new double[] {0, Math.cos(t), -Math.sin(t)},
        new double[] {0, -Math.sin(t), -Math.cos(t)}, new double[] {1, 0, 0});
    PlaneSampler.Frame f = PlaneSampler.Frame.canonical(VolumeGeometry.of(4, 4, 1,
        new double[] {1, 1, 1}, new double[3], turned), Plane.SAGITTAL);
    assertThat(new double[] {f.xi(), f.xj(), f.yi(), f.yj()}).containsExactly(
        new double[] {Math.cos(t), -Math.sin(t), Math.sin(t), Math.cos(t)}, within(1e-12));
    // tilted by 20 degrees out of the plane (i towards the left) and turned by 10 within it
    double u = Math.toRadians(10);
    double[] p = {Math.sin(t), Math.cos(t), 0};
    double[] ci = {p[0] * Math.cos(u), p[1] * Math.cos(u), -Math.sin(u)};
    double[] cj = {-p[0] * Math.sin(u), -p[1] * Math.sin(u), -Math.cos(u)};
    PlaneSampler.Frame g = PlaneSampler.Frame.canonical(VolumeGeometry.of(4, 4, 1,
        new double[] {1, 1, 1}, new double[3], Direction.ofColumns(ci, cj,
            new double[] {Math.cos(t), -Math.sin(t), 0})), Plane.SAGITTAL);
    assertThat(Math.hypot(g.xi(), g.xj())).isCloseTo(1, within(1e-12));
    assertThat(Math.hypot(g.yi(), g.yj())).isCloseTo(1, within(1e-12));
    assertThat(g.xi() * g.yi() + g.xj() * g.yj()).isCloseTo(0, within(1e-12));
    // x is posterior projected into the plane: (ci . P, cj . P) normalised
    double norm = Math.hypot(ci[1], cj[1]);
    assertThat(g.xi()).isCloseTo(ci[1] / norm, within(1e-12));
    assertThat(g.xj()).isCloseTo(cj[1] / norm, within(1e-12));
    // and y keeps pointing inferior
    assertThat(g.yi() * -ci[2] + g.yj() * -cj[2]).isPositive();
  }

  @Test
  void aFrameThatIsNotOrthonormalIsRefused() {
    assertThatThrownBy(() -> new PlaneSampler.Frame(1, 0, 0.1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orthonormal");
    assertThatThrownBy(() -> new PlaneSampler.Frame(2, 0, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void canonicalCropsOfReorientedCopiesEqualTheOriginalsCrop() {
    SplittableRandom random = new SplittableRandom(11);
    int nx = 23;
    int ny = 17;
    float[] voxels = new float[nx * ny];
    for (int s = 0; s < voxels.length; s++) {
      voxels[s] = (float) random.nextDouble(0, 100);
    }
    for (Direction d : new Direction[] {SAGITTAL, Direction.identity()}) {
      Plane plane = d == SAGITTAL ? Plane.SAGITTAL : Plane.AXIAL;
      Volume image = Volume.of("x", VolumeGeometry.of(nx, ny, 1, new double[] {0.9, 1.2, 3},
          new double[] {5, -7, 11}, d), voxels);
      PlaneSampler sampler = PlaneSampler.of(9, 7, 0.8);
      double cx = 9.3;
      double cy = 10.1;
      float[] expected = sampler.sample(image, PlaneSampler.Frame.canonical(image.geometry(),
          plane), cx, cy, 17, -1f);
      double[] centre = image.geometry().physicalPointMm(cx / 0.9, cy / 1.2, 0);
      for (Reorientation r : Reorientation.values()) {
        Volume copy = r.apply(image);
        VolumeGeometry g = copy.geometry();
        double[] o = g.originMm();
        double[] rel = {centre[0] - o[0], centre[1] - o[1], centre[2] - o[2]};
        double ci = Direction.dot(rel, g.direction().column(0));
        double cj = Direction.dot(rel, g.direction().column(1));
        float[] crop = sampler.sample(copy, PlaneSampler.Frame.canonical(g, plane), ci, cj, 17,
            -1f);
        for (int s = 0; s < crop.length; s++) {
          assertThat((double) crop[s]).as("%s %s pixel %d", plane, r, s)
              .isCloseTo(expected[s], within(1e-3));
        }
      }
    }
  }
}
