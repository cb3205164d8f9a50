package org.backstrat.imaging.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.backstrat.imaging.io.PixelGeometry;
import org.backstrat.imaging.io.VolumeReader;
import org.backstrat.imaging.model.DiscLocaliser;
import org.backstrat.imaging.model.PfirrmannGrader;
import org.backstrat.imaging.volume.Volume;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled real-data models on real slices of ../shared/data/sudirman_lumbar_t2 (skipped,
 * with a message, where that folder is absent): Java locates and grades them as the training
 * script did (imaging/training/train_real.py writes its in-sample predictions as the fixture
 * real/real_train_predictions.csv), a sagittal-only manifest of them is graded, a mirrored or
 * transposed picture with its orientation declared gets the same grades, and a corrupted PNG
 * fails its own study only.
 */
class RealSliceTest {
  private static final List<String> GRADED = List.of("l3l4", "l4l5", "l5s1");
  private static final List<String> LUMBAR = List.of("l1l2", "l2l3", "l3l4", "l4l5", "l5s1");
  private static final PixelGeometry PI = new PixelGeometry(0.8, 0.8, "PI");
  private static Path folder;
  private static List<String> images;
  private static Map<String, CSVRecord> predicted;

  @TempDir
  Path tmp;

  @BeforeAll
  static void realData() throws IOException {
    folder = org.backstrat.testkit.Prerequisites.sharedData().resolve("sudirman_lumbar_t2");
    org.backstrat.testkit.Prerequisites.require(Files.isDirectory(folder.resolve("images")),
        org.backstrat.testkit.Prerequisites.REQUIRE_DATA,
        "the real slices ../shared/data/sudirman_lumbar_t2");
    // the real-data models are committed: their absence is a packaging error, not a skip
    org.junit.jupiter.api.Assertions.assertTrue(
        DiscLocaliser.realPresent() && PfirrmannGrader.realPresent(),
        "the real-data models are not on the classpath");
    predicted = new HashMap<>();
    try (Reader r = new InputStreamReader(RealSliceTest.class.getResourceAsStream(
        "/org/backstrat/imaging/real/real_train_predictions.csv"), StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().get().parse(r)) {
        predicted.put(rec.get("image") + "/" + rec.get("level"), rec);
      }
    }
    try (var s = Files.list(folder.resolve("images"))) {
      // every 50th slice: 9 slices spread over the folder
      List<String> all = s.map(p -> p.getFileName().toString()).sorted().toList();
      images = new ArrayList<>();
      for (int k = 0; k < all.size(); k += 50) {
        images.add(all.get(k));
      }
    }
  }

  private static Volume read(Path png, PixelGeometry geometry) {
    return VolumeReader.withDefaults().withPixelGeometry(geometry).read(png);
  }

  private static List<CSVRecord> rows(Path csv) throws IOException {
    try (Reader r = Files.newBufferedReader(csv)) {
      return CSVFormat.DEFAULT.builder().setHeader().get().parse(r).getRecords();
    }
  }

  @Test
  void realSlicesAreLocatedAndGradedInJavaAsTheTrainingScriptDid() {
    try (DiscLocaliser localiser = DiscLocaliser.real(1);
         PfirrmannGrader grader = PfirrmannGrader.real(1)) {
      for (String image : images) {
        Volume v = read(folder.resolve("images").resolve(image), PI);
        DiscLocaliser.Located located = localiser.locate(v);
        PfirrmannGrader.Grades grades = grader.grade(v, located);
        for (int d = 0; d < LUMBAR.size(); d++) {
          CSVRecord p = predicted.get(image + "/" + LUMBAR.get(d));
          DiscLocaliser.Disc disc = located.discs().get(d);
          String what = image + " " + LUMBAR.get(d);
          assertThat(disc.found()).as(what).isEqualTo(p.get("found").equals("1"));
          assertThat(disc.xMm()).as(what).isCloseTo(Double.parseDouble(p.get("x_mm")),
              within(0.05));
          assertThat(disc.yMm()).as(what).isCloseTo(Double.parseDouble(p.get("y_mm")),
              within(0.05));
          assertThat(grades.grades()[d]).as(what).isEqualTo(Integer.parseInt(
              p.get("pfirrmann")));
        }
      }
    }
  }

