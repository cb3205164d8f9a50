package org.backstrat.imaging.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backstrat.core.BadInputException;
import org.backstrat.imaging.facet.FacetAngles;
import org.backstrat.imaging.phantom.PhantomGenerator;
import org.backstrat.imaging.phantom.PhantomLabels;
import org.backstrat.imaging.volume.Plane;
import org.backstrat.imaging.volume.Volume;
import org.junit.jupiter.api.Test;

/** Card checks, and the bundled segmenter's masks and angles on unseen phantoms. */
class FacetSegmenterTest {

  @Test
  void aCardWithOtherClassesIsRefusedBeforeLoading() {
    ModelCard wrong = DiscLocaliserTest.card("facet_segmentation", Plane.AXIAL, "segmentation",
        List.of("background", "left_joint", "right_joint", "disc"));
    assertThatThrownBy(() -> FacetSegmenter.load(wrong, 1))
        .isInstanceOf(BadInputException.class).hasMessageContaining("canal");
    ModelCard sagittal = DiscLocaliserTest.card("facet_segmentation", Plane.SAGITTAL,
        "segmentation", FacetSegmenter.LABELS);
    assertThatThrownBy(() -> FacetSegmenter.load(sagittal, 1))
        .isInstanceOf(BadInputException.class).hasMessageContaining("axial");
  }

  @Test
  void bundledSegmenterGivesLabelsOnTheImageGridWhoseAnglesMatchTheTruth() {
    assertTrue(FacetSegmenter.bundledPresent(), "no bundled facet segmenter");
    PhantomGenerator generator = PhantomGenerator.withDefaults();
    FacetAngles angles = FacetAngles.withDefaults();
    double sum = 0;
    int n = 0;
    try (FacetSegmenter segmenter = FacetSegmenter.bundled(1)) {
      assertThat(segmenter.card().intendedUse()).contains("not for clinical use");
      for (int s = 0; s < 4; s++) {
        PhantomGenerator.Study study = generator.generate("fs" + s, 8_200_000L + s);
        for (int l = 0; l < 3; l++) {
          PhantomGenerator.AxialSlice slice = study.axial().get(l);
          Volume labels = segmenter.segment(slice.image());
          assertThat(labels.geometry()).isEqualTo(slice.image().geometry());
          int[] agree = new int[5];
          int[] total = new int[5];
          float[] truth = slice.labels().copyVoxels();
          float[] mine = labels.copyVoxels();
          for (int p = 0; p < truth.length; p++) {
            int t = truth[p] > 4 ? 0 : (int) truth[p];
            total[t]++;
            agree[t] += mine[p] == t ? 1 : 0;
          }
          for (int c = 1; c <= 4; c++) {
            assertThat(agree[c] / (double) total[c]).as("recall of class %d", c)
                .isGreaterThan(0.6);
          }
          FacetAngles.Result r = angles.measure(labels, PhantomLabels.FACET_LEFT,
              PhantomLabels.FACET_RIGHT, PhantomLabels.AXIAL_DISC, PhantomLabels.AXIAL_CANAL);
          double left = study.truth().facetLeftDegrees().get(l);
          double right = study.truth().facetRightDegrees().get(l);
          assertThat(r.leftDegrees()).isCloseTo(left, within(4.0));
          assertThat(r.rightDegrees()).isCloseTo(right, within(4.0));
          sum += Math.abs(r.leftDegrees() - left) + Math.abs(r.rightDegrees() - right);
          n += 2;
        }
      }
    }
    assertThat(sum / n).as("mean absolute angle error, degrees").isLessThan(1.5);
  }

  @Test
  void aSagittalImageIsRefused() {
    assertTrue(FacetSegmenter.bundledPresent(), "no bundled facet segmenter");
    Volume sagittal = PhantomGenerator.withDefaults().generate("s", 6).sagittal();
    try (FacetSegmenter segmenter = FacetSegmenter.bundled(1)) {
      assertThatThrownBy(() -> segmenter.segment(sagittal))
          .isInstanceOf(BadInputException.class).hasMessageContaining("axial");
    }
  }
}
