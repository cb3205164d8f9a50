package org.backstrat.imaging.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;
import org.backstrat.imaging.StudyInput;
import org.backstrat.imaging.StudyLayout;
import org.backstrat.imaging.io.PixelGeometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyManifestTest {
  @TempDir
  Path tmp;

  private Path manifest(String... lines) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("m"));
    return Files.writeString(dir.resolve("manifest.csv"), String.join("\n", lines) + "\n");
  }

  private static BadInputException bad(Path m) {
    try {
      StudyManifest.read(m);
    } catch (BadInputException e) {
      return e;
    }
    throw new AssertionError("manifest accepted: " + m);
  }

  @Test
  void pathsAreRelativeToTheManifestFolderOrAbsoluteAndRowsKeepTheirOrder() throws IOException {
    Path m = manifest("id,sagittal,axial_l3l4,axial_l4l5,axial_l5s1",
        "b,imgs/b_sag.mha,imgs/b3.nii.gz,/data/b4.mha,../b5",
        "a,/abs/a_sag,,,");
    List<StudyInput> s = StudyManifest.read(m);
    assertThat(s).extracting(StudyInput::id).containsExactly("b", "a");
    Path dir = m.toAbsolutePath().getParent();
    assertThat(s.get(0).image(StudyLayout.SAGITTAL)).contains(dir.resolve("imgs/b_sag.mha"));
    assertThat(s.get(0).image(StudyLayout.axial("l3l4"))).contains(dir.resolve(
        "imgs/b3.nii.gz"));
    assertThat(s.get(0).image(StudyLayout.axial("l4l5"))).contains(Path.of("/data/b4.mha"));
    assertThat(s.get(0).image(StudyLayout.axial("l5s1"))).contains(tmp.resolve("b5"));
    assertThat(s.get(1).image(StudyLayout.SAGITTAL)).contains(Path.of("/abs/a_sag"));
    assertThat(s.get(1).image(StudyLayout.axial("l3l4"))).isEmpty();
    assertThat(s.get(1).missing(StudyLayout.axial("l3l4"), "axial l3l4"))
        .contains("manifest gives none");
    assertThat(s.get(0).origin()).endsWith("manifest.csv row 2");
  }

  @Test
  void axialFolderSuppliesTheLevelsNotListedOneByOne() throws IOException {
    Path axial = Files.createDirectories(tmp.resolve("m/ax"));
    Files.write(axial.resolve("axial_l3l4_t2.mha"), new byte[1]);
    Files.write(axial.resolve("axial_l4l5_t2.nii"), new byte[1]);
    Path m = manifest("id,sagittal,axial,axial_l4l5", "p1,s.mha,ax,own_l4l5.mha");
    StudyInput s = StudyManifest.read(m).get(0);
    assertThat(s.image(StudyLayout.axial("l3l4"))).contains(axial.resolve("axial_l3l4_t2.mha"));
    assertThat(s.image(StudyLayout.axial("l4l5"))).contains(tmp.resolve("m/own_l4l5.mha"));
    assertThat(s.image(StudyLayout.axial("l5s1"))).isEmpty();
    assertThat(s.missing(StudyLayout.axial("l5s1"), "axial l5s1")).contains("axial folder")
        .contains("axial_l5s1_t2");
  }

  @Test
  void axialColumnNamingAFileSaysItMustBeAFolder() throws IOException {
    Files.createDirectories(tmp.resolve("m"));
    Files.write(tmp.resolve("m/ax.mha"), new byte[1]);
    StudyInput s = StudyManifest.read(manifest("id,sagittal,axial", "p,s.mha,ax.mha")).get(0);
    assertThat(s.image(StudyLayout.axial("l3l4"))).isEmpty();
    assertThat(s.missing(StudyLayout.axial("l3l4"), "axial l3l4")).contains("must be a folder")
        .contains("axial_l3l4, axial_l4l5");
  }

  @Test
  void labelImagesAreFoundBesideTheListedImage() throws IOException {
    Files.createDirectories(tmp.resolve("m"));
    Files.write(tmp.resolve("m/s.nii.gz"), new byte[1]);
    Files.write(tmp.resolve("m/s_labels.nii.gz"), new byte[1]);
    StudyInput s = StudyManifest.read(manifest("id,sagittal,axial", "p,s.nii.gz,")).get(0);
    assertThat(s.image(StudyLayout.SAGITTAL + StudyLayout.LABELS_SUFFIX))
        .contains(tmp.resolve("m/s_labels.nii.gz"));
    assertThat(s.image(StudyLayout.axial("l3l4") + StudyLayout.LABELS_SUFFIX)).isEmpty();
  }

  @Test
  void pngGeometryColumnsAreParsedWithDefaultOrientations() throws IOException {
    Path m = manifest("id,sagittal,sagittal_spacing_mm,sagittal_orientation,axial,"
        + "axial_spacing_mm", "p,s.png,0.68,ps,,0.5 0.6", "q,s.png,,,,");
    List<StudyInput> s = StudyManifest.read(m);
    assertThat(s.get(0).pixelGeometry(StudyLayout.SAGITTAL))
        .contains(new PixelGeometry(0.68, 0.68, "PS"));
    assertThat(s.get(0).pixelGeometry(StudyLayout.axial("l4l5")))
        .contains(new PixelGeometry(0.5, 0.6, PixelGeometry.AXIAL_DEFAULT));
    assertThat(s.get(1).pixelGeometry(StudyLayout.SAGITTAL)).isEmpty();
  }

  @Test
  void missingRequiredColumnsAreNamed() throws IOException {
    BadInputException e = bad(manifest("id,axial", "p,ax"));
    assertThat(e.problems()).extracting(InputProblem::column).containsExactly("sagittal");
    assertThat(e.getMessage()).contains("manifest.csv");
  }

  @Test
  void sagittalOnlyManifestIsAcceptedAndItsStudiesHaveNoAxialImages() throws IOException {
    List<StudyInput> s = StudyManifest.read(manifest(
        "id,sagittal,sagittal_spacing_mm,sagittal_orientation", "p,s.png,0.8,PI"));
    assertThat(s).hasSize(1);
    assertThat(s.get(0).hasAxialImages()).isFalse();
    assertThat(s.get(0).pixelGeometry(StudyLayout.SAGITTAL))
        .contains(new PixelGeometry(0.8, 0.8, "PI"));
    assertThat(StudyManifest.read(manifest("id,sagittal,axial_l4l5", "p,s.mha,a.mha")).get(0)
        .hasAxialImages()).isTrue();
    assertThat(StudyManifest.read(manifest("id,sagittal,axial", "p,s.mha,")).get(0)
        .hasAxialImages()).as("an empty axial cell gives none").isFalse();
  }

  @Test
  void badSpacingAndOrientationAreReportedAsSuchNotAsAMissingAxialColumn() throws IOException {
    BadInputException e = bad(manifest("id,sagittal,sagittal_spacing_mm,sagittal_orientation",
        "p,s.png,abc,PI", "q,s.png,0.8,XX"));
    assertThat(e.problems()).extracting(InputProblem::row).containsExactly(2L, 3L);
    assertThat(e.problems().get(0).column()).isEqualTo("sagittal_spacing_mm");
    assertThat(e.problems().get(0).value()).isEqualTo("abc");
    assertThat(e.problems().get(1).column()).isEqualTo("sagittal_orientation");
    assertThat(e.problems().get(1).value()).isEqualTo("XX");
    assertThat(e.getMessage()).doesNotContain("axial");
  }

  @Test
  void unknownOrRepeatedColumnsAreRefused() throws IOException {
    BadInputException e = bad(manifest("id,sagital,sagittal,axial,axial", "p,s,s,a,a"));
    assertThat(e.problems()).extracting(InputProblem::column)
        .containsExactly("sagital", "axial");
    assertThat(e.problems().get(0).expected()).contains("one of the manifest columns");
    assertThat(e.problems().get(1).expected()).contains("each column once");
  }

  @Test
  void duplicateIdIsRefusedNamingBothRows() throws IOException {
    BadInputException e = bad(manifest("id,sagittal,axial", "p1,a,", "p2,b,", "p1,c,"));
    assertThat(e.problems()).hasSize(1);
    InputProblem p = e.problems().get(0);
    assertThat(p.row()).isEqualTo(4);
    assertThat(p.column()).isEqualTo("id");
    assertThat(p.value()).isEqualTo("p1");
    assertThat(p.expected()).contains("row 2");
  }

  @Test
  void emptyIdIsRefused() throws IOException {
    InputProblem p = bad(manifest("id,sagittal,axial", "p1,a,", ",b,")).problems().get(0);
    assertThat(p.row()).isEqualTo(3);
    assertThat(p.column()).isEqualTo("id");
    assertThat(p.expected()).contains("non-empty");
  }

  @Test
  void everyBadRowIsReportedAtOnce() throws IOException {
    BadInputException e = bad(manifest("id,sagittal,sagittal_spacing_mm,axial",
        ",a,,", "q,b,-2,", "r,c,1,", "r,d,,", "s,e,,,extra"));
    assertThat(e.problems()).extracting(InputProblem::row).containsExactly(2L, 3L, 5L, 6L);
    assertThat(e.problems().get(1).column()).isEqualTo("sagittal_spacing_mm");
  }

  @Test
  void orientationWithoutSpacingIsRefused() throws IOException {
    InputProblem p = bad(manifest("id,sagittal,sagittal_orientation,axial", "p,a.png,PI,"))
        .problems().get(0);
    assertThat(p.column()).isEqualTo("sagittal_spacing_mm");
  }

  @Test
  void headerOnlyOrMissingManifestIsRefused() throws IOException {
    assertThat(bad(manifest("id,sagittal,axial")).getMessage()).contains("at least one study");
    assertThat(bad(tmp.resolve("none.csv")).getMessage()).contains("none.csv: no such file");
  }

  @Test
  void byteOrderMarkBeforeTheFirstColumnIsIgnored() throws IOException {
    Path m = manifest("\uFEFFid,sagittal,axial", "p,s.mha,");
    assertThat(StudyManifest.read(m)).extracting(StudyInput::id).containsExactly("p");
  }

  @Test
  void aManifestRunsThroughTheJobAndAMissingFileFailsOnlyThatPart() throws IOException {
    Path m = manifest("id,sagittal,axial", "p,nowhere.mha,");
    Path out = tmp.resolve("b.csv");
    ImagingJob.Result r = PhantomJobs.job().run(m, out, false, null);
    assertThat(r.failed()).isEqualTo(1);
    assertThat(Files.readString(out)).contains("nowhere.mha").contains("existing image file")
        .contains("no axial series was given");
  }

  @Test
  void pngIsPlacedByTheDeclaredGeometryAndRefusedWithoutIt() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("m"));
    BufferedImage picture = new BufferedImage(256, 256, BufferedImage.TYPE_BYTE_GRAY);
    picture.getRaster().setSample(10, 20, 0, 200);
    ImageIO.write(picture, "png", dir.resolve("sag.png").toFile());
    Path m = manifest("id,sagittal,sagittal_spacing_mm,sagittal_orientation,axial",
        "declared,sag.png,0.9,PS,", "undeclared,sag.png,,,");
    Path out = tmp.resolve("b.csv");
    PhantomJobs.job().run(m, out, false, null);
    List<String> rows = Files.readAllLines(out);
    assertThat(rows.get(1)).as("no complaint about the picture itself")
        .startsWith("declared,").doesNotContain("sag.png");
    assertThat(rows.get(2)).startsWith("undeclared,").contains("sag.png")
        .contains("a PNG records neither").contains("sagittal_spacing_mm");
  }
}
