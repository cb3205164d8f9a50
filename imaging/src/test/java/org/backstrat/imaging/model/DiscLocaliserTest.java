package org.backstrat.imaging.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.backstrat.core.BadInputException;
import org.backstrat.imaging.facet.FacetAngles;
import org.backstrat.imaging.phantom.PhantomGenerator;
import org.backstrat.imaging.phantom.PhantomLabels;
import org.backstrat.imaging.volume.Plane;
import org.backstrat.imaging.volume.Volume;
import org.junit.jupiter.api.Test;

/** Peak refinement, disc axes, card checks, and the bundled localiser on unseen phantoms. */
class DiscLocaliserTest {

  @Test
  void logParabolaFindsTheOffsetOfAGaussianPeakExactly() {
    double sigma = 1.0;
    for (double offset : new double[] {-0.4, -0.1, 0, 0.25, 0.45}) {
      double[] v = new double[3];
      for (int k = 0; k < 3; k++) {
        double d = (k - 1) - offset;
        v[k] = 0.9 * Math.exp(-d * d / (2 * sigma * sigma));
      }
      assertThat(DiscLocaliser.logParabola(v[0], v[1], v[2])).isCloseTo(offset,
          within(1e-9));
    }
    assertThat(DiscLocaliser.logParabola(0.5, 0.5, 0.5)).as("flat: no offset").isZero();
  }

  /**
   * Six 48 x 48 heatmaps with a Gaussian blob (sigma 1.25 px) per (channel, row, value[,
   * column]; column 24 when left out).
   */
  private static float[] heatmaps(double[][] blobs) {
    int size = 48;
    float[] heat = new float[6 * size * size];
    for (double[] b : blobs) {
      int c = (int) b[0];
      for (int j = 0; j < size; j++) {
        for (int i = 0; i < size; i++) {
          double column = b.length > 3 ? b[3] : 24;
          double d2 = (i - column) * (i - column) + (j - b[1]) * (j - b[1]);
          int p = c * size * size + j * size + i;
          heat[p] = (float) Math.max(heat[p], b[2] * Math.exp(-d2 / (2 * 1.25 * 1.25)));
        }
      }
    }
    return heat;
  }

  @Test
  void aLevelWhoseHeatmapPeaksOnTheDiscAboveIsNamedByItsPlaceAlongTheSpine() {
    // discs at rows 6, 12, .., 36 (T12/L1 .. L5/S1, channels 0..5); the L3/4 heatmap (channel
    // 3) peaks on the L2/3 disc (0.8 at row 18) and is weaker on its own disc (0.5 at row 24):
    // its own argmax would name the L2/3 disc L3/4
    double[][] blobs = {{0, 6, 0.8}, {1, 12, 0.8}, {2, 18, 0.85}, {3, 18, 0.8}, {3, 24, 0.5},
        {4, 30, 0.8}, {5, 36, 0.9}};
    double[][] chain = DiscLocaliser.chainPeaks(heatmaps(blobs), new int[] {0, 1, 2, 3, 4, 5},
        48, 0.3, 3);
    double[] rows = {6, 12, 18, 24, 30, 36};
    for (int c = 0; c < 6; c++) {
      assertThat(chain[c]).as("channel " + c).isNotNull();
      assertThat(chain[c][1]).as("row of channel " + c).isCloseTo(rows[c], within(1e-3));
      assertThat(chain[c][0]).isCloseTo(24, within(1e-3));
    }
    assertThat(chain[3][2]).as("L3/4's own value at its disc").isCloseTo(0.5, within(1e-6));
  }

  @Test
  void aStrongMaximumOffTheSpinesCourseIsSkipped() {
    // the L3/4 heatmap's strongest peak (0.95) lies 20 px anterior of the spine (column 4, row
    // 21: its own argmax would put L3/4 there); a maximum under the threshold (row 44) is no
    // candidate, and two maxima 2 px apart (rows 28 and 30) are one disc
    double[][] blobs = {{0, 6, 0.8}, {1, 12, 0.8}, {2, 18, 0.8}, {3, 21, 0.95, 4},
        {3, 24, 0.6}, {4, 30, 0.8}, {4, 28, 0.6}, {5, 36, 0.9}, {5, 44, 0.2}};
    double[][] chain = DiscLocaliser.chainPeaks(heatmaps(blobs), new int[] {0, 1, 2, 3, 4, 5},
        48, 0.3, 3);
    double[] rows = {6, 12, 18, 24, 30, 36};
    for (int c = 0; c < 6; c++) {
      assertThat(chain[c]).as("channel " + c).isNotNull();
      assertThat(chain[c][1]).as("row of channel " + c).isCloseTo(rows[c], within(0.5));
      assertThat(chain[c][0]).as("column of channel " + c).isCloseTo(24, within(0.5));
    }
  }

