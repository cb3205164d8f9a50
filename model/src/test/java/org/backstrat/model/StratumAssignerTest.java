package org.backstrat.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.backstrat.core.BadInputException;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.Variable;
import org.junit.jupiter.api.Test;

/**
 * The assignment rules on a hand-made model whose answers are worked out by hand: two numeric
 * features x (centre 1, scale 2, weight 1) and y (centre 0, scale 1, weight 0.5), centres (0, 0)
 * and (2, 0) in the scaled space, trim radius 1.
 */
class StratumAssignerTest {

  static FrozenModel model() {
    return TestModels.twoFeatureModel();
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

  private static Placement placement(AssignedRow r) {
    return r.placement().orElseThrow();
  }

  @Test
  void nearestCentreProbabilitiesAndTopFeatureFollowTheDocumentedFormulas() {
    // raw (2, 0) -> z = ((2-1)/2*1, 0) = (0.5, 0); d^2 = 0.25 and 2.25
    AssignedRow r = StratumAssigner.assign(model(), cohort(new double[] {2},
        new double[] {0})).get(0);
    Placement p = placement(r);
    assertThat(p.stratum()).isEqualTo(new Stratum(1, "low-burden"));
    assertThat(p.distance()).isCloseTo(0.5, within(1e-15));
    assertThat(p.outlier()).isFalse();
    // p_1 = exp(-0.125) / (exp(-0.125) + exp(-1.125)) = 1 / (1 + e^-1)
    assertThat(p.probability(1)).isCloseTo(0.7310585786300049, within(1e-15));
    assertThat(p.probability(2)).isCloseTo(0.2689414213699951, within(1e-15));
    // pull of x = (0.5-2)^2 - 0.5^2 = 2; y pulls nothing (both centres have y = 0)
    assertThat(p.topFeatures()).containsExactly("x");
    assertThat(r.reason()).isEmpty();
  }

  @Test
  void aPersonBeyondTheTrimRadiusIsAnOutlierWithANearestStratum() {
    // raw (11, 0) -> z = (5, 0): nearest centre 2 at distance 3 > trim radius 1
    Placement p = placement(StratumAssigner.assign(model(), cohort(new double[] {11},
        new double[] {0})).get(0));
    assertThat(p.stratum().id()).isEqualTo(2);
    assertThat(p.distance()).isCloseTo(3, within(1e-15));
    assertThat(p.outlier()).isTrue();
  }

  @Test
  void aPersonMissingAFeatureGetsAReasonInsteadOfAStratum() {
    List<AssignedRow> rows = StratumAssigner.assign(model(),
        cohort(new double[] {2, 3}, new double[] {Double.NaN, 1}));
    assertThat(rows.get(0).assigned()).isFalse();
    assertThat(rows.get(0).reason()).isEqualTo("missing y");
    assertThat(rows.get(0).missingFeatures()).containsExactly("y");
    assertThat(rows.get(1).assigned()).isTrue();
  }

  @Test
  void aCohortWithoutAFeatureColumnIsRefused() {
    Cohort onlyX = Cohort.of("test.csv", List.of("p1"))
        .withColumn(Variable.number("x", -100, 100, "", "x"), new double[] {1});
    assertThatThrownBy(() -> StratumAssigner.assign(model(), onlyX))
        .isInstanceOf(BadInputException.class).hasMessageContaining("column y");
  }

  @Test
  void onePersonsValuesArePlacedWithoutACohortExactlyAsTheTableRow() {
    FrozenVariant v = model().variants().get(0);
    List<AssignedRow> table = StratumAssigner.assign(model(),
        cohort(new double[] {2, -3, 11}, new double[] {0, 4, -1}));
    double[][] people = {{2, 0}, {-3, 4}, {11, -1}};
    for (int i = 0; i < people.length; i++) {
      Placement direct = v.place(people[i]);
      Placement viaTable = placement(table.get(i));
      assertThat(direct.stratum()).isEqualTo(viaTable.stratum());
      assertThat(direct.distance()).isEqualTo(viaTable.distance());
      assertThat(direct.probabilities()).containsExactly(viaTable.probabilities());
      assertThat(direct.topFeatures()).isEqualTo(viaTable.topFeatures());
    }
  }

  @Test
  void aNonFiniteValueIsRefusedNamingTheColumn() {
    FrozenVariant v = model().variants().get(0);
    assertThatThrownBy(() -> v.place(new double[] {1, Double.POSITIVE_INFINITY}))
        .isInstanceOf(BadInputException.class).hasMessageContaining("column y");
  }

  @Test
  void aCategoryCodedWithOtherLevelsThanInTrainingIsRefused() {
    FrozenModel m = TestModels.smokingModel();
    Cohort sameLevels = Cohort.of("new.csv", List.of("p1", "p2"))
        .withColumn(Variable.category("smoking", "", "never", "former", "current"),
            new double[] {0, 2})
        .withColumn(Variable.number("x", -100, 100, "", "x"), new double[] {0, 1});
    assertThat(StratumAssigner.assign(m, sameLevels)).allMatch(AssignedRow::assigned);
    Cohort reordered = Cohort.of("new.csv", List.of("p1"))
        .withColumn(Variable.category("smoking", "", "current", "former", "never"),
            new double[] {0})
        .withColumn(Variable.number("x", -100, 100, "", "x"), new double[] {0});
    assertThatThrownBy(() -> StratumAssigner.assign(m, reordered))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("column smoking")
        .hasMessageContaining("[never, former, current]");
  }

  @Property
  void probabilitiesSumToOneEvenForFarPoints(
      @ForAll @Size(min = 2, max = 8) List<@DoubleRange(min = 0, max = 1e6) Double> d2List) {
    double[] d2 = d2List.stream().mapToDouble(Double::doubleValue).toArray();
    double min = Double.POSITIVE_INFINITY;
    for (double v : d2) {
      min = Math.min(min, v);
    }
    double[] p = FrozenVariant.probabilities(d2, min);
    double sum = 0;
    for (double v : p) {
      assertThat(v).isBetween(0.0, 1.0);
      sum += v;
    }
    assertThat(sum).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void categoryLevelsAreKeptPerFeature() {
    assertThat(TestModels.smokingModel().variants().get(0).categoryLevels())
        .isEqualTo(Map.of("smoking", List.of("never", "former", "current")));
  }
}
