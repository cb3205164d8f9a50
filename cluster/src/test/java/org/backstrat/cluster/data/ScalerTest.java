package org.backstrat.cluster.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;

class ScalerTest {
  private static final double[] X = {1, 2, 4, 7, 11, 16, 22, 29};

  private static FeatureMatrix column(double... v) {
    double[][] rows = new double[v.length][];
    for (int i = 0; i < v.length; i++) {
      rows[i] = new double[] {v[i]};
    }
    return FeatureMatrix.of(rows, List.of("x"));
  }

  @Test
  void robustScalingUsesMedianAndType7Iqr() {
    // R: median(X) = 9; quantile(X, c(.25,.75)) = 3.5, 17.5; IQR = 14
    Scaler s = Scaler.fit(column(X), ScaleMethod.ROBUST);
    assertThat(s.center()[0]).isEqualTo(9.0);
    assertThat(s.scale()[0]).isCloseTo(14.0, within(1e-12));
  }

  @Test
  void zscoreUsesMeanAndSampleSd() {
    // R: mean(X) = 11.5; sd(X) = 10.099504938362077
    Scaler s = Scaler.fit(column(X), ScaleMethod.ZSCORE);
    assertThat(s.center()[0]).isEqualTo(11.5);
    assertThat(s.scale()[0]).isCloseTo(10.099504938362077, within(1e-12));
  }

  @Test
  void zeroIqrFallsBackToStandardDeviation() {
    // R: y <- c(0,0,0,0,0,0,0,0,1,5); median(y) = 0; IQR(y) = 0; sd(y) = 1.5776212754932311
    Scaler s = Scaler.fit(column(0, 0, 0, 0, 0, 0, 0, 0, 1, 5), ScaleMethod.ROBUST);
    assertThat(s.center()[0]).isEqualTo(0.0);
    assertThat(s.scale()[0]).isCloseTo(1.5776212754932311, within(1e-12));
  }

  @Test
  void constantColumnIsRefusedByName() {
    FeatureMatrix m = FeatureMatrix.of(new double[][] {{1, 3}, {2, 3}, {4, 3}}, List.of("a", "bmi"));
    for (ScaleMethod method : ScaleMethod.values()) {
      assertThatThrownBy(() -> Scaler.fit(m, method))
          .isInstanceOf(BadInputException.class).hasMessageContaining("bmi")
          .hasMessageContaining("all values are equal");
    }
  }

  @Test
  void noneRefusesAConstantColumnWhileTheOthersVaryAndKeepsAColumnThatDiffersOnlyInItsLastRow() {
    // the constant check of --scale none stops once every column has varied: a column that
    // varies only in the last row must still be seen, and a constant one must not be missed
    double[][] rows = new double[1000][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {i, -2.5, 7};
    }
    rows[999][2] = 8;
    FeatureMatrix constant = FeatureMatrix.of(rows, List.of("a", "bmi", "late"));
    assertThatThrownBy(() -> Scaler.fit(constant, ScaleMethod.NONE))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("column bmi: all values are equal (-2.5)");
    for (double[] r : rows) {
      r[1] = r[0] % 3;
    }
    assertThat(Scaler.fit(FeatureMatrix.of(rows, List.of("a", "bmi", "late")), ScaleMethod.NONE)
        .scale()).containsExactly(1, 1, 1);
  }

  @Test
  void noneCallsSignedZerosEqualAsMinEqualsMaxDid() {
    // Math.min(-0.0, 0.0) == Math.max(-0.0, 0.0): the former check called such a column
    // constant and named the minimum, -0.0
    FeatureMatrix m = FeatureMatrix.of(new double[][] {{1, 0.0}, {2, -0.0}, {3, 0.0}},
        List.of("a", "z"));
    assertThatThrownBy(() -> Scaler.fit(m, ScaleMethod.NONE))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("column z: all values are equal (-0.0)");
  }

  @Test
  void transformAndInverseRoundTripWithWeights() {
    FeatureMatrix m = FeatureMatrix.of(new double[][] {{1, 10}, {2, 30}, {4, 20}, {8, 70}});
    Scaler s = Scaler.fit(m, ScaleMethod.ROBUST).withWeights(new double[] {0.5, 2});
    double[] z = s.transformPoint(new double[] {3, 40});
    assertThat(z[0]).isCloseTo((3 - s.center()[0]) / s.scale()[0] * 0.5, within(1e-15));
    assertThat(s.inverse(z)).containsExactly(new double[] {3, 40}, within(1e-12));
    FeatureMatrix t = s.transform(m);
    assertThat(t.row(2)).containsExactly(s.transformPoint(m.row(2)), within(1e-15));
  }

  @Test
  void nonPositiveWeightIsRefused() {
    Scaler s = Scaler.identity(List.of("a", "b"));
    assertThatThrownBy(() -> s.withWeights(new double[] {1, 0}))
        .isInstanceOf(BadInputException.class).hasMessageContaining("b");
  }

  @Test
  void scalerSurvivesJsonRoundTrip() throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    Scaler s = Scaler.fit(column(X), ScaleMethod.ROBUST).withWeights(new double[] {0.7});
    String json = mapper.writeValueAsString(s);
    assertThat(json).contains("\"center\":[9.0]");
    assertThat(mapper.readValue(json, Scaler.class)).isEqualTo(s);
  }
}
