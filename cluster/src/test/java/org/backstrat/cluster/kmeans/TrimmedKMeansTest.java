package org.backstrat.cluster.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.backstrat.cluster.Planted;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;

class TrimmedKMeansTest {
  private static final double[][] CENTERS = {{0, 0}, {10, 0}, {5, 9}};

  /** 3 x 200 points (sd 1) plus 60 gross outliers (~9%) in a far box. */
  private static Planted contaminated() {
    return Planted.mixture(42, CENTERS, 200, 1.0, 60, 40, 90);
  }

  @Test
  void trimmedKMeansRecoversPlantedCentresWherePlainKMeansIsDraggedAway() {
    Planted p = contaminated();
    ClusterFit trimmed = Clusterer.builder().trimFraction(0.1).restarts(20).build()
        .fitScaled(p.data(), 3);
    ClusterFit plain = Clusterer.builder().method(ClusterMethod.KMEANS).restarts(20).build()
        .fitScaled(p.data(), 3);
    assertThat(p.worstCenterError(trimmed.centers())).isLessThan(0.3);
    assertThat(p.worstCenterError(plain.centers())).isGreaterThan(3.0);
    // every gross outlier is trimmed
    for (int i = 0; i < p.truth().length; i++) {
      if (p.truth()[i] < 0) {
        assertThat(trimmed.outlier(i)).as("row %d", i).isTrue();
      }
    }
  }

  @Test
  void fromTheCentresOfAFitTheStepsStayAtThatFit() {
    Planted p = contaminated();
    Clusterer settings = Clusterer.builder().trimFraction(0.1).restarts(10).build();
    ClusterFit fit = settings.fitScaled(p.data(), 3);
    ClusterFit again = settings.fitScaledFrom(p.data(), fit.centers());
    // one step recomputes the means from the same kept points: equal up to rounding
    assertThat(again.objective()).isCloseTo(fit.objective(), within(1e-12 * fit.objective()));
    assertThat(again.labels()).containsExactly(fit.labels());
    assertThat(again.outlierCount()).isEqualTo(fit.outlierCount());
  }

  @Test
  void fromPoorCentresTheStepsLowerTheObjectiveToTheOptimum() {
    Planted p = contaminated();
    Clusterer settings = Clusterer.builder().trimFraction(0.1).restarts(10).build();
    double[][] poor = {p.data().row(0), p.data().row(1), p.data().row(2)};
    ClusterFit best = settings.fitScaled(p.data(), 3);
    ClusterFit from = settings.fitScaledFrom(p.data(), poor);
    assertThat(from.objective()).isCloseTo(best.objective(), within(1e-9 * best.objective()));
    assertThatThrownBy(() -> settings.fitScaledFrom(p.data(), new double[][] {{1, 2, 3}}))
        .isInstanceOf(BadInputException.class).hasMessageContaining("2 columns");
  }

  @Test
  void trimsExactlyFloorAlphaNPoints() {
    Planted p = contaminated();
    ClusterFit fit = Clusterer.builder().trimFraction(0.07).restarts(3).build()
        .fitScaled(p.data(), 3);
    assertThat(fit.outlierCount()).isEqualTo((int) Math.floor(0.07 * 660));
    assertThat(fit.sizes()[0] + fit.sizes()[1] + fit.sizes()[2]).isEqualTo(660 - 46);
  }

  @Test
  void objectiveIsSumOfSquaredKeptDistancesAndTrimRadiusIsLargestKeptDistance() {
    Planted p = contaminated();
    ClusterFit fit = Clusterer.builder().restarts(5).build().fitScaled(p.data(), 3);
    double sum = 0;
    double radius = 0;
    for (int i = 0; i < fit.rows(); i++) {
      double[] c = fit.center(fit.label(i));
      double d2 = 0;
      for (int j = 0; j < 2; j++) {
        d2 += Math.pow(p.data().get(i, j) - c[j], 2);
      }
      assertThat(fit.distance(i)).isCloseTo(Math.sqrt(d2), within(1e-9));
      if (!fit.outlier(i)) {
        sum += d2;
        radius = Math.max(radius, Math.sqrt(d2));
      } else {
        assertThat(Math.sqrt(d2)).isGreaterThanOrEqualTo(fit.trimRadius());
      }
    }
    assertThat(fit.objective()).isCloseTo(sum, within(1e-9 * sum));
    assertThat(fit.trimRadius()).isCloseTo(radius, within(1e-12));
  }

  @Test
  void resultIsIdenticalWhateverTheThreadCount() {
    Planted p = contaminated();
    Clusterer base = Clusterer.builder().restarts(16).seed(7).build();
    ClusterFit one = base.toBuilder().threads(1).build().fitScaled(p.data(), 4);
    ClusterFit four = base.toBuilder().threads(4).build().fitScaled(p.data(), 4);
    assertThat(four.labels()).isEqualTo(one.labels());
    assertThat(Double.doubleToLongBits(four.objective()))
        .isEqualTo(Double.doubleToLongBits(one.objective()));
    assertThat(four.centers()).isDeepEqualTo(one.centers());
    assertThat(four.distances()).isEqualTo(one.distances());
  }

