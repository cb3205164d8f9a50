package org.backstrat.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyLayoutTest {
  @TempDir
  Path tmp;

  @Test
  void findsAnImageByStemWhateverItsFormat() throws IOException {
    Files.createDirectory(tmp.resolve("sagittal_t2"));
    Files.write(tmp.resolve("axial_l4l5_t2.nii.gz"), new byte[1]);
    assertThat(StudyLayout.find(tmp, StudyLayout.SAGITTAL)).contains(tmp.resolve("sagittal_t2"));
    assertThat(StudyLayout.find(tmp, StudyLayout.axial("l4l5")))
        .contains(tmp.resolve("axial_l4l5_t2.nii.gz"));
    assertThat(StudyLayout.find(tmp, StudyLayout.axial("l3l4"))).isEmpty();
  }

  @Test
  void onlyFacetLevelsHaveAxialStems() {
    assertThatThrownBy(() -> StudyLayout.axial("l1l2"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
