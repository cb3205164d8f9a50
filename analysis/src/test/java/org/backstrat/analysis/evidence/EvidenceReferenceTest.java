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
 * (reference/evidence/prediction_strength_fpc.R), the adjusted Rand index against
 * scikit-learn (reference/evidence/ari_sklearn.py), and the block-permutation test against a
 * plain R trimmed k-means on the same permutations (reference/evidence/block_permutation_trimmed.R).
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

  private static FeatureMatrix matrix(String resource) {
    List<String> x = SharedTestData.resourceLines(resource);
    return FeatureMatrix.of(x.subList(1, x.size()).stream()
        .map(l -> Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
        .toArray(double[][]::new));
  }

  /** "1 2 4;3" (1-based, domains separated by ";") as 0-based index lists. */
  private static int[][] oneBasedLists(String s) {
    return Arrays.stream(s.split(";")).map(d -> Arrays.stream(d.trim().split(" "))
        .mapToInt(i -> Integer.parseInt(i) - 1).toArray()).toArray(int[][]::new);
  }

  /**
   * The statistic is a clustering optimum, and on block-permuted data the trimmed k-means
   * landscape at K = 3 has distinct local optima whose objectives differ by a few thousandths of
   * a percent. R searches hard (up to 6,300 starts with three seedings, see the script) and
   * backstrat runs with the analysis defaults (100 restarts); when both reach the same optimum
   * the statistics agree to {@value #SAME_OPTIMUM} (sums of squares accumulated in different
   * orders). On the real data the observed and 16 of 19 permuted statistics agree so (the
   * shuffled case, its shuffle drawn again with set.seed(6) so that its count lies strictly
   * between 0 and B, was not re-tallied; the assertions below hold for it); in the real data's
   * permutation 2 backstrat's
   * 100 restarts stop at an objective 0.0005% above R's (1,000 restarts reach R's), and in 4 and
   * 18 backstrat finds a lower objective than R's 6,300 starts (a valid fixed point: R's own
   * concentration steps started from backstrat's centres stay there). Those differences move
   * the statistic by at most 1.2e-5, so every statistic must agree to {@value #NEAR_OPTIMUM},
   * at least {@value #SAME_OPTIMUM_SHARE} of them to {@value #SAME_OPTIMUM}, and the p-value,
   * a count, exactly.
   */
  private static final double SAME_OPTIMUM = 1e-9;
  private static final double NEAR_OPTIMUM = 5e-5;
  private static final double SAME_OPTIMUM_SHARE = 0.8;

  @Test
  void blockPermutationTestMatchesRReferenceOnTheSamePermutations() {
    List<String> ref = SharedTestData.resourceLines("/reference/evidence/block_permutation_vertebral.csv");
    List<String> summary = SharedTestData.resourceLines("/reference/evidence/block_permutation_p.csv");
    Clusterer defaults = Clusterer.builder().threads(1).build();
    int cases = 0;
    for (String line : summary.subList(1, summary.size())) {
      String[] f = line.replace("\"", "").split(",");
      String name = f[0];
      int k = Integer.parseInt(f[1]);
      assertThat(Double.parseDouble(f[2])).isEqualTo(defaults.trimFraction());
      int[][] domains = oneBasedLists(f[3]);
      int permutations = Integer.parseInt(f[4]);
      double[] expected = new double[permutations + 1];
      int[][][] orders = new int[permutations][][];
      for (String r : ref.subList(1, ref.size())) {
        String[] g = r.replace("\"", "").split(",", -1);
        if (g[0].equals(name)) {
          int b = Integer.parseInt(g[1]);
          expected[b] = Double.parseDouble(g[4]);
          if (b > 0) {
            orders[b - 1] = oneBasedLists(g[6]);
          }
        }
      }
      FeatureMatrix m = matrix("/reference/evidence/" + name + (name.equals("vertebral")
          ? "_scaled.csv" : ".csv"));
      BlockPermutationTest.Result got = BlockPermutationTest.run(m, domains, b -> orders[b],
          defaults, k, permutations, 2);
      assertThat(got.observed()).as(name + " observed, in R's summary").isCloseTo(
          Double.parseDouble(f[5]), within(SAME_OPTIMUM));
      double[] perm = got.permuted();
      assertThat(perm).hasSize(permutations);
      int same = 0;
      for (int b = 0; b <= permutations; b++) {
        double v = b == 0 ? got.observed() : perm[b - 1];
        assertThat(v).as("%s statistic %d (0 = observed)", name, b)
            .isCloseTo(expected[b], within(NEAR_OPTIMUM));
        if (Math.abs(v - expected[b]) <= SAME_OPTIMUM) {
          same++;
        }
      }
      assertThat(same).as(name + ": statistics at the same optimum as R")
          .isGreaterThanOrEqualTo((int) Math.ceil(SAME_OPTIMUM_SHARE * (permutations + 1)));
      assertThat(got.pValue()).as(name + " p").isEqualTo(Double.parseDouble(f[7]));
      assertThat((int) Math.round(got.pValue() * (1 + permutations)) - 1).as(name + " count")
          .isEqualTo(Integer.parseInt(f[6]));
      cases++;
    }
    assertThat(cases).isEqualTo(2);
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
