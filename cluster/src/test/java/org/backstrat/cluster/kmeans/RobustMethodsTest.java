package org.backstrat.cluster.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.backstrat.cluster.Planted;
import org.backstrat.cluster.SharedData;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.select.TrimmingCurves;
import org.junit.jupiter.api.Test;

class RobustMethodsTest {
  private static final double[][] CENTERS = {{0, 0}, {10, 0}, {5, 9}};

  /** 3 x 200 points plus 60 (9%) outliers spread over a box around and beyond the clusters. */
  private static Planted contaminated() {
    return Planted.mixture(42, CENTERS, 200, 1.0, 60, -30, 40);
  }

  @Test
  void huberReweightingResistsOutliersAndDownWeightsThem() {
    Planted p = contaminated();
    ClusterFit huber = Clusterer.builder().method(ClusterMethod.HUBER).restarts(10).build()
        .fitScaled(p.data(), 3);
    ClusterFit plain = Clusterer.builder().method(ClusterMethod.KMEANS)
        .restarts(10).build().fitScaled(p.data(), 3);
    assertThat(p.worstCenterError(huber.centers())).isLessThan(0.5);
    assertThat(p.worstCenterError(plain.centers())).isGreaterThan(3.0);
    double[] w = huber.weights();
    double outlierMean = 0;
    double inlierMin = 1;
    for (int i = 0; i < w.length; i++) {
      if (p.truth()[i] < 0) {
        outlierMean += w[i] / 60;
      } else {
        inlierMin = Math.min(inlierMin, w[i]);
      }
    }
    assertThat(outlierMean).isLessThan(0.3);
    assertThat(inlierMin).isGreaterThan(0.5);
    assertThat(huber.outlierCount()).isZero();
  }

  @Test
  void huberObjectiveNeverIncreases() {
    Planted p = contaminated();
    ClusterFit huber = Clusterer.builder().method(ClusterMethod.HUBER).restarts(1)
        .tolerance(0).build().fitScaled(p.data(), 4);
    double[] h = huber.objectiveHistory();
    for (int t = 1; t < h.length; t++) {
      assertThat(h[t]).isLessThanOrEqualTo(h[t - 1] * (1 + 1e-12));
    }
  }

  @Test
  void medianOfMeansResistsOutliersAndIgnoresThem() {
    Planted p = contaminated();
    ClusterFit mom = Clusterer.builder().method(ClusterMethod.MOM).restarts(10).build()
        .fitScaled(p.data(), 3);
    ClusterFit plain = Clusterer.builder().method(ClusterMethod.KMEANS)
        .restarts(10).build().fitScaled(p.data(), 3);
    assertThat(p.worstCenterError(mom.centers())).isLessThan(0.5);
    assertThat(p.worstCenterError(plain.centers())).isGreaterThan(3.0);
    double[] w = mom.weights();
    double inlierMean = 0;
    double outlierMean = 0;
    for (int i = 0; i < w.length; i++) {
      if (p.truth()[i] < 0) {
        outlierMean += w[i] / 60;
      } else {
        inlierMean += w[i] / 600;
      }
    }
    assertThat(outlierMean).isLessThan(0.5 * inlierMean);
  }

  @Test
  void medianOfMeansIsDeterministicAcrossThreadCounts() {
    Planted p = contaminated();
    Clusterer c = Clusterer.builder().method(ClusterMethod.MOM).restarts(6).build();
    assertThat(c.toBuilder().threads(3).build().fitScaled(p.data(), 3).centers())
        .isDeepEqualTo(c.toBuilder().threads(1).build().fitScaled(p.data(), 3).centers());
  }

  /** Objective never worse than R cluster::pam by more than 0.1% (pam_reference.R). */
  @Test
  void kMedoidsObjectiveMatchesRPam() {
    FeatureMatrix raw = SharedData.vertebral();
    List<String> lines = SharedData.reference("pam_reference.csv");
    for (String line : lines.subList(1, lines.size())) {
      String[] t = line.split(",");
      Scaler scaler = t[1].equals("zscore") ? Scaler.fit(raw, ScaleMethod.ZSCORE)
          : Scaler.identity(raw.names());
      int k = Integer.parseInt(t[2]);
      double ref = Double.parseDouble(t[3]);
      ClusterFit fit = Clusterer.builder().method(ClusterMethod.KMEDOIDS)
          .restarts(5).build().fit(raw, scaler, k).fit();
      assertThat(fit.objective()).as(line).isLessThanOrEqualTo(ref * 1.001);
      // medoids are data points
      for (double[] c : fit.centers()) {
        boolean found = false;
        FeatureMatrix scaled = scaler.transform(raw);
        for (int i = 0; i < scaled.rows() && !found; i++) {
          found = java.util.Arrays.equals(scaled.row(i), c);
        }
        assertThat(found).isTrue();
      }
    }
  }

  @Test
  void kMedoidsObjectiveNeverIncreasesAcrossSwaps() {
    Planted p = contaminated();
    ClusterFit fit = Clusterer.builder().method(ClusterMethod.KMEDOIDS).restarts(1).build()
        .fitScaled(p.data(), 3);
    double[] h = fit.objectiveHistory();
    assertThat(h.length).isGreaterThan(1);
    for (int t = 1; t < h.length; t++) {
      assertThat(h[t]).isLessThan(h[t - 1]);
    }
  }

  @Test
  void kMedoidsRefusesHugeData() {
    double[][] rows = new double[MedoidEngine.MAX_ROWS + 1][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {i};
    }
    assertThatThrownBy(() -> Clusterer.builder().method(ClusterMethod.KMEDOIDS).build()
        .fitScaled(FeatureMatrix.of(rows), 2))
        .isInstanceOf(org.backstrat.core.BadInputException.class)
        .hasMessageContaining("--method trimmed");
  }

  @Test
  void trimmingCurvesDecreaseInAlphaAndInK() {
    Planted p = contaminated();
    List<TrimmingCurves.Point> pts = TrimmingCurves.compute(p.data(), new int[] {2, 3},
        new double[] {0, 0.05, 0.1}, Clusterer.builder().restarts(10).build());
    assertThat(pts).hasSize(6);
    List<Double> k3 = new ArrayList<>();
    for (TrimmingCurves.Point pt : pts) {
      if (pt.k() == 3) {
        k3.add(pt.objective());
      }
    }
    assertThat(k3).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    for (int q = 0; q < 3; q++) {
      assertThat(pts.get(q + 3).objective()).isLessThanOrEqualTo(pts.get(q).objective());
    }
  }
}
