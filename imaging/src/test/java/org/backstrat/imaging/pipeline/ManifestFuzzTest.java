package org.backstrat.imaging.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.backstrat.core.BadInputException;
import org.backstrat.imaging.StudyInput;

/**
 * Any text as a manifest either gives studies with unique, non-empty ids or fails with
 * {@link BadInputException}: never another exception.
 */
class ManifestFuzzTest {
  private static final List<String> PIECES = List.of("id", "sagittal", "axial", "axial_l3l4",
      "axial_l4l5", "axial_l5s1", "sagittal_spacing_mm", "sagittal_orientation", "x", "",
      "0.5", "-1", "PI", "QQ", "a.png", "/abs/b.mha", "\"q,\"\"uoted\"", " ", "\u0000", "p1");

  @Property(tries = 300)
  void anyTextIsStudiesOrBadInput(@ForAll long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder text = new StringBuilder();
    int lines = r.nextInt(5);
    for (int l = 0; l < lines; l++) {
      int cells = 1 + r.nextInt(7);
      for (int c = 0; c < cells; c++) {
        text.append(c == 0 ? "" : r.nextInt(10) == 0 ? ";" : ",")
            .append(PIECES.get(r.nextInt(PIECES.size())));
      }
      text.append(r.nextInt(8) == 0 ? "\r\n" : "\n");
    }
    Path dir = Files.createTempDirectory("manifest-fuzz");
    Path m = dir.resolve("m.csv");
    try {
      Files.write(m, text.toString().getBytes(StandardCharsets.UTF_8));
      List<StudyInput> studies = StudyManifest.read(m);
      assertThat(studies).isNotEmpty();
      assertThat(studies).extracting(StudyInput::id).doesNotHaveDuplicates()
          .doesNotContain("");
    } catch (BadInputException e) {
      assertThat(e.getMessage()).contains("m.csv");
    } finally {
      Files.deleteIfExists(m);
      Files.deleteIfExists(dir);
    }
  }
}
