package org.backstrat.imaging.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.backstrat.imaging.volume.Volume;
import org.backstrat.imaging.volume.VolumeGeometry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every reader against values pydicom and nibabel computed for the same files
 * (reference/make_reference.py → reference/readers.json): size, spacing, origin and direction in
 * LPS, acquisition plane, and the sum, minimum and maximum of the rescaled voxels.
 */
class ReaderReferenceTest {

  @TestFactory
  Stream<DynamicTest> readersAgreeWithPydicomAndNibabel() throws IOException {
    JsonNode root = new ObjectMapper().readTree(TestFiles.reference().resolve("readers.json")
        .toFile());
    List<DynamicTest> tests = new ArrayList<>();
    for (String group : List.of("nifti", "dicom", "dicom_series", "metaimage", "shared")) {
      for (JsonNode e : root.get(group)) {
        String name = e.get("name").asText();
        tests.add(DynamicTest.dynamicTest(group + " " + name, () -> check(name, e)));
      }
    }
    return tests.stream();
  }

  private static void check(String name, JsonNode e) {
    Path path = TestFiles.resolve(name);
    Volume v = VolumeReader.withDefaults().read(path);
    VolumeGeometry g = v.geometry();
    assertThat(new int[] {g.sizeX(), g.sizeY(), g.sizeZ()}).as("size")
        .containsExactly(ints(e.get("size")));
    double[] spacing = doubles(e.get("spacing"));
    double[] origin = doubles(e.get("origin"));
    double[] direction = doubles(e.get("direction"));
    for (int a = 0; a < 3; a++) {
      assertThat(g.spacingMm(a)).as("spacing %d", a).isCloseTo(spacing[a], within(1e-4));
      assertThat(g.originMm()[a]).as("origin %d", a).isCloseTo(origin[a], within(1e-3));
    }
    double[] d = g.direction().toRowMajor();
    for (int i = 0; i < 9; i++) {
      assertThat(d[i]).as("direction %d", i).isCloseTo(direction[i], within(1e-5));
    }
    assertThat(g.plane().label()).isEqualTo(e.get("plane").asText());
    FloatBuffer voxels = v.voxels();
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int nans = 0;
    for (int s = 0; s < voxels.remaining(); s++) {
      float x = voxels.get(s);
      if (Float.isNaN(x)) {
        nans++;
        continue;
      }
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    double expectedSum = e.get("sum").asDouble();
    assertThat(sum).as("sum").isCloseTo(expectedSum, within(1e-6 * Math.abs(expectedSum) + 1e-3));
    assertThat(min).as("min").isCloseTo(e.get("min").asDouble(),
        within(1e-6 * Math.abs(e.get("min").asDouble()) + 1e-4));
    assertThat(max).as("max").isCloseTo(e.get("max").asDouble(),
        within(1e-6 * Math.abs(e.get("max").asDouble()) + 1e-4));
    assertThat(nans).as("NaN voxels").isEqualTo(e.get("nan_count").asInt());
    if (e.has("slice_first_voxel")) {
      double[] first = doubles(e.get("slice_first_voxel"));
      for (int k = 0; k < first.length; k++) {
        assertThat(v.value(0, 0, k)).as("slice order, slice %d", k).isEqualTo((float) first[k]);
      }
    }
    if (e.has("centroid_lps")) {
      double[] expected = doubles(e.get("centroid_lps"));
      double[] c = centroid(v);
      for (int a = 0; a < 3; a++) {
        assertThat(c[a]).as("mask centroid %d", a).isCloseTo(expected[a], within(1e-6));
      }
    }
  }

  private static double[] centroid(Volume v) {
    VolumeGeometry g = v.geometry();
    double si = 0;
    double sj = 0;
    double sk = 0;
    long n = 0;
    for (int k = 0; k < g.sizeZ(); k++) {
      for (int j = 0; j < g.sizeY(); j++) {
        for (int i = 0; i < g.sizeX(); i++) {
          if (v.value(i, j, k) > 0.5f) {
            si += i;
            sj += j;
            sk += k;
            n++;
          }
        }
      }
    }
    return g.physicalPointMm(si / n, sj / n, sk / n);
  }

  private static int[] ints(JsonNode a) {
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asInt();
    }
    return out;
  }

  private static double[] doubles(JsonNode a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asDouble();
    }
    return out;
  }
}