  @Test
  void levelsAreCountedUpFromTheLumbosacralDiscNotTakenFromTheHeatmapsOwnChannels() {
    // seven disc-like maxima at rows 2, 8, .., 38 (column 24); the heatmaps name them one disc
    // too low: the L5/S1 channel (5) peaks on the lowest (row 38, a segment below the
    // lumbosacral disc) and T12/L1 (0) on the second, so the chain leaves the top one unnamed
    double[][] blobs = {{0, 2, 0.5}, {0, 8, 0.9}, {1, 14, 0.9}, {2, 20, 0.9}, {3, 26, 0.9},
        {4, 32, 0.9}, {5, 32, 0.6}, {5, 38, 0.9}};
    float[] heat = heatmaps(blobs);
    int[] all = {0, 1, 2, 3, 4, 5};
    double[][] chain = DiscLocaliser.chainPeaks(heat, all, 48, 0.3, 3);
    assertThat(chain[5][1]).as("the chain's L5/S1: the lowest maximum").isCloseTo(38,
        within(1e-3));
    float[] max = DiscLocaliser.channelMax(heat, all, 48);
    List<int[]> candidates = DiscLocaliser.candidates(max, 48, 0.3, 3);
    assertThat(candidates).hasSize(7);
    // the lumbosacral classifier is sure the row-32 disc is L5/S1 and the lowest is not
    double[] p = {0.001, 0.001, 0.001, 0.001, 0.001, 0.99, 0.05};
    int anchor = DiscLocaliser.lumbosacralAnchor(heat, 5 * 48 * 48, 48, candidates, p);
    assertThat(anchor).as("log-odds: logit(0.99) + logit(0.6) > logit(0.05) + logit(0.9)")
        .isEqualTo(5);
    double[][] counted = DiscLocaliser.anchoredPeaks(max, 48, candidates, 6, anchor);
    double[] rows = {2, 8, 14, 20, 26, 32};
    for (int c = 0; c < 6; c++) {
      assertThat(counted[c][1]).as("row of level " + c).isCloseTo(rows[c], within(1e-3));
      assertThat(counted[c][2]).as("confidence: the maximum map there")
          .isCloseTo(max[(int) rows[c] * 48 + 24], within(1e-6));
    }
    // with a weak classifier verdict the localiser's own L5/S1 view decides
    double[] unsure = {0.001, 0.001, 0.001, 0.001, 0.001, 0.5, 0.5};
    assertThat(DiscLocaliser.lumbosacralAnchor(heat, 5 * 48 * 48, 48, candidates, unsure))
        .isEqualTo(6);
  }

  @Test
  void countingUpTheSpinePassesOverAMaximumOffItsCourseAndStopsAtTheTop() {
    // candidates {column, row}, cranial to caudal: a maximum 19 px anterior of the spine at
    // row 27 lies further sideways than above the disc at row 30, so it is passed over
    List<int[]> candidates = List.of(new int[] {24, 6}, new int[] {25, 12},
        new int[] {24, 18}, new int[] {24, 24}, new int[] {4, 27}, new int[] {23, 30},
        new int[] {26, 36});
    assertThat(DiscLocaliser.walkUp(candidates, 6, 6)).containsExactly(6, 5, 3, 2, 1, 0);
    assertThat(DiscLocaliser.walkUp(candidates, 2, 6)).as("runs out at the top")
        .containsExactly(2, 1, 0);
    double[][] none = DiscLocaliser.anchoredPeaks(new float[48 * 48], 48, List.of(), 6, -1);
    assertThat(java.util.Arrays.asList(none)).as("no candidate: no level").containsOnlyNulls();
  }

