package org.backstrat.cluster.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.backstrat.cluster.Planted;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.kmeans.ClusterModel;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;

class KSelectorTest {
  private static final double[][] CENTERS = {{0, 0, 0}, {9, 0, 0}, {0, 9, 0}, {0, 0, 9}};

  private static Planted fourClusters() {
    return Planted.mixture(9, CENTERS, 60, 1.0, 12, 25, 40);
  }

  private static KSelector quick() {
    return KSelector.builder().range(2, 6).bootstrapResamples(20)
        .gapReferences(10).selectionRestarts(5).build();
  }

  @Test
  void ruleFindsThePlantedNumberOfClusters() {
    Planted p = fourClusters();
    Clusterer c = Clusterer.builder().trimFraction(0.05).restarts(10).build();
    KSelection s = quick().select(p.data(), Scaler.fit(p.data(), ScaleMethod.ROBUST), c);
    assertThat(s.chosenK()).isEqualTo(4);
    assertThat(s.fixedByUser()).isFalse();
    assertThat(s.rows()).extracting(KSelectionRow::k).containsExactly(2, 3, 4, 5, 6);
    KSelectionRow four = s.chosenRow();
    assertThat(four.stabilityJaccard()).isGreaterThan(0.85);
    assertThat(four.clusterJaccard()).hasSize(4);
    assertThat(four.gap()).isPositive();
    assertThat(s.gapChoiceK()).isEqualTo(4);
    assertThat(s.chosenModel().fit().k()).isEqualTo(4);
    assertThat(s.rule()).isEqualTo(KSelector.RULE);
  }

  @Test
  void choosingKReportsProgressPerKAndThroughTheReplicatesWithoutChangingTheResult() {
    Planted p = fourClusters();
    Clusterer c = Clusterer.builder().trimFraction(0.05).restarts(5).build();
    java.util.List<String> steps = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    java.util.List<Double> fractions =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    KSelection silent = quick().select(p.data(), Scaler.fit(p.data(), ScaleMethod.ROBUST), c);
    KSelection reported = quick().select(p.data(), Scaler.fit(p.data(), ScaleMethod.ROBUST), c,
        (step, fraction) -> {
          steps.add(step);
          fractions.add(fraction);
        });
    assertThat(steps).anyMatch(s -> s.contains("fitting K = 2"))
        .anyMatch(s -> s.contains("fitting K = 6")).anyMatch(s -> s.contains("bootstrap"));
    assertThat(fractions).contains(1.0);
    assertThat(reported.chosenK()).isEqualTo(silent.chosenK());
    assertThat(reported.rows()).extracting(KSelectionRow::silhouette)
        .isEqualTo(silent.rows().stream().map(KSelectionRow::silhouette).toList());
  }

  @Test
  void fixedKIsUsedAndSaidSo() {
    Planted p = fourClusters();
    Clusterer c = Clusterer.builder().restarts(5).build();
    KSelection s = quick().toBuilder().range(2, 5).fixedK(3).build()
        .select(p.data(), Scaler.fit(p.data(), ScaleMethod.ROBUST), c);
    assertThat(s.chosenK()).isEqualTo(3);
    assertThat(s.fixedByUser()).isTrue();
    assertThat(s.rule()).startsWith("K = 3 was fixed by the user");
  }

  @Test
  void aFixedKSurvivesSettingTheRangeAfterwards() {
    // the old copy methods reset K: withFixedK(3).withRange(2, 8) gave fixedK 0 (K chosen)
    KSelector rangeLast = KSelector.builder().fixedK(3).range(2, 8).build();
    KSelector rangeFirst = KSelector.builder().range(2, 8).fixedK(3).build();
    assertThat(rangeLast.fixedK()).isEqualTo(3);
    assertThat(rangeLast).isEqualTo(rangeFirst);
    assertThat(rangeLast.toBuilder().range(2, 5).build().fixedK()).isEqualTo(3);
  }

