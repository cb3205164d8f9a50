package org.backstrat.report.frozen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.backstrat.analysis.config.FeatureSpec;
import org.backstrat.core.BadInputException;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.Variable;
import org.backstrat.core.scoring.ScoringOptions;
import org.junit.jupiter.api.Test;

/**
 * The assignment rules on a hand-made model whose answers are worked out by hand: two numeric
 * features x (centre 1, scale 2, weight 1) and y (centre 0, scale 1, weight 0.5), centres (0, 0)
 * and (2, 0) in the scaled space, trim radius 1.
 */
class StratumAssignerTest {

  static FrozenVariant variant() {
    return new FrozenVariant("v",
        List.of(new FeatureSpec("x", FeatureSpec.Encoding.NUMERIC, 1),
            new FeatureSpec("y", FeatureSpec.Encoding.NUMERIC, 0.5)),
        List.of("x", "y"), List.of("x", "y"), "robust", new double[] {1, 0},
        new double[] {2, 1}, new double[] {1, 0.5}, new double[][] {{0, 0}, {2, 0}},
        new double[][] {{1, 0}, {5, 0}}, List.of("low-burden", "degenerative"), 1.0, 0.05,
        "trimmed", 100, 5, 0.9);
  }

  static FrozenModel model() {
    return new FrozenModel("test", "2025-11-28T00:00:00Z", ScoringOptions.withDefaults(),
        "complete-case", List.of(variant()));
  }

  static Cohort cohort(double[] x, double[] y) {
    String[] ids = new String[x.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = "p" + (i + 1);
    }
    return Cohort.of("test.csv", List.of(ids))
        .withColumn(Variable.number("x", -100, 100, "", "x"), x)
        .withColumn(Variable.number("y", -100, 100, "", "y"), y);
  }

  @Test
  void nearestCentreProbabilitiesAndTopFeatureFollowTheDocumentedFormulas() {
    // raw (2, 0) -> z = ((2-1)/2*1, 0) = (0.5, 0); d^2 = 0.25 and 2.25
    AssignedRow r = StratumAssigner.assign(model(), cohort(new double[] {2},
        new double[] {0})).get(0);
    assertThat(r.cluster()).isEqualTo(1);
    assertThat(r.label()).isEqualTo("low-burden");
    assertThat(r.distance()).isCloseTo(0.5, within(1e-15));
    assertThat(r.outlier()).isFalse();
    // p_1 = exp(-0.125) / (exp(-0.125) + exp(-1.125)) = 1 / (1 + e^-1)
    assertThat(r.probabilities()[0]).isCloseTo(0.7310585786300049, within(1e-15));
    assertThat(r.probabilities()[1]).isCloseTo(0.2689414213699951, within(1e-15));
    // pull of x = (0.5-2)^2 - 0.5^2 = 2; y pulls nothing (both centres have y = 0)
    assertThat(r.topFeatures()).containsExactly("x");
    assertThat(r.reason()).isEmpty();
  }

  @Test
  void aPersonBeyondTheTrimRadiusIsAnOutlierWithANearestStratum() {
    // raw (11, 0) -> z = (5, 0): nearest centre 2 at distance 3 > trim radius 1
    AssignedRow r = StratumAssigner.assign(model(), cohort(new double[] {11},
        new double[] {0})).get(0);
    assertThat(r.cluster()).isEqualTo(2);
    assertThat(r.distance()).isCloseTo(3, within(1e-15));
    assertThat(r.outlier()).isTrue();
  }

  @Test
  void aPersonMissingAFeatureGetsAReasonInsteadOfAStratum() {
    List<AssignedRow> rows = StratumAssigner.assign(model(),
        cohort(new double[] {2, 3}, new double[] {Double.NaN, 1}));
    assertThat(rows.get(0).assigned()).isFalse();
    assertThat(rows.get(0).reason()).isEqualTo("missing y");
    assertThat(rows.get(0).probabilities()).isEmpty();
    assertThat(rows.get(1).assigned()).isTrue();
  }

  @Test
  void aCohortWithoutAFeatureColumnIsRefused() {
    Cohort onlyX = Cohort.of("test.csv", List.of("p1"))
        .withColumn(Variable.number("x", -100, 100, "", "x"), new double[] {1});
    assertThatThrownBy(() -> StratumAssigner.assign(model(), onlyX))
        .isInstanceOf(BadInputException.class).hasMessageContaining("column y");
  }

  @Property
  void probabilitiesSumToOneEvenForFarPoints(
      @ForAll @Size(min = 2, max = 8) List<@DoubleRange(min = 0, max = 1e6) Double> d2List) {
    double[] d2 = d2List.stream().mapToDouble(Double::doubleValue).toArray();
    double min = Double.POSITIVE_INFINITY;
    for (double v : d2) {
      min = Math.min(min, v);
    }
    double[] p = StratumAssigner.probabilities(d2, min);
    double sum = 0;
    for (double v : p) {
      assertThat(v).isBetween(0.0, 1.0);
      sum += v;
    }
    assertThat(sum).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void theJsonFormRoundTripsAndIsConsistent() {
    FrozenModel m = model();
    FrozenModel back = ModelJson.fromJson(ModelJson.toJson(m), "model.json");
    assertThat(ModelJson.toJson(back)).isEqualTo(ModelJson.toJson(m));
    assertThat(back.variant("v")).isPresent();
  }

  @Test
  void anOlderSchemaIsRefusedNamingBoth() {
    var json = ModelJson.toJson(model());
    json.put("schema", "backstrat.model/0");
    assertThatThrownBy(() -> ModelJson.fromJson(json, "old.json"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("old.json")
        .hasMessageContaining("found \"backstrat.model/0\"")
        .hasMessageContaining("expected \"backstrat.model/1\"");
  }

  @Test
  void weightsOfTheWrongLengthAreRefused() {
    var json = ModelJson.toJson(model());
    ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("variants").get("v")
        .get("scaler").get("weights")).add(1.0);
    assertThatThrownBy(() -> ModelJson.fromJson(json, "m.json"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("variant v: scaler.weights: expected 2 values");
  }

  @Test
  void anUnknownClusteringMethodIsRefused() {
    var json = ModelJson.toJson(model());
    ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("variants").get("v"))
        .put("method", "magic");
    assertThatThrownBy(() -> ModelJson.fromJson(json, "m.json"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("variant v: method: found \"magic\"");
  }
}