  @Test
  void discAxesArePerpendicularToTheSpinesCourse() {
    // centres on x = 3 + 0.2 (y - 100) + 0.004 (y - 100)^2: the course's slope at y is
    // 0.2 + 0.008 (y - 100), the disc axis (1, -slope)
    double[] y = {40, 75, 110, 145, 180};
    double[] x = new double[5];
    for (int d = 0; d < 5; d++) {
      double t = y[d] - 100;
      x[d] = 3 + 0.2 * t + 0.004 * t * t;
    }
    boolean[] all = {true, true, true, true, true};
    double[] axes = DiscLocaliser.axes(x, y, all);
    for (int d = 0; d < 5; d++) {
      double slope = 0.2 + 0.008 * (y[d] - 100);
      assertThat(axes[d]).isCloseTo(Math.toDegrees(Math.atan(-slope)), within(1e-6));
    }
    boolean[] two = {false, true, false, true, false};
    double[] line = DiscLocaliser.axes(x, y, two);
    double chord = (x[3] - x[1]) / (y[3] - y[1]);
    assertThat(line[1]).isCloseTo(Math.toDegrees(Math.atan(-chord)), within(1e-6));
    assertThat(line[0]).as("not found: no axis").isNaN();
    boolean[] one = {false, false, true, false, false};
    assertThat(DiscLocaliser.axes(x, y, one)[2]).as("one disc: horizontal").isZero();
  }

  @Test
  void aCardThatIsNotADiscLocaliserIsRefusedBeforeLoading() {
    ModelCard segmenter = card("facet_segmentation", Plane.SAGITTAL, "heatmaps",
        List.of("l1l2", "l2l3", "l3l4", "l4l5", "l5s1"));
    assertThatThrownBy(() -> DiscLocaliser.load(segmenter, 1))
        .isInstanceOf(BadInputException.class).hasMessageContaining("disc_localiser");
    ModelCard missingLevel = card("disc_localiser", Plane.SAGITTAL, "heatmaps",
        List.of("l1l2", "l2l3", "l3l4", "l4l5"));
    assertThatThrownBy(() -> DiscLocaliser.load(missingLevel, 1))
        .isInstanceOf(BadInputException.class).hasMessageContaining("l5s1");
    ModelCard localiser = card("disc_localiser", Plane.SAGITTAL, "heatmaps",
        List.of("t12l1", "l1l2", "l2l3", "l3l4", "l4l5", "l5s1"));
    ModelCard notLumbosacral = card("pfirrmann_grade", Plane.SAGITTAL, "class_probabilities",
        List.of("other", "l5s1"));
    assertThatThrownBy(() -> DiscLocaliser.load(localiser, notLumbosacral, 1))
        .isInstanceOf(BadInputException.class).hasMessageContaining("lumbosacral_disc");
    ModelCard noL5s1 = card("lumbosacral_disc", Plane.SAGITTAL, "class_probabilities",
        List.of("other", "lumbosacral"));
    assertThatThrownBy(() -> DiscLocaliser.load(localiser, noL5s1, 1))
        .isInstanceOf(BadInputException.class).hasMessageContaining("l5s1");
  }

  static ModelCard card(String task, Plane plane, String kind, List<String> labels) {
    return new ModelCard("x", "1", task, Path.of("/nonexistent/x.onnx"), "0".repeat(64),
        "image", List.of(-1L, 1L, 64L, 64L), plane, List.of(4.0, 4.0),
        Normalisation.percentile(1, 99), "out", kind, labels, "test",
        Path.of("/nonexistent/x.card.json"));
  }