  @Test
  void clustersAreNumberedLargestFirst() {
    Planted p = Planted.mixture(3, CENTERS, 50, 1.0, 0, 0, 0);
    FeatureMatrix unequal = p.data().selectRows(java.util.stream.IntStream.range(0, 120).toArray());
    ClusterFit fit = Clusterer.builder().method(ClusterMethod.KMEANS).restarts(5).build()
        .fitScaled(unequal, 3);
    assertThat(fit.sizes()).containsExactly(50, 50, 20);
  }

  @Test
  void newPointsGetNearestCentreAndFarOnesAreOutliers() {
    Planted p = contaminated();
    FeatureMatrix raw = p.data();
    Scaler scaler = Scaler.identity(raw.names());
    ClusterModel model = Clusterer.builder().trimFraction(0.1).restarts(10).build()
        .fit(raw, scaler, 3);
    Assignment near = model.assign(new double[] {10.2, 0.3});
    assertThat(model.centerOriginal(near.cluster())[0]).isCloseTo(10, within(0.3));
    assertThat(near.outlier()).isFalse();
    Assignment far = model.assign(new double[] {60, 60});
    assertThat(far.outlier()).isTrue();
    assertThat(model.centerOriginal(far.cluster())[1]).isCloseTo(9, within(0.5));
    // the fitted rows' own assignment agrees with the fit
    for (int i = 0; i < raw.rows(); i += 37) {
      Assignment a = model.assign(raw.row(i));
      assertThat(a.cluster()).isEqualTo(model.fit().label(i));
      assertThat(a.distance()).isCloseTo(model.fit().distance(i), within(1e-9));
    }
  }

  @Test
  void reassigningEveryTrainingPointReproducesItsClusterDistanceAndOutlierFlagExactly() {
    // binary and half-integer data: many points tie at the trim radius
    java.util.SplittableRandom rng = new java.util.SplittableRandom(12);
    double[][] rows = new double[2000][7];
    for (double[] r : rows) {
      for (int j = 0; j < r.length; j++) {
        r[j] = j < 5 ? (rng.nextDouble() < 0.35 ? 1 : 0) : rng.nextInt(7) * 0.5;
      }
    }
    FeatureMatrix raw = FeatureMatrix.of(rows);
    ClusterModel model = Clusterer.builder().trimFraction(0.1).restarts(8).build()
        .fit(raw, Scaler.fit(raw, ScaleMethod.ZSCORE), 4);
    ClusterFit fit = model.fit();
    int keptAtRadius = 0;
    for (int i = 0; i < raw.rows(); i++) {
      Assignment a = model.assign(raw.row(i));
      assertThat(a.cluster()).as("row %d", i).isEqualTo(fit.label(i));
      assertThat(a.distance()).as("row %d", i).isEqualTo(fit.distance(i));
      if (!fit.outlier(i)) {
        assertThat(a.outlier()).as("kept row %d", i).isFalse();
        keptAtRadius += fit.distance(i) == fit.trimRadius() ? 1 : 0;
      }
    }
    assertThat(keptAtRadius).isPositive();
  }

