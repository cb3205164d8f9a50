package org.backstrat.cluster.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.backstrat.cluster.SharedData;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.kmeans.ClusterMethod;
import org.backstrat.cluster.kmeans.Clusterer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Silhouette, Calinski–Harabasz and the gap statistic against R (cluster) and scikit-learn on
 * the same partitions of the z-scored vertebral column data. Fixtures:
 * src/test/resources/reference/selection_reference.{R,py} and their CSV outputs (its
 * jaccard_mean column, B = 100, is superseded by ClusterbootReferenceTest's B = 1000 fixture).
 */
class SelectionReferenceTest {
  private static FeatureMatrix data;
  private static List<Partition> partitions; // k = 1..5
  private static List<double[]> reference; // selection_reference.csv rows
  private static List<double[]> sklearn; // selection_sklearn.csv rows (k = 2..5)

  @BeforeAll
  static void load() {
    FeatureMatrix raw = SharedData.vertebral();
    data = Scaler.fit(raw, ScaleMethod.ZSCORE).transform(raw);
    List<String> lines = SharedData.reference("selection_partitions.csv");
    int kMax = lines.get(0).split(",").length;
    int n = lines.size() - 1;
    partitions = new ArrayList<>();
    for (int k = 1; k <= kMax; k++) {
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = Integer.parseInt(lines.get(i + 1).split(",")[k - 1]) - 1;
      }
      partitions.add(new Partition(labels, k));
    }
    reference = numbers("selection_reference.csv");
    sklearn = numbers("selection_sklearn.csv");
  }

  private static List<double[]> numbers(String name) {
    List<String> lines = SharedData.reference(name);
    List<double[]> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] t = line.split(",");
      double[] v = new double[t.length];
      for (int j = 0; j < t.length; j++) {
        v[j] = t[j].equals("NA") ? Double.NaN : Double.parseDouble(t[j]);
      }
      out.add(v);
    }
    return out;
  }

  @Test
  void exactSilhouetteMatchesRAndScikitLearn() {
    for (int k = 2; k <= partitions.size(); k++) {
      double ours = Silhouette.withDefaults().of(data, partitions.get(k - 1)).average();
      double r = reference.get(k - 1)[1];
      double sk = sklearn.get(k - 2)[1];
      assertThat(ours).as("k=%d vs R", k).isCloseTo(r, within(1e-9 * Math.abs(r)));
      assertThat(ours).as("k=%d vs sklearn", k).isCloseTo(sk, within(1e-9 * Math.abs(sk)));
    }
  }

  @Test
  void calinskiHarabaszMatchesScikitLearn() {
    for (int k = 2; k <= partitions.size(); k++) {
      double ours = CalinskiHarabasz.of(data, partitions.get(k - 1));
      double sk = sklearn.get(k - 2)[2];
      assertThat(ours).as("k=%d", k).isCloseTo(sk, within(1e-9 * sk));
    }
  }

  @Test
  void observedLogWMatchesClusGap() {
    for (int k = 1; k <= partitions.size(); k++) {
      // clusGap's W_k with d.power = 2 is half the within-cluster sum of squares
      double ours = Math.log(0.5 * CalinskiHarabasz.withinSumOfSquares(data, partitions.get(k - 1)));
      double r = reference.get(k - 1)[2];
      assertThat(ours).as("k=%d", k).isCloseTo(r, within(1e-9 * Math.abs(r)));
    }
  }

  @Test
  void gapStatisticAgreesWithClusGapWithinOneStandardError() {
    int[] ks = {1, 2, 3, 4, 5};
    double[] w = new double[ks.length];
    for (int q = 0; q < ks.length; q++) {
      w[q] = CalinskiHarabasz.withinSumOfSquares(data, partitions.get(q));
    }
    Clusterer km = Clusterer.builder().method(ClusterMethod.KMEANS).restarts(10).build();
    for (GapReference ref : GapReference.values()) {
      GapStatistic.Result g = GapStatistic.withDefaults().withReferences(200).withReference(ref)
          .withSeed(3).compute(data, ks, w, km);
      int col = ref == GapReference.ORIGINAL ? 3 : 5;
      for (int q = 0; q < ks.length; q++) {
        double rGap = reference.get(q)[col];
        double rSe = reference.get(q)[col + 1];
        assertThat(g.gap()[q]).as("%s k=%d", ref, ks[q])
            .isCloseTo(rGap, within(Math.max(rSe, g.se()[q])));
        assertThat(g.se()[q]).as("%s SE k=%d", ref, ks[q]).isCloseTo(rSe, within(0.5 * rSe));
      }
    }
  }

  @Test
  void firstSeMaxRuleMatchesClusterMaxSE() {
    List<String> lines = SharedData.reference("selection_maxse.csv");
    for (String line : lines.subList(1, lines.size())) {
      String[] t = line.split(",");
      double[] f = parseList(t[1]);
      double[] se = parseList(t[2]);
      int rChoice = Integer.parseInt(t[3]); // 1-based index
      assertThat(GapStatistic.firstSeMax(f, se) + 1).as(line).isEqualTo(rChoice);
    }
  }

  private static double[] parseList(String s) {
    String[] t = s.split(";");
    double[] v = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      v[i] = Double.parseDouble(t[i]);
    }
    return v;
  }
}