  @Test
  void bundledLocaliserFindsEveryDiscOfUnseenPhantomsNearItsLabelCentroid() {
    assertTrue(DiscLocaliser.phantomPresent(), "no bundled disc localiser");
    PhantomGenerator generator = PhantomGenerator.withDefaults();
    double worst = 0;
    try (DiscLocaliser localiser = DiscLocaliser.phantom(1)) {
      assertThat(localiser.card().intendedUse()).contains("not for clinical use");
      for (int s = 0; s < 8; s++) {
        PhantomGenerator.Study study = generator.generate("loc" + s, 7_100_000L + s);
        DiscLocaliser.Located located = localiser.locate(study.sagittal());
        assertThat(located.lumbar()).isTrue();
        for (int d = 0; d < 5; d++) {
          DiscLocaliser.Disc disc = located.discs().get(d);
          FacetAngles.Joint truth = FacetAngles.joint(study.sagittalLabels(),
              PhantomLabels.DISC_L1L2 + d);
          assertThat(disc.found()).as("study %d disc %d", s, d).isTrue();
          assertThat(disc.confidence()).isGreaterThan(0.3);
          worst = Math.max(worst, Math.hypot(disc.xMm() - truth.centroidMm()[0],
              disc.yMm() - truth.centroidMm()[1]));
          double[] lps = study.sagittal().geometry().physicalPointMm(
              disc.xMm() / study.sagittal().geometry().spacingMm(0),
              disc.yMm() / study.sagittal().geometry().spacingMm(1), 0);
          assertThat(disc.positionLpsMm()).containsExactly(lps, within(1e-9));
          double trueAxis = Math.toDegrees(Math.atan(truth.axis()[1] / truth.axis()[0]));
          assertThat(disc.axisDegrees()).as("axis").isCloseTo(trueAxis, within(6.0));
        }
      }
    }
    assertThat(worst).as("largest distance from the label centroid, mm").isLessThan(5.0);
  }

  @Test
  void anImageWithoutASpineDoesNotLookLumbar() {
    assertTrue(DiscLocaliser.phantomPresent(), "no bundled disc localiser");
    Volume sagittal = PhantomGenerator.withDefaults().generate("blank", 5).sagittal();
    float[] flat = new float[(int) sagittal.geometry().voxelCount()];
    java.util.Arrays.fill(flat, 300f);
    Volume blank = Volume.adopt("blank", sagittal.geometry(), flat);
    try (DiscLocaliser localiser = DiscLocaliser.phantom(1)) {
      DiscLocaliser.Located located = localiser.locate(blank);
      assertThat(located.lumbar()).isFalse();
      assertThat(located.warnings()).isNotEmpty();
    }
  }

  @Test
  void discsUnderTheConfidenceThresholdAreNotFoundAndNotGraded() {
    assertTrue(DiscLocaliser.phantomPresent() && PfirrmannGrader.phantomPresent(),
        "no bundled models");
    PhantomGenerator.Study study = PhantomGenerator.withDefaults().generate("thr", 7);
    try (DiscLocaliser localiser = DiscLocaliser.phantom(1);
         PfirrmannGrader grader = PfirrmannGrader.phantom(1)) {
      DiscLocaliser.Located all = localiser.locate(study.sagittal());
      double third = all.discs().get(2).confidence();
      // a threshold just above the L3/4 peak drops that level (and any weaker one)
      DiscLocaliser.Located strict = localiser.withMinConfidence(Math.min(1.0, third + 1e-6))
          .locate(study.sagittal());
      DiscLocaliser.Disc l3l4 = strict.discs().get(2);
      assertThat(l3l4.found()).isFalse();
      assertThat(l3l4.axisDegrees()).isNaN();
      assertThat(l3l4.confidence()).isEqualTo(third);
      assertThat(strict.warnings()).anyMatch(w -> w.startsWith("disc l3l4 not found"));
      PfirrmannGrader.Grades g = grader.grade(study.sagittal(), strict);
      assertThat(g.grades()[2]).isZero();
      assertThat(g.confidence()[2]).isNaN();
      for (int d = 0; d < 5; d++) {
        assertThat(g.grades()[d] > 0).as("graded exactly when found, level %d", d)
            .isEqualTo(strict.discs().get(d).found());
      }
    }
  }

  @Test
  void anAxialImageIsRefused() {
    assertTrue(DiscLocaliser.phantomPresent(), "no bundled disc localiser");
    Volume axial = PhantomGenerator.withDefaults().generate("ax", 6).axial().get(0).image();
    try (DiscLocaliser localiser = DiscLocaliser.phantom(1)) {
      assertThatThrownBy(() -> localiser.locate(axial)).isInstanceOf(BadInputException.class)
          .hasMessageContaining("sagittal");
    }
  }
}