  @Test
  void aFitRestoredFromItsCentresAndRadiusAssignsEveryTrainingPointAsTheFitDid() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
    double[][] rows = new double[1500][6];
    for (double[] r : rows) {
      for (int j = 0; j < r.length; j++) {
        r[j] = j < 3 ? (rng.nextDouble() < 0.4 ? 1 : 0) : rng.nextInt(9) * 0.5;
      }
    }
    FeatureMatrix raw = FeatureMatrix.of(rows);
    ClusterModel model = Clusterer.builder().trimFraction(0.08).restarts(6).build()
        .fit(raw, Scaler.fit(raw, ScaleMethod.ROBUST), 3);
    ClusterFit fit = model.fit();
    ClusterFit restored = ClusterFit.restored(fit.method(), fit.trimFraction(), fit.centers(),
        fit.trimRadius());
    assertThat(restored.rows()).isZero();
    assertThat(restored.k()).isEqualTo(3);
    FeatureMatrix scaled = model.scaler().transform(raw);
    for (int i = 0; i < raw.rows(); i++) {
      double[] z = scaled.row(i);
      Assignment a = restored.assignScaled(z);
      assertThat(a.cluster()).as("row %d", i).isEqualTo(fit.label(i));
      assertThat(a.distance()).as("row %d", i).isEqualTo(fit.distance(i));
      assertThat(a.outlier()).as("row %d", i).isEqualTo(fit.outlier(i)
          && fit.distance(i) > fit.trimRadius());
      double[] d2 = restored.squaredDistancesScaled(z);
      assertThat(Math.sqrt(d2[a.cluster()])).isEqualTo(a.distance());
      for (double v : d2) {
        assertThat(v).isGreaterThanOrEqualTo(d2[a.cluster()]);
      }
    }
  }

  @Test
  void aRestoredFitRefusesCentresOfDifferentLengths() {
    assertThatThrownBy(() -> ClusterFit.restored(ClusterMethod.KMEANS, 0,
        new double[][] {{0, 0}, {1}}, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("centre 1");
  }

  @Test
  void centresInOriginalUnitsInvertTheScaler() {
    Planted p = contaminated();
    Scaler scaler = Scaler.fit(p.data(), ScaleMethod.ZSCORE);
    ClusterModel model = Clusterer.builder().trimFraction(0.1).restarts(10).build()
        .fit(p.data(), scaler, 3);
    for (int j = 0; j < 3; j++) {
      assertThat(scaler.transformPoint(model.centerOriginal(j)))
          .containsExactly(model.fit().center(j), within(1e-12));
    }
    assertThat(p.worstCenterError(model.centersOriginal())).isLessThan(0.3);
  }

  @Test
  void dataWithExactlyKDistinctPointsGetsOneClusterPerPoint() {
    double[][] rows = new double[30][];
    for (int i = 0; i < 30; i++) {
      rows[i] = new double[] {i % 3, (i % 3) * 2};
    }
    ClusterFit fit = Clusterer.builder().method(ClusterMethod.KMEANS).restarts(4).build()
        .fitScaled(FeatureMatrix.of(rows), 3);
    assertThat(fit.sizes()).containsExactly(10, 10, 10);
    assertThat(fit.objective()).isZero();
  }

  @Test
  void badInputsGetClearMessages() {
    FeatureMatrix small = FeatureMatrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
    Clusterer c = Clusterer.builder().restarts(2).build();
    assertThatThrownBy(() -> c.fitScaled(small, 0)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("k = 0");
    assertThatThrownBy(() -> c.fitScaled(small, 4)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("only 3 rows");
    FeatureMatrix dup = FeatureMatrix.of(new double[][] {{1, 1}, {1, 1}, {2, 2}, {2, 2}});
    assertThatThrownBy(() -> c.toBuilder().trimFraction(0).build().fitScaled(dup, 3))
        .isInstanceOf(BadInputException.class).hasMessageContaining("2 distinct rows");
    assertThatThrownBy(() -> c.toBuilder().trimFraction(0.5).build())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("[0, 0.5)");
    assertThatThrownBy(() -> c.toBuilder().trimFraction(-0.01).build())
        .isInstanceOf(BadInputException.class);
    FeatureMatrix nan = FeatureMatrix.of(new double[][] {{1, 2}, {3, Double.NaN}, {5, 6}},
        List.of("a", "b"));
    assertThatThrownBy(() -> c.fitScaled(nan, 2)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("row 2").hasMessageContaining("column b");
    FeatureMatrix inf = FeatureMatrix.of(new double[][] {{1, 2}, {3, 4}, {5, Double.POSITIVE_INFINITY}});
    assertThatThrownBy(() -> c.fit(inf, Scaler.identity(inf.names()), 2))
        .isInstanceOf(BadInputException.class).hasMessageContaining("row 3");
  }

  @Test
  void absurdRestartCountsAreRefusedWithTheAllowedRangeBeforeAllocating() {
    assertThatThrownBy(() -> Clusterer.builder().restarts(Integer.MAX_VALUE).build())
        .isInstanceOf(BadInputException.class)
        .hasMessage("restarts 2147483647: expected a whole number from 1 to 10000");
    assertThatThrownBy(() -> Clusterer.builder().restarts(0).build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("from 1 to 10000");
    assertThatThrownBy(() -> Clusterer.builder().maxIterations(Integer.MAX_VALUE).build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("max iterations");
  }

  @Test
  void builderSettersDoNotResetEachOther() {
    Clusterer c = Clusterer.builder().seed(9).method(ClusterMethod.KMEANS).restarts(7)
        .trimFraction(0.2).threads(2).build();
    assertThat(c.seed()).isEqualTo(9);
    assertThat(c.restarts()).isEqualTo(7);
    assertThat(c.trimFraction()).isEqualTo(0.2);
    assertThat(c.toBuilder().build()).isEqualTo(c);
  }

  @Test
  void singleClusterIsTheTrimmedMean() {
    Planted p = contaminated();
    ClusterFit fit = Clusterer.builder().trimFraction(0.1).restarts(2).build()
        .fitScaled(p.data(), 1);
    assertThat(fit.sizes()).containsExactly(660 - 66);
    assertThat(fit.center(0)[0]).isBetween(3.0, 7.0);
  }
}