  @Test
  void everySliceOfTheFolderIsLocatedInJavaAsTheTrainingScriptDid() throws IOException {
    // the cross-validation measured the Python decoding (train_real.locate): Java's, with the
    // lumbosacral classifier, must name the same discs at the same places on every slice
    List<String> all;
    try (var s = Files.list(folder.resolve("images"))) {
      all = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(all).hasSize(414);
    try (DiscLocaliser localiser = DiscLocaliser.real(1)) {
      for (String image : all) {
        DiscLocaliser.Located located = localiser.locate(read(folder.resolve("images")
            .resolve(image), PI));
        for (int d = 0; d < LUMBAR.size(); d++) {
          CSVRecord p = predicted.get(image + "/" + LUMBAR.get(d));
          DiscLocaliser.Disc disc = located.discs().get(d);
          String what = image + " " + LUMBAR.get(d);
          assertThat(disc.found()).as(what).isEqualTo(p.get("found").equals("1"));
          if (disc.found()) {
            assertThat(disc.xMm()).as(what).isCloseTo(Double.parseDouble(p.get("x_mm")),
                within(0.05));
            assertThat(disc.yMm()).as(what).isCloseTo(Double.parseDouble(p.get("y_mm")),
                within(0.05));
          }
        }
      }
    }
  }

  @Test
  void slicesTheHeatmapsAloneNameOneDiscOffAreCountedRightFromTheLumbosacralDisc()
      throws IOException {
    // on these three slices the levels laid on the candidates by the heatmaps alone (the
    // localiser without its lumbosacral classifier) put L3/4..L5/S1 on their neighbours' discs
    // (train_real.py final; with the models retrained on 2026-12-06 the chain misses L3/4 on
    // 0259, L3/4 and L4/5 on 0383, all three on 0552; these are the only such slices)
    Map<String, List<double[]>> boxes = discBoxesBottomUp(List.of(
        "0259_T2_TSE_SAG_384_0002_0255_008_R.png", "0383_T2_TSE_SAG_384_0002_0379_008_R.png",
        "0552_T2_TSE_SAG_384_0002_0550_008_R.png"));
    try (DiscLocaliser localiser = DiscLocaliser.real(1)) {
      for (Map.Entry<String, List<double[]>> e : boxes.entrySet()) {
        DiscLocaliser.Located located = localiser.locate(read(folder.resolve("images")
            .resolve(e.getKey()), PI));
        for (String level : GRADED) {
          // boxes bottom-up: L5/S1, L4/5, L3/4 (the source's convention)
          double[] box = e.getValue().get(2 - GRADED.indexOf(level));
          DiscLocaliser.Disc disc = located.discs().get(LUMBAR.indexOf(level));
          String what = e.getKey() + " " + level;
          assertThat(disc.found()).as(what).isTrue();
          assertThat(Math.abs(disc.xMm() / 0.8 - box[0])).as(what + " column")
              .isLessThanOrEqualTo(box[2] / 2);
          assertThat(Math.abs(disc.yMm() / 0.8 - box[1])).as(what + " row")
              .isLessThanOrEqualTo(box[3] / 2);
        }
      }
    }
  }

  /**
   * The disc boxes of {@code images} (pixel index centre x, y, width, height), bottom-up, a box
   * within 8 px of a lower one kept dropped: on slices whose boxes are regular (one box per
   * disc, none inside another, no disc left unboxed), such as the three used here, this is
   * what imaging/training/real_data.disc_boxes reads (its test: test_real_data.py).
   */
  private static Map<String, List<double[]>> discBoxesBottomUp(List<String> images)
      throws IOException {
    Map<String, List<double[]>> raw = new java.util.TreeMap<>();
    List<String> findings = List.of("normal_disc", "degenerative_disc", "lumbar_disc_bulge",
        "thoracic_disc_bulge");
    try (Reader r = Files.newBufferedReader(folder.resolve("boxes.csv"))) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().get().parse(r)) {
        if (images.contains(rec.get("image")) && findings.contains(rec.get("finding"))) {
          raw.computeIfAbsent(rec.get("image"), k -> new ArrayList<>()).add(new double[] {
              Double.parseDouble(rec.get("center_x_px")) - 0.5,
              Double.parseDouble(rec.get("center_y_px")) - 0.5,
              Double.parseDouble(rec.get("width_px")),
              Double.parseDouble(rec.get("height_px"))});
        }
      }
    }
    Map<String, List<double[]>> out = new java.util.TreeMap<>();
    for (Map.Entry<String, List<double[]>> e : raw.entrySet()) {
      List<double[]> sorted = new ArrayList<>(e.getValue());
      sorted.sort((a, b) -> Double.compare(b[1], a[1]));
      List<double[]> kept = new ArrayList<>();
      for (double[] b : sorted) {
        if (kept.stream().allMatch(k -> Math.abs(b[1] - k[1]) > 8)) {
          kept.add(b);
        }
      }
      out.put(e.getKey(), kept);
    }
    assertThat(out).hasSize(images.size());
    return out;
  }

  @Test
  void sagittalOnlyManifestOfRealSlicesIsGradedWithFacetColumnsEmpty() throws IOException {
    StringBuilder m = new StringBuilder("id,sagittal,sagittal_spacing_mm,sagittal_orientation\n");
    for (int k = 0; k < images.size(); k++) {
      m.append("s").append(k).append(',').append(folder.resolve("images").resolve(
          images.get(k))).append(",0.8,PI\n");
    }
    Path manifest = Files.writeString(tmp.resolve("m.csv"), m);
    Path out = tmp.resolve("b.csv");
    ImagingJob.Result r = ImagingJob.withDefaults().run(manifest, out, false, null);
    assertThat(r.failed()).isZero();
    List<CSVRecord> rows = rows(out);
    for (int k = 0; k < images.size(); k++) {
      CSVRecord row = rows.get(k);
      for (String level : GRADED) {
        CSVRecord p = predicted.get(images.get(k) + "/" + level);
        String expected = p.get("pfirrmann").equals("0") ? "" : p.get("pfirrmann");
        assertThat(row.get("pfirrmann_" + level)).as(images.get(k) + " " + level)
            .isEqualTo(expected);
        assertThat(row.get("facet_angle_" + level + "_left")).isEmpty();
      }
      assertThat(row.get(ImagingJob.MESSAGES_COLUMN)).contains("no axial series was given");
    }
  }

  @Test
  void mirroredOrTransposedSliceWithItsOrientationDeclaredGetsTheSameGrades()
      throws IOException {
    Path original = folder.resolve("images").resolve(images.get(1));
    BufferedImage img = ImageIO.read(original.toFile());
    int w = img.getWidth();
    int h = img.getHeight();
    BufferedImage mirrored = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    BufferedImage transposed = new BufferedImage(h, w, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int v = img.getRaster().getSample(x, y, 0);
        mirrored.getRaster().setSample(w - 1 - x, y, 0, v);
        transposed.getRaster().setSample(y, x, 0, v);
      }
    }
    Path m = tmp.resolve("mirrored.png");
    Path t = tmp.resolve("transposed.png");
    ImageIO.write(mirrored, "png", m.toFile());
    ImageIO.write(transposed, "png", t.toFile());
    try (DiscLocaliser localiser = DiscLocaliser.real(1);
         PfirrmannGrader grader = PfirrmannGrader.real(1)) {
      Volume v = read(original, PI);
      PfirrmannGrader.Grades expected = grader.grade(v, localiser.locate(v));
      for (Volume turned : List.of(read(m, new PixelGeometry(0.8, 0.8, "AI")),
          read(t, new PixelGeometry(0.8, 0.8, "IP")))) {
        DiscLocaliser.Located located = localiser.locate(turned);
        PfirrmannGrader.Grades g = grader.grade(turned, located);
        assertThat(g.grades()).as(turned.source()).containsExactly(expected.grades());
        for (int d = 0; d < LUMBAR.size(); d++) {
          if (expected.grades()[d] > 0) {
            assertThat(g.confidence()[d]).isCloseTo(expected.confidence()[d], within(1e-3));
          }
        }
      }
      // declared wrongly (mirrored but called PI) the localiser sees the spine backwards
      Volume wrong = read(m, PI);
      assertThat(localiser.locate(wrong).confidence()).as("mirrored, declared PI")
          .isNotEqualTo(localiser.locate(v).confidence());
    }
  }

  @Test
  void corruptedRealPngFailsItsOwnStudyOnly() throws IOException {
    Path good = folder.resolve("images").resolve(images.get(2));
    byte[] bytes = Files.readAllBytes(good);
    Path broken = tmp.resolve("broken.png");
    Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Path garbled = tmp.resolve("garbled.png");
    byte[] g = bytes.clone();
    for (int i = 100; i < g.length - 100; i += 7) {
      g[i] ^= 0x5a;
    }
    Files.write(garbled, g);
    Path manifest = Files.writeString(tmp.resolve("m.csv"),
        "id,sagittal,sagittal_spacing_mm\nbroken," + broken + ",0.8\ngarbled," + garbled
            + ",0.8\ngood," + good + ",0.8\n");
    Path out = tmp.resolve("b.csv");
    ImagingJob.Result r = ImagingJob.withDefaults().run(manifest, out, false, null);
    assertThat(r.failed()).isEqualTo(2);
    List<CSVRecord> rows = rows(out);
    assertThat(rows.get(0).get(ImagingJob.STATUS_COLUMN)).isEqualTo("failed");
    assertThat(rows.get(0).get(ImagingJob.MESSAGES_COLUMN)).contains("broken.png");
    assertThat(rows.get(1).get(ImagingJob.STATUS_COLUMN)).isEqualTo("failed");
    assertThat(rows.get(1).get(ImagingJob.MESSAGES_COLUMN)).contains("garbled.png");
    assertThat(rows.get(2).get("pfirrmann_l4l5")).isNotEmpty();
  }
}
