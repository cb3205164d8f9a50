package org.backstrat.imaging.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.backstrat.core.BadInputException;
import org.backstrat.imaging.io.MetaImageWriter;
import org.backstrat.imaging.io.SampleType;
import org.backstrat.imaging.io.VolumeReader;
import org.backstrat.imaging.model.DiscLocaliser;
import org.backstrat.imaging.model.FacetSegmenter;
import org.backstrat.imaging.model.PfirrmannGrader;
import org.backstrat.imaging.facet.FacetAngles;
import org.backstrat.imaging.phantom.PhantomJob;
import org.backstrat.imaging.phantom.PhantomLabels;
import org.backstrat.imaging.volume.Reorientation;
import org.backstrat.imaging.volume.Volume;
import org.backstrat.imaging.volume.VolumeGeometry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagingJobTest {
  @TempDir
  static Path shared;
  static Path phantoms;

  @BeforeAll
  static void writePhantoms() {
    phantoms = shared.resolve("phantoms");
    PhantomJob.withDefaults().withCount(5).withSeed(99).run(phantoms, false, null);
  }

  @TempDir
  Path tmp;

  private static List<CSVRecord> read(Path csv) throws IOException {
    try (Reader r = Files.newBufferedReader(csv)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)
          .getRecords();
    }
  }

  private Path copyOfPhantoms() throws IOException {
    Path copy = tmp.resolve("studies");
    try (var s = Files.walk(phantoms)) {
      for (Path p : s.toList()) {
        Path target = copy.resolve(phantoms.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Files.delete(copy.resolve("truth.csv"));
    return copy;
  }

  @Test
  void sagittalOnlyStudyFolderIsGradedWithEmptyFacetsAndANote() throws IOException {
    bundledModelsArePresent();
    Path studies = copyOfPhantoms();
    try (var s = Files.list(studies.resolve("phantom-0002"))) {
      for (Path p : s.toList()) {
        if (p.getFileName().toString().startsWith("axial_")) {
          Files.delete(p);
        }
      }
    }
    Path out = tmp.resolve("sag.csv");
    ImagingJob.Result r = PhantomJobs.job().run(studies, out, false, null);
    assertThat(r.failed()).isZero();
    CSVRecord row = read(out).get(1);
    assertThat(row.get("id")).isEqualTo("phantom-0002");
    for (String level : List.of("l1l2", "l2l3", "l3l4", "l4l5", "l5s1")) {
      assertThat(row.get("pfirrmann_" + level)).as(level).isNotEmpty();
    }
    for (String level : List.of("l3l4", "l4l5", "l5s1")) {
      assertThat(row.get("facet_angle_" + level + "_left")).isEmpty();
      assertThat(row.get("facet_angle_" + level + "_right")).isEmpty();
    }
    assertThat(row.get(ImagingJob.MESSAGES_COLUMN)).contains("no axial series was given")
        .doesNotContain("axial l3l4:").doesNotContain("axial l5s1:");
    assertThat(row.get(ImagingJob.STATUS_COLUMN)).isIn("ok", "partial");
    assertThat(read(out).get(0).get("facet_angle_l4l5_left")).as("others keep their axial")
        .isNotEmpty();
  }

  @Test
  void phantomBiomarkersComeOutInTheCohortColumnsAndMatchTheTruth() throws IOException {
    Path out = tmp.resolve("biomarkers.csv");
    int[] progress = new int[1];
    ImagingJob.Result result = PhantomJobs.job().run(phantoms, out, false,
        (done, total) -> progress[0] = done);
    assertThat(result.studies()).isEqualTo(5);
    assertThat(progress[0]).isEqualTo(5);
    assertThat(Files.readAllLines(out).get(0)).isEqualTo(String.join(",",
        ImagingJob.header()));
    List<CSVRecord> rows = read(out);
    List<CSVRecord> truth = read(phantoms.resolve("truth.csv"));
    assertThat(rows).hasSize(5);
    int discs = 0;
    int withinOne = 0;
    for (int s = 0; s < 5; s++) {
      CSVRecord row = rows.get(s);
      CSVRecord t = truth.get(s);
      assertThat(row.get("id")).isEqualTo(t.get("id"));
      for (String col : List.of("facet_angle_l3l4_left", "facet_angle_l3l4_right",
          "facet_angle_l4l5_left", "facet_angle_l4l5_right", "facet_angle_l5s1_left",
          "facet_angle_l5s1_right")) {
        assertThat(Double.parseDouble(row.get(col))).as(row.get("id") + " " + col)
            .isCloseTo(Double.parseDouble(t.get(col)), within(2.0));
      }
      for (String level : List.of("l1l2", "l2l3", "l3l4", "l4l5", "l5s1")) {
        int graded = Integer.parseInt(row.get("pfirrmann_" + level));
        assertThat(graded).isBetween(1, 5);
        assertThat(Double.parseDouble(row.get("pfirrmann_confidence_" + level)))
            .isBetween(0.2, 1.0);
        assertThat(row.get("disc_confidence_" + level)).as("discs from the label image")
            .isEmpty();
        discs++;
        withinOne += Math.abs(graded - Integer.parseInt(t.get("pfirrmann_" + level))) <= 1
            ? 1 : 0;
      }
      assertThat(row.get(ImagingJob.STATUS_COLUMN)).isIn("ok", "partial");
    }
    assertThat(withinOne).as("grades within one of the truth, of %d", discs)
        .isGreaterThanOrEqualTo(discs - 1);
  }

  private static void bundledModelsArePresent() {
    assertTrue(PfirrmannGrader.phantomPresent() && DiscLocaliser.phantomPresent()
        && FacetSegmenter.bundledPresent(), "bundled models are not on the classpath");
  }

  private static void write(Path file, Volume image, SampleType type) throws IOException {
    try (OutputStream os = Files.newOutputStream(file)) {
      MetaImageWriter.of(type, true).write(image, os);
    }
  }

  private static void deleteLabels(Path study) throws IOException {
    try (var s = Files.list(study)) {
      for (Path p : s.filter(p -> p.getFileName().toString().contains("_labels")).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void withoutLabelImagesTheModelsLocateGradeAndSegment() throws IOException {
    bundledModelsArePresent();
    Path studies = copyOfPhantoms();
    deleteLabels(studies.resolve("phantom-0001"));
    PhantomJobs.job().run(studies, tmp.resolve("d.csv"), false, null);
    CSVRecord row = read(tmp.resolve("d.csv")).get(0);
    CSVRecord t = read(phantoms.resolve("truth.csv")).get(0);
    for (String level : List.of("l1l2", "l2l3", "l3l4", "l4l5", "l5s1")) {
      assertThat(Integer.parseInt(row.get("pfirrmann_" + level))).as(level)
          .isCloseTo(Integer.parseInt(t.get("pfirrmann_" + level)), within(1));
      assertThat(row.get("pfirrmann_confidence_" + level)).isNotEmpty();
      assertThat(Double.parseDouble(row.get("disc_confidence_" + level))).as(level)
          .isBetween(0.5, 1.0);
    }
    for (String level : List.of("l3l4", "l4l5", "l5s1")) {
      for (String side : List.of("left", "right")) {
        String col = "facet_angle_" + level + "_" + side;
        assertThat(Double.parseDouble(row.get(col))).as(col)
            .isCloseTo(Double.parseDouble(t.get(col)), within(4.0));
      }
    }
    assertThat(row.get(ImagingJob.MESSAGES_COLUMN)).doesNotContain("no disc localiser")
        .doesNotContain("not found");
  }

  @Test
  void aStudyStoredInAnotherOrientationGivesTheSameBiomarkers() throws IOException {
    bundledModelsArePresent();
    Path studies = copyOfPhantoms();
    Path original = studies.resolve("phantom-0004");
    deleteLabels(original);
    Path turned = Files.createDirectories(studies.resolve("phantom-0004-turned"));
    VolumeReader reader = VolumeReader.withDefaults();
    write(turned.resolve("sagittal_t2.mha"), Reorientation.FLIP_J.apply(
        reader.read(original.resolve("sagittal_t2.mha"))), SampleType.INT16);
    List<Reorientation> axial = List.of(Reorientation.FLIP_I, Reorientation.TRANSPOSE,
        Reorientation.FLIP_BOTH);
    List<String> levels = List.of("l3l4", "l4l5", "l5s1");
    for (int l = 0; l < levels.size(); l++) {
      String name = "axial_" + levels.get(l) + "_t2.mha";
      write(turned.resolve(name), axial.get(l).apply(reader.read(original.resolve(name))),
          SampleType.INT16);
    }
    PhantomJobs.job().run(studies, tmp.resolve("o.csv"), false, null);
    List<CSVRecord> rows = read(tmp.resolve("o.csv"));
    CSVRecord a = rows.stream().filter(r -> r.get("id").equals("phantom-0004")).findFirst()
        .orElseThrow();
    CSVRecord b = rows.stream().filter(r -> r.get("id").equals("phantom-0004-turned"))
        .findFirst().orElseThrow();
    for (String level : List.of("l1l2", "l2l3", "l3l4", "l4l5", "l5s1")) {
      assertThat(b.get("pfirrmann_" + level)).as(level).isNotEmpty()
          .isEqualTo(a.get("pfirrmann_" + level));
    }
    for (String level : levels) {
      for (String side : List.of("left", "right")) {
        String col = "facet_angle_" + level + "_" + side;
        assertThat(Double.parseDouble(b.get(col))).as(col)
            .isCloseTo(Double.parseDouble(a.get(col)), within(0.5));
      }
    }
    assertThat(b.get(ImagingJob.STATUS_COLUMN)).isEqualTo(a.get(ImagingJob.STATUS_COLUMN));
  }

  @Test
  void labelImagesTakePrecedenceUnlessSwitchedOff() throws IOException {
    bundledModelsArePresent();
    Path studies = copyOfPhantoms();
    // an empty sagittal label image: with label images on, no disc is found in it
    Path labels = studies.resolve("phantom-0001/sagittal_t2_labels.mha");
    Volume original = VolumeReader.withDefaults().read(labels);
    Volume empty = Volume.of("empty", original.geometry(),
        new float[(int) original.geometry().voxelCount()]);
    write(labels, empty, SampleType.UINT8);
    PhantomJobs.job().run(studies, tmp.resolve("on.csv"), false, null);
    CSVRecord on = read(tmp.resolve("on.csv")).get(0);
    assertThat(on.get("pfirrmann_l3l4")).isEmpty();
    assertThat(on.get(ImagingJob.MESSAGES_COLUMN)).contains("not found in the labels");
    PhantomJobs.builder().labelImages(false).build().run(studies, tmp.resolve("off.csv"), false,
        null);
    CSVRecord off = read(tmp.resolve("off.csv")).get(0);
    assertThat(off.get("pfirrmann_l3l4")).isNotEmpty();
    assertThat(off.get(ImagingJob.MESSAGES_COLUMN)).doesNotContain("not found in the labels");
  }

  @Test
  void aSagittalImageWithoutASpineIsReportedAsNotLumbar() throws IOException {
    bundledModelsArePresent();
    Path studies = copyOfPhantoms();
    deleteLabels(studies.resolve("phantom-0002"));
    Path sagittal = studies.resolve("phantom-0002/sagittal_t2.mha");
    Volume image = VolumeReader.withDefaults().read(sagittal);
    float[] flat = new float[(int) image.geometry().voxelCount()];
    java.util.Arrays.fill(flat, 250f);
    write(sagittal, Volume.of("flat", image.geometry(), flat), SampleType.INT16);
    PhantomJobs.job().run(studies, tmp.resolve("n.csv"), false, null);
    CSVRecord row = read(tmp.resolve("n.csv")).get(1);
    assertThat(row.get(ImagingJob.MESSAGES_COLUMN)).contains("does not look lumbar");
    assertThat(row.get("pfirrmann_l1l2")).isEmpty();
    assertThat(row.get("facet_angle_l4l5_left")).as("the axial slices are still measured")
        .isNotEmpty();
    assertThat(row.get(ImagingJob.STATUS_COLUMN)).isEqualTo("partial");
  }

  @Test
  void aSagittalStackIsMeasuredOnItsMiddleSliceAndSaysSo() throws IOException {
    bundledModelsArePresent();
    Path studies = copyOfPhantoms();
    deleteLabels(studies.resolve("phantom-0003"));
    Path sagittal = studies.resolve("phantom-0003/sagittal_t2.mha");
    Volume slice = VolumeReader.withDefaults().read(sagittal);
    VolumeGeometry g = slice.geometry();
    int n = g.sizeX() * g.sizeY();
    float[] stack = new float[3 * n];
    float[] middle = slice.copyVoxels();
    System.arraycopy(middle, 0, stack, n, n);
    // outer slices: a flat image, which would show no spine
    java.util.Arrays.fill(stack, 0, n, 200f);
    java.util.Arrays.fill(stack, 2 * n, 3 * n, 200f);
    double[] origin = g.physicalPointMm(0, 0, -1);
    VolumeGeometry three = VolumeGeometry.of(g.sizeX(), g.sizeY(), 3, g.spacingMm(), origin,
        g.direction());
    write(sagittal, Volume.of("stack", three, stack), SampleType.INT16);
    PhantomJobs.job().run(studies, tmp.resolve("s.csv"), false, null);
    CSVRecord row = read(tmp.resolve("s.csv")).get(2);
    CSVRecord t = read(phantoms.resolve("truth.csv")).get(2);
    assertThat(row.get(ImagingJob.MESSAGES_COLUMN))
        .contains("sagittal: the model ran on the middle slice 2 of 3");
    assertThat(row.get(ImagingJob.STATUS_COLUMN)).as("a note is not a warning").isEqualTo("ok");
    for (String level : List.of("l1l2", "l2l3", "l3l4", "l4l5", "l5s1")) {
      assertThat(Integer.parseInt(row.get("pfirrmann_" + level))).as(level)
          .isCloseTo(Integer.parseInt(t.get("pfirrmann_" + level)), within(1));
    }
  }

  @Test
  void withoutTheSacrumInViewTheLevelsAreNotIdentifiedAndSaySo() throws IOException {
    bundledModelsArePresent();
    Path studies = copyOfPhantoms();
    Path dir = studies.resolve("phantom-0004");
    Volume labels = VolumeReader.withDefaults().read(dir.resolve("sagittal_t2_labels.mha"));
    deleteLabels(dir);
    Path sagittal = dir.resolve("sagittal_t2.mha");
    Volume image = VolumeReader.withDefaults().read(sagittal);
    // blank out everything caudal to the middle of the L3/4 to L4/5 gap, sacrum included
    double cut = (FacetAngles.joint(labels, PhantomLabels.DISC_L1L2 + 2).centroidMm()[1]
        + FacetAngles.joint(labels, PhantomLabels.DISC_L1L2 + 3).centroidMm()[1]) / 2;
    VolumeGeometry g = image.geometry();
    float[] v = image.copyVoxels();
    for (int j = (int) Math.ceil(cut / g.spacingMm(1)); j < g.sizeY(); j++) {
      java.util.Arrays.fill(v, j * g.sizeX(), (j + 1) * g.sizeX(), 210f);
    }
    write(sagittal, Volume.of("cut", g, v), SampleType.INT16);
    PhantomJobs.job().run(studies, tmp.resolve("c.csv"), false, null);
    CSVRecord row = read(tmp.resolve("c.csv")).get(3);
    // the localiser names levels by counting from the sacrum: without it, no level is named
    // reliably, and the study says so instead of grading the wrong discs
    assertThat(row.get(ImagingJob.MESSAGES_COLUMN)).contains("does not look lumbar")
        .contains("sacrum");
    for (String level : List.of("l1l2", "l2l3", "l3l4", "l4l5", "l5s1")) {
      assertThat(row.get("pfirrmann_" + level)).as(level).isEmpty();
      assertThat(row.get("disc_confidence_" + level)).as("QC keeps the confidence")
          .isNotEmpty();
    }
    assertThat(row.get("facet_angle_l3l4_left")).isNotEmpty();
    assertThat(row.get(ImagingJob.STATUS_COLUMN)).isEqualTo("partial");
  }

  @Test
  void aCardForAnotherTaskIsBadInputWhenTheJobIsBuilt() throws Exception {
    bundledModelsArePresent();
    Path pfirrmannCard = Path.of(ImagingJob.class.getResource(
        "/org/backstrat/imaging/models/pfirrmann_phantom.card.json").toURI());
    assertThatThrownBy(() -> PhantomJobs.builder().discLocaliserModel(pfirrmannCard).build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("disc_localiser");
    assertThatThrownBy(() -> PhantomJobs.builder().facetSegmenterModel(pfirrmannCard).build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("facet_segmentation");
    assertThatThrownBy(() -> ImagingJob.builder().pfirrmannModel(tmp.resolve("none.json"))
        .build()).isInstanceOf(BadInputException.class).hasMessageContaining("none.json");
  }

  @Test
  void brokenStudiesGetARowWithTheReasonAndTheBatchGoesOn() throws IOException {
    Path studies = copyOfPhantoms();
    // 1: corrupt sagittal; 2: missing axial level; 3: axial image where the sagittal belongs;
    // 4: a header claiming 4 GB of voxels
    Files.writeString(studies.resolve("phantom-0001/sagittal_t2.mha"), "garbage\0\0\0");
    Files.delete(studies.resolve("phantom-0002/axial_l4l5_t2.mha"));
    Files.copy(studies.resolve("phantom-0003/axial_l3l4_t2.mha"),
        studies.resolve("phantom-0003/sagittal_t2.mha"), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(studies.resolve("phantom-0004/axial_l5s1_t2.mha"), "NDims = 3\n"
        + "DimSize = 4096 4096 64\nElementType = MET_FLOAT\nElementDataFile = LOCAL\n");
    Path out = tmp.resolve("b.csv");
    ImagingJob.Result result = PhantomJobs.job().run(studies, out, false, null);
    assertThat(result.studies()).isEqualTo(5);
    List<CSVRecord> rows = read(out);
    assertThat(rows.get(0).get(ImagingJob.MESSAGES_COLUMN)).contains("sagittal:")
        .contains("not MetaImage");
    assertThat(rows.get(0).get("facet_angle_l3l4_left")).isNotEmpty();
    assertThat(rows.get(1).get(ImagingJob.MESSAGES_COLUMN)).contains("axial l4l5:")
        .contains("missing");
    assertThat(rows.get(1).get("facet_angle_l4l5_left")).isEmpty();
    assertThat(rows.get(1).get("facet_angle_l5s1_left")).isNotEmpty();
    assertThat(rows.get(2).get(ImagingJob.MESSAGES_COLUMN))
        .contains("a sagittal image was expected, but this one is axial");
    assertThat(rows.get(3).get(ImagingJob.MESSAGES_COLUMN)).contains("axial l5s1:")
        .contains("at most");
    assertThat(rows.get(4).get(ImagingJob.STATUS_COLUMN)).as("untouched study").isEqualTo("ok");
  }

  @Test
  void aStudyWithNothingReadableFails() throws IOException {
    Path studies = tmp.resolve("empty-studies");
    Files.createDirectories(studies.resolve("person-a"));
    PhantomJobs.job().run(studies, tmp.resolve("c.csv"), false, null);
    CSVRecord row = read(tmp.resolve("c.csv")).get(0);
    assertThat(row.get("id")).isEqualTo("person-a");
    assertThat(row.get(ImagingJob.STATUS_COLUMN)).isEqualTo("failed");
  }

  @Test
  void inputThatIsNotAFolderOfStudiesIsBadInput() throws IOException {
    Path nothing = tmp.resolve("nothing-here");
    assertThatThrownBy(() -> PhantomJobs.job().run(nothing, tmp.resolve("o.csv"), false,
        null)).isInstanceOf(BadInputException.class).hasMessageContaining("sub-folder")
        .hasMessageContaining("manifest");
    Path file = Files.writeString(tmp.resolve("x.txt"), "x");
    assertThatThrownBy(() -> PhantomJobs.job().run(file, tmp.resolve("o.csv"), false,
        null)).as("a file is read as a manifest").isInstanceOf(BadInputException.class)
        .hasMessageContaining("manifest columns");
    Path empty = Files.createDirectory(tmp.resolve("none"));
    assertThatThrownBy(() -> PhantomJobs.job().run(empty, tmp.resolve("o.csv"), false,
        null)).isInstanceOf(BadInputException.class).hasMessageContaining("study folder");
  }

  @Test
  void existingOutputIsNotOverwrittenWithoutForce() throws IOException {
    Path out = Files.writeString(tmp.resolve("exists.csv"), "keep");
    assertThatThrownBy(() -> PhantomJobs.job().run(phantoms, out, false, null))
        .isInstanceOf(BadInputException.class).hasMessageContaining("--force");
    assertThat(Files.readString(out)).isEqualTo("keep");
  }
}
