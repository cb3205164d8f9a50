package org.backstrat.imaging.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.backstrat.core.BadInputException;
import org.backstrat.imaging.phantom.PhantomGenerator;
import org.backstrat.imaging.phantom.PhantomLabels;
import org.backstrat.imaging.volume.Volume;
import org.junit.jupiter.api.Test;

/** Grading mechanics, with the tiny random-weight test model (no accuracy claimed here). */
class PfirrmannGraderTest {
  private static final PhantomGenerator.Study STUDY =
      PhantomGenerator.withDefaults().generate("g", 4242);

  private static PfirrmannGrader tiny() {
    return PfirrmannGrader.load(ModelCard.read(ModelTest.reference().resolve(
        "fixtures/tiny_classifier.card.json")), 1);
  }

  @Test
  void everyDiscGetsAGradeWhoseConfidenceIsItsProbability() {
    try (PfirrmannGrader grader = tiny()) {
      PfirrmannGrader.Grades g = grader.grade(STUDY.sagittal(), STUDY.sagittalLabels(),
          PhantomLabels.DISC_L1L2);
      for (int d = 0; d < 5; d++) {
        assertThat(g.grades()[d]).isBetween(1, 5);
        double sum = 0;
        double max = 0;
        for (double p : g.probabilities()[d]) {
          sum += p;
          max = Math.max(max, p);
        }
        assertThat(sum).isCloseTo(1.0, within(1e-5));
        assertThat(g.confidence()[d]).isEqualTo(max);
        assertThat(g.probabilities()[d][g.grades()[d] - 1]).isEqualTo(max);
      }
    }
  }

  @Test
  void aDiscMissingFromTheLabelsIsNotGradedAndSaysSo() {
    float[] labels = STUDY.sagittalLabels().copyVoxels();
    for (int s = 0; s < labels.length; s++) {
      if (labels[s] == PhantomLabels.DISC_L1L2 + 3) {
        labels[s] = 0;
      }
    }
    Volume without = Volume.adopt("labels", STUDY.sagittalLabels().geometry(), labels);
    try (PfirrmannGrader grader = tiny()) {
      PfirrmannGrader.Grades g = grader.grade(STUDY.sagittal(), without,
          PhantomLabels.DISC_L1L2);
      assertThat(g.grades()[3]).isZero();
      assertThat(g.confidence()[3]).isNaN();
      assertThat(g.grades()[4]).isBetween(1, 5);
      assertThat(g.warnings()).anyMatch(w -> w.contains("l4l5"));
    }
  }

  @Test
  void anAxialImageIsRefused() {
    PhantomGenerator.AxialSlice axial = STUDY.axial().get(0);
    try (PfirrmannGrader grader = tiny()) {
      assertThatThrownBy(() -> grader.grade(axial.image(), axial.labels(),
          PhantomLabels.DISC_L1L2)).isInstanceOf(BadInputException.class)
          .hasMessageContaining("sagittal");
    }
  }

  @Test
  void labelsOnAnotherGridAreRefused() {
    try (PfirrmannGrader grader = tiny()) {
      assertThatThrownBy(() -> grader.grade(STUDY.sagittal(),
          PhantomGenerator.withDefaults().generate("h", 1).sagittalLabels(),
          PhantomLabels.DISC_L1L2)).isInstanceOf(BadInputException.class)
          .hasMessageContaining("same grid");
    }
  }

  @Test
  void cropsAreNormalisedBeforeInference() {
    // brightness scaling of the whole image must not change the grades (percentile norm.)
    float[] brighter = STUDY.sagittal().copyVoxels();
    for (int s = 0; s < brighter.length; s++) {
      brighter[s] *= 3;
    }
    Volume scaled = Volume.adopt("x3", STUDY.sagittal().geometry(), brighter);
    try (PfirrmannGrader grader = tiny()) {
      PfirrmannGrader.Grades a = grader.grade(STUDY.sagittal(), STUDY.sagittalLabels(), 11);
      PfirrmannGrader.Grades b = grader.grade(scaled, STUDY.sagittalLabels(), 11);
      for (int d = 0; d < 5; d++) {
        assertThat(b.confidence()[d]).isCloseTo(a.confidence()[d], within(1e-5));
      }
    }
  }
}
