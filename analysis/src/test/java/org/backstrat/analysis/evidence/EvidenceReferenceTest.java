package org.backstrat.analysis.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.backstrat.analysis.validation.SharedTestData;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.kmeans.ClusterMethod;
import org.backstrat.cluster.kmeans.Clusterer;
import org.junit.jupiter.api.Test;

/**
 * Prediction strength against R fpc::prediction.strength on the same splits
 * (reference/evidence/prediction_strength_fpc.R) and the adjusted Rand index against
 * scikit-learn (reference/evidence/ari_sklearn.py).
 */
class EvidenceReferenceTest {

  @Test
  void predictionStrengthMatchesFpcOnTheSameSplitsOfRealData() {
    List<String> x = SharedTestData.resourceLines("/reference/evidence/vertebral_scaled.csv");
    double[][] data = x.subList(1, x.size()).stream()
        .map(l -> Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
        .toArray(double[][]::new);
    FeatureMatrix m = FeatureMatrix.of(data);
    Clusterer kmeans = Clusterer.builder().method(ClusterMethod.KMEANS).restarts(200).seed(1)
        .threads(1).build();
    List<String> ref = SharedTestData.resourceLines("/reference/evidence/prediction_strength_vertebral.csv");
    int checked = 0;
    for (String line : ref.subList(1, ref.size())) {
      String[] f = line.replace("\"", "").split(",");
      int k = Integer.parseInt(f[1]);
      int[] perm = Arrays.stream(f[3].split(" ")).mapToInt(s -> Integer.parseInt(s) - 1).toArray();
      int na = perm.length / 2;
      double[] got = PredictionStrength.ofSplit(m, kmeans, k, Arrays.copyOfRange(perm, 0, na),
          Arrays.copyOfRange(perm, na, perm.length));
      assertThat(got[0]).as("seed %s, k %d", f[0], k).isCloseTo(Double.parseDouble(f[2]), within(1e-12));
      assertThat(got[1]).isBetween(-1.0, 1.0);
      checked++;
    }
    assertThat(checked).isEqualTo(18);
  }

  @Test
  void adjustedRandIndexMatchesScikitLearn() {
    List<String> ref = SharedTestData.resourceLines("/reference/evidence/ari_sklearn.csv");
    for (String line : ref.subList(1, ref.size())) {
      String[] f = line.split(",");
      int[] a = Arrays.stream(f[2].split(" ")).mapToInt(Integer::parseInt).toArray();
      int[] b = Arrays.stream(f[3].split(" ")).mapToInt(Integer::parseInt).toArray();
      assertThat(AdjustedRand.of(a, b)).as("case " + f[0]).isCloseTo(Double.parseDouble(f[1]), within(1e-12));
    }
  }

  @Test
  void splitHalvesArePermutationHalvesAndSeeded() {
    int[][] h = PredictionStrength.halves(11, 4);
    assertThat(h[0]).hasSize(5);
    assertThat(h[1]).hasSize(6);
    List<Integer> all = new ArrayList<>();
    for (int[] half : h) {
      for (int i : half) {
        all.add(i);
      }
    }
    assertThat(all).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(PredictionStrength.halves(11, 4)[0]).containsExactly(h[0]);
  }

  @Test
  void permutationKeepsEachDomainsRowsTogetherAndEveryMarginal() {
    double[][] d = new double[30][3];
    for (int i = 0; i < 30; i++) {
      d[i] = new double[] {i, 100 + i, 1000 + i};
    }
    FeatureMatrix m = FeatureMatrix.of(d);
    FeatureMatrix p = BlockPermutationTest.permute(m, new int[][] {{0, 1}, {2}}, 9);
    boolean moved = false;
    for (int i = 0; i < 30; i++) {
      assertThat(p.get(i, 1) - p.get(i, 0)).isEqualTo(100.0); // one domain moves as a block
      moved |= p.get(i, 2) - p.get(i, 0) != 1000.0;
    }
    assertThat(moved).isTrue();
    for (int c = 0; c < 3; c++) {
      double[] a = m.column(c);
      double[] b = p.column(c);
      Arrays.sort(b);
      assertThat(b).containsExactly(a);
    }
  }
}