  @Test
  void aFixedKOutsideTheRangeIsRefusedAtBuild() {
    assertThatThrownBy(() -> KSelector.builder().fixedK(9).range(2, 8).build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("fixed K 9")
        .hasMessageContaining("2..8");
  }

  @Test
  void absurdEffortIsRefusedWithTheAllowedRangeBeforeAnyWork() {
    assertThatThrownBy(() -> KSelector.builder().bootstrapResamples(Integer.MAX_VALUE).build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("stability resamples")
        .hasMessageContaining("0 (skip) to 10000");
    assertThatThrownBy(() -> KSelector.builder().gapReferences(1).build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("gap reference sets 1");
    assertThatThrownBy(() -> KSelector.builder().range(2, 100_000_000).build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("<= 1000");
  }

  @Test
  void modelAtEveryKIsExactlyTheClusterersOwnFit() {
    Planted p = fourClusters();
    Scaler scaler = Scaler.fit(p.data(), ScaleMethod.ROBUST);
    Clusterer c = Clusterer.builder().restarts(7).seed(4).build();
    KSelection s = quick().toBuilder().range(2, 5).build().select(p.data(), scaler, c);
    for (int q = 0; q < 4; q++) {
      ClusterModel direct = c.fit(p.data(), scaler, q + 2);
      ClusterModel selected = s.models().get(q);
      assertThat(selected.fit().labels()).isEqualTo(direct.fit().labels());
      assertThat(selected.fit().outliers()).isEqualTo(direct.fit().outliers());
      assertThat(selected.fit().objective()).isEqualTo(direct.fit().objective());
      assertThat(selected.fit().centers()).isDeepEqualTo(direct.fit().centers());
      assertThat(selected.scaler()).isEqualTo(scaler);
      assertThat(s.rows().get(q).objective()).isEqualTo(direct.fit().objective());
    }
  }

  @Test
  void selectionIsIdenticalWhateverTheThreadCount() {
    Planted p = fourClusters();
    Scaler scaler = Scaler.fit(p.data(), ScaleMethod.ZSCORE);
    Clusterer c = Clusterer.builder().restarts(5).build();
    KSelection one = quick().toBuilder().threads(1).build()
        .select(p.data(), scaler, c.toBuilder().threads(1).build());
    KSelection two = quick().toBuilder().threads(3).build()
        .select(p.data(), scaler, c.toBuilder().threads(3).build());
    for (int q = 0; q < one.rows().size(); q++) {
      KSelectionRow a = one.rows().get(q);
      KSelectionRow b = two.rows().get(q);
      assertThat(b.gap()).isEqualTo(a.gap());
      assertThat(b.gapSe()).isEqualTo(a.gapSe());
      assertThat(b.clusterJaccard()).isEqualTo(a.clusterJaccard());
      assertThat(b.silhouette()).isEqualTo(a.silhouette());
      assertThat(b.calinskiHarabasz()).isEqualTo(a.calinskiHarabasz());
      assertThat(two.models().get(q).fit().labels()).isEqualTo(one.models().get(q).fit().labels());
    }
    assertThat(two.chosenK()).isEqualTo(one.chosenK());
    assertThat(two.gapChoiceK()).isEqualTo(one.gapChoiceK());
  }

  @Test
  void ruleIgnoresUnstableValuesAndBreaksSilhouetteTiesTowardSmallerK() {
    KSelectionRow k2 = row(2, 0.50, 0.70);
    KSelectionRow k3 = row(3, 0.48, 0.90);
    KSelectionRow k4 = row(4, 0.478, 0.80);
    KSelectionRow k5 = row(5, 0.60, 0.50);
    assertThat(KSelector.choose(List.of(k2, k3, k4, k5))).isEqualTo(3);
    assertThat(KSelector.choose(List.of(row(2, 0.40, 0.9), row(3, 0.404, 0.9)))).isEqualTo(2);
    // nothing stable: best silhouette over all
    assertThat(KSelector.choose(List.of(row(2, 0.3, 0.5), row(3, 0.4, 0.5)))).isEqualTo(3);
  }

  private static KSelectionRow row(int k, double sil, double jac) {
    return new KSelectionRow(k, 1, sil, 0, 1, 0, 0, jac, new double[0]);
  }

  @Test
  void badRangesAreRefused() {
    assertThatThrownBy(() -> KSelector.builder().range(3, 2).build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("3..2");
    assertThatThrownBy(() -> KSelector.builder().range(2, 4).fixedK(6).build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("outside");
  }
}
