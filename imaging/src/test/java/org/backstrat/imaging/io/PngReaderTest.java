package org.backstrat.imaging.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.backstrat.core.BadInputException;
import org.backstrat.imaging.volume.Plane;
import org.backstrat.imaging.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PNG reader against values Pillow and numpy computed (make_png_reference.py), and its
 * declared geometry.
 */
class PngReaderTest {
  @TempDir
  Path tmp;

  private static JsonNode reference() throws IOException {
    return new ObjectMapper().readTree(TestFiles.reference().resolve("png_reference.json")
        .toFile());
  }

  private static void matches(Volume v, JsonNode ref) {
    assertThat(v.geometry().sizeX()).isEqualTo(ref.get("width").asInt());
    assertThat(v.geometry().sizeY()).isEqualTo(ref.get("height").asInt());
    double sum = 0;
    float[] all = v.copyVoxels();
    for (float f : all) {
      sum += f;
    }
    String name = ref.get("file").asText();
    assertThat(sum).as(name + " sum").isCloseTo(ref.get("sum").asDouble(),
        within(1e-4 * Math.max(1, Math.abs(ref.get("sum").asDouble()))));
    assertThat((double) v.value(3, 2, 0)).as(name + " (3, 2)")
        .isCloseTo(ref.get("x3_y2").asDouble(), within(1e-4));
    float[] sorted = all.clone();
    Arrays.sort(sorted);
    assertThat((double) sorted[0]).isCloseTo(ref.get("min").asDouble(), within(1e-4));
    assertThat((double) sorted[sorted.length - 1]).isCloseTo(ref.get("max").asDouble(),
        within(1e-4));
  }

  @Test
  void grayRgbRgbaAndPalettePicturesMatchPillow() throws IOException {
    JsonNode fixtures = reference().get("fixtures");
    assertThat(fixtures).hasSize(5);
    for (JsonNode ref : fixtures) {
      Path png = TestFiles.reference().resolve("fixtures/png/" + ref.get("file").asText());
      matches(PngReader.withDefaults().read(png), ref);
    }
  }

  @Test
  void spiderMidSagittalRendersMatchPillow() throws IOException {
    Path dir = TestFiles.shared().resolve("spider_medvisor_subset/midsagittal_png");
    JsonNode spider = reference().get("spider_midsagittal");
    assertThat(spider).hasSize(2);
    for (JsonNode ref : spider) {
      matches(VolumeReader.withDefaults().read(dir.resolve(ref.get("file").asText())), ref);
    }
  }

  @Test
  void withoutDeclaredGeometryThePlaneIsUnknown() {
    Volume v = PngReader.withDefaults().read(TestFiles.reference()
        .resolve("fixtures/png/gray8.png"));
    assertThat(v.geometry().orientationFromHeader()).isFalse();
    assertThatThrownBy(() -> v.requirePlane(Plane.SAGITTAL, 30))
        .isInstanceOf(BadInputException.class).hasMessageContaining("no orientation");
  }

  @Test
  void declaredGeometryGivesSpacingAndPlane() {
    Path png = TestFiles.reference().resolve("fixtures/png/gray8.png");
    Volume sag = VolumeReader.withDefaults().withPixelGeometry(new PixelGeometry(0.5, 0.75,
        "PI")).read(png);
    assertThat(sag.geometry().spacingMm()).containsExactly(0.5, 0.75, 1.0);
    sag.requirePlane(Plane.SAGITTAL, 0);
    // columns run posterior, rows run inferior: LPS (0, 1, 0) and (0, 0, -1)
    assertThat(sag.geometry().physicalPointMm(2, 4, 0)).containsExactly(0, 1.0, -3.0);
    Volume upsideDown = PngReader.withDefaults().withPixelGeometry(new PixelGeometry(1, 1,
        "ps")).read(png);
    assertThat(upsideDown.geometry().physicalPointMm(0, 4, 0)).containsExactly(0, 0, 4.0);
    Volume axial = PngReader.withDefaults().withPixelGeometry(new PixelGeometry(1, 1,
        PixelGeometry.AXIAL_DEFAULT)).read(png);
    axial.requirePlane(Plane.AXIAL, 0);
  }

  @Test
  void orientationMustNameTwoBodyAxes() {
    assertThatThrownBy(() -> new PixelGeometry(1, 1, "PA"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PixelGeometry(1, 1, "PX"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PixelGeometry.parse("0.5", "SI", "PI", "m.csv", 3, "s", "o"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("m.csv")
        .hasMessageContaining("row 3").hasMessageContaining("o");
    assertThatThrownBy(() -> PixelGeometry.parse("-1", "", "PI", "m.csv", 3, "s", "o"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("pixel spacing");
    assertThat(PixelGeometry.parse("0.7 0.5", "", "PI", "m.csv", 3, "s", "o"))
        .isEqualTo(new PixelGeometry(0.7, 0.5, "PI"));
  }

  @Test
  void corruptAndTruncatedPicturesAreRefused() throws IOException {
    Path junk = Files.write(tmp.resolve("junk.png"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    assertThatThrownBy(() -> VolumeReader.withDefaults().read(junk))
        .isInstanceOf(BadInputException.class).hasMessageContaining("junk.png");
    byte[] full = Files.readAllBytes(TestFiles.reference().resolve("fixtures/png/gray16.png"));
    Path cut = Files.write(tmp.resolve("cut.png"), Arrays.copyOf(full, full.length - 30));
    assertThatThrownBy(() -> VolumeReader.withDefaults().read(cut))
        .isInstanceOf(BadInputException.class).hasMessageContaining("cut.png");
  }
}
