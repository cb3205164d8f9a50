package org.backstrat.imaging.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Crops against SciPy's map_coordinates (reference/make_sampler_reference.py). */
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
}
