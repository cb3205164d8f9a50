package org.backstrat.imaging.phantom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.backstrat.core.BadInputException;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.imaging.StudyLayout;
import org.backstrat.imaging.io.VolumeReader;
import org.backstrat.imaging.volume.Plane;
import org.backstrat.imaging.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhantomTest {
  @TempDir
  Path tmp;

  @Test
  void sameSeedGivesIdenticalBytesWhateverTheThreadCount() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    PhantomJob.withDefaults().withCount(3).withSeed(42).withThreads(1).run(a, false, null);
    PhantomJob.withDefaults().withCount(3).withSeed(42).withThreads(3).run(b, false, null);
    List<Path> files = files(a);
    assertThat(files).hasSize(2 + 3 * 8); // truth.csv, the output marker, 8 images per study
    assertThat(files(b)).hasSameSizeAs(files);
    for (Path f : files) {
      assertThat(Files.readAllBytes(b.resolve(a.relativize(f)))).as(f.toString())
          .isEqualTo(Files.readAllBytes(f));
    }
  }

  @Test
  void uncompressedFilesHoldTheSameVoxels() throws IOException {
    PhantomJob.withDefaults().withCount(1).withSeed(8).run(tmp.resolve("z"), false, null);
    PhantomJob.withDefaults().withCount(1).withSeed(8).withCompression(false)
        .run(tmp.resolve("raw"), false, null);
    Path z = tmp.resolve("z/phantom-0001/axial_l4l5_t2.mha");
    Path raw = tmp.resolve("raw/phantom-0001/axial_l4l5_t2.mha");
    assertThat(Files.size(raw)).isGreaterThan(Files.size(z));
    VolumeReader reader = VolumeReader.withDefaults();
    assertThat(reader.read(raw).copyVoxels()).isEqualTo(reader.read(z).copyVoxels());
    assertThat(Files.readAllLines(tmp.resolve("raw/truth.csv")))
        .isEqualTo(Files.readAllLines(tmp.resolve("z/truth.csv")));
  }

  /**
   * Guards the generator's output for a fixed seed (voxels and truth), so that a change to the
   * phantoms, or a platform that computes them differently, is noticed. Update the digest
   * deliberately, with a note, when the generator is changed on purpose.
   */
  @Test
  void fixedSeedGivesTheRecordedStudy() throws Exception {
    PhantomGenerator.Study study = PhantomGenerator.withDefaults().generate("golden", 20261128L);
    java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
    List<Volume> volumes = new java.util.ArrayList<>(List.of(study.sagittal(),
        study.sagittalLabels()));
    for (PhantomGenerator.AxialSlice a : study.axial()) {
      volumes.add(a.image());
      volumes.add(a.labels());
    }
    java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(4);
    for (Volume v : volumes) {
      for (float f : v.copyVoxels()) {
        md.update(bb.putFloat(0, f).array());
      }
    }
    md.update(study.truth().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(java.util.HexFormat.of().formatHex(md.digest())).isEqualTo(GOLDEN);
  }

  private static final String GOLDEN =
      "859c713315ddffc9c642cdf686e55242d52d12126f842e04a14014a71384a83c";

  @Test
  void differentSeedsGiveDifferentStudies() throws IOException {
    PhantomJob.withDefaults().withCount(1).withSeed(1).run(tmp.resolve("s1"), false, null);
    PhantomJob.withDefaults().withCount(1).withSeed(2).run(tmp.resolve("s2"), false, null);
    assertThat(Files.readAllBytes(tmp.resolve("s1/phantom-0001/sagittal_t2.mha")))
        .isNotEqualTo(Files.readAllBytes(tmp.resolve("s2/phantom-0001/sagittal_t2.mha")));
  }

  @Test
  void writtenStudiesReadBackInTheRightPlanesWithTheirLabels() throws IOException {
    int[] calls = new int[1];
    PhantomJob.Result r = PhantomJob.withDefaults().withCount(2).withSeed(5)
        .run(tmp.resolve("out"), false, (done, total) -> calls[0]++);
    assertThat(calls[0]).isEqualTo(2);
    List<String> lines = Files.readAllLines(r.truthCsv());
    assertThat(lines.get(0)).isEqualTo("id,pfirrmann_l1l2,pfirrmann_l2l3,pfirrmann_l3l4,"
        + "pfirrmann_l4l5,pfirrmann_l5s1,facet_angle_l3l4_left,facet_angle_l3l4_right,"
        + "facet_angle_l4l5_left,facet_angle_l4l5_right,facet_angle_l5s1_left,"
        + "facet_angle_l5s1_right");
    assertThat(lines).hasSize(3);
    Path study = tmp.resolve("out/phantom-0002");
    assertThat(lines.get(2)).startsWith("phantom-0002,");
    VolumeReader reader = VolumeReader.withDefaults();
    Volume sag = reader.read(StudyLayout.find(study, StudyLayout.SAGITTAL).orElseThrow());
    sag.requirePlane(Plane.SAGITTAL, 5);
    Volume sagLabels = reader.read(study.resolve("sagittal_t2_labels.mha"));
    for (int d = 0; d < 5; d++) {
      assertThat(count(sagLabels, PhantomLabels.DISC_L1L2 + d)).as("disc %d", d).isPositive();
      assertThat(count(sagLabels, PhantomLabels.VERTEBRA_L1 + d)).isPositive();
    }
    for (String level : CohortSchema.FACET_LEVELS) {
      Volume ax = reader.read(StudyLayout.find(study, StudyLayout.axial(level)).orElseThrow());
      ax.requirePlane(Plane.AXIAL, 5);
      Volume labels = reader.read(study.resolve(StudyLayout.axial(level) + "_labels.mha"));
      assertThat(count(labels, PhantomLabels.FACET_LEFT)).isGreaterThan(20);
      assertThat(count(labels, PhantomLabels.FACET_RIGHT)).isGreaterThan(20);
    }
  }

  @Test
  void existingOutputIsNotOverwrittenWithoutForce() throws IOException {
    Path out = Files.createDirectory(tmp.resolve("exists"));
    assertThatThrownBy(() -> PhantomJob.withDefaults().withCount(1).run(out, false, null))
        .isInstanceOf(BadInputException.class).hasMessageContaining("--force");
    // a folder backstrat did not write is not replaced even with force; a previous output is
    assertThatThrownBy(() -> PhantomJob.withDefaults().withCount(1).run(out, true, null))
        .isInstanceOf(BadInputException.class).hasMessageContaining("did not write");
    Path previous = tmp.resolve("previous");
    PhantomJob.withDefaults().withCount(1).run(previous, false, null);
    PhantomJob.withDefaults().withCount(1).run(previous, true, null);
    assertThat(previous.resolve("truth.csv")).exists();
  }

  @Test
  void absurdCountIsBadInput() {
    assertThatThrownBy(() -> PhantomJob.withDefaults().withCount(0))
        .isInstanceOf(BadInputException.class).hasMessageContaining("--n");
  }

  @Test
  void discSignalAndHeightFallWithPfirrmannGrade() {
    PhantomGenerator g = PhantomGenerator.withDefaults();
    double[] brightSum = new double[6];
    double[] heightSum = new double[6];
    int[] n = new int[6];
    for (int grade = 1; grade <= 5; grade++) {
      for (int s = 0; s < 2; s++) {
        PhantomTruth t = new PhantomTruth("g" + grade, List.of(grade, grade, grade, grade, grade),
            List.of(40.0, 45.0, 50.0), List.of(40.0, 45.0, 50.0));
        PhantomGenerator.Study study = g.render(t, 77 + s);
        Volume img = study.sagittal();
        Volume lab = study.sagittalLabels();
        int label = PhantomLabels.DISC_L1L2 + 2;
        // mean of the brightest quarter of the disc: the nucleus when there is one
        float[] values = values(img, lab, label);
        java.util.Arrays.sort(values);
        double top = 0;
        for (int q = values.length * 3 / 4; q < values.length; q++) {
          top += values[q];
        }
        brightSum[grade] += top / (values.length - values.length * 3 / 4);
        heightSum[grade] += values.length * img.geometry().spacingMm(0)
            * img.geometry().spacingMm(1);
        n[grade]++;
      }
    }
    for (int grade = 1; grade < 5; grade++) {
      assertThat(brightSum[grade] / n[grade]).as("nucleus signal grade %d vs %d", grade,
          grade + 1).isGreaterThan(brightSum[grade + 1] / n[grade + 1]);
    }
    assertThat(heightSum[5] / n[5]).as("grade 5 disc area").isLessThan(0.5 * heightSum[1] / n[1]);
    assertThat(heightSum[4] / n[4]).isLessThan(heightSum[2] / n[2]);
  }

  @Test
  void gradesWorsenCaudallyAndTropismIsAMinority() {
    int people = 2000;
    double[] mean = new double[5];
    int tropism7 = 0;
    for (int p = 0; p < people; p++) {
      PhantomTruth t = PhantomGenerator.sampleTruth("x", new Draws(p));
      for (int d = 0; d < 5; d++) {
        mean[d] += t.pfirrmann().get(d) / (double) people;
        assertThat(t.pfirrmann().get(d)).isBetween(1, 5);
      }
      double max = 0;
      for (int l = 0; l < 3; l++) {
        max = Math.max(max, t.tropismDegrees(l));
        assertThat(t.facetLeftDegrees().get(l)).isBetween(0.0, 90.0);
      }
      if (max >= 7) {
        tropism7++;
      }
    }
    assertThat(mean[4]).isGreaterThan(mean[0] + 0.5);
    assertThat(mean[3]).isGreaterThan(mean[1]);
    assertThat(tropism7 / (double) people).isBetween(0.1, 0.5);
  }

  private static int count(Volume labels, int label) {
    FloatBuffer v = labels.voxels();
    int c = 0;
    for (int s = 0; s < v.remaining(); s++) {
      if (v.get(s) == label) {
        c++;
      }
    }
    return c;
  }

  private static float[] values(Volume image, Volume labels, int label) {
    FloatBuffer l = labels.voxels();
    FloatBuffer v = image.voxels();
    float[] out = new float[count(labels, label)];
    int k = 0;
    for (int s = 0; s < l.remaining(); s++) {
      if (l.get(s) == label) {
        out[k++] = v.get(s);
      }
    }
    return out;
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
