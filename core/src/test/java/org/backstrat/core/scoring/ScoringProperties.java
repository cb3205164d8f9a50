package org.backstrat.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.core.cohort.ValueKind;
import org.backstrat.core.cohort.Variable;

/** Invariants of the score stage over random answers, grades, angles and missing cells. */
class ScoringProperties {

  private static final CohortSchema SCHEMA = CohortSchema.standard();
  private static final List<Variable> RAW = rawColumns();
  private static final List<Construct> ITEMS = List.of(Construct.values());

  private static List<Variable> rawColumns() {
    List<Variable> out = new ArrayList<>();
    for (CohortSchema.Group g : List.of(CohortSchema.Group.SBT, CohortSchema.Group.OMPSQ,
        CohortSchema.Group.PFIRRMANN, CohortSchema.Group.FACET, CohortSchema.Group.OUTCOME)) {
      out.addAll(SCHEMA.group(g));
    }
    return List.copyOf(out);
  }

  // ------------------------------------------------------------------ generators

  /** A cell of a raw column: an admissible value, or missing one time in ten. */
  private static Arbitrary<Double> cell(Variable v) {
    Arbitrary<Double> present = v.kind() == ValueKind.INTEGER
        ? Arbitraries.integers().between((int) v.min(), (int) v.max()).map(Integer::doubleValue)
        : Arbitraries.integers().between((int) (10 * v.min()), (int) (10 * v.max()))
            .map(tenths -> tenths / 10.0);
    return Arbitraries.frequencyOf(Tuple.of(9, present),
        Tuple.of(1, Arbitraries.just(Double.NaN)));
  }

  /** An admissible complete answer to a construct. */
  private static Arbitrary<Double> answer(Construct c) {
    return Arbitraries.integers().between(c.minAnswer(), c.maxAnswer()).map(Integer::doubleValue);
  }

  private static double[] toArray(List<Double> values) {
    double[] a = new double[values.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = values.get(i);
    }
    return a;
  }

  /** Rows of every raw column (schema order), 1–12 people, with missing cells. */
  @Provide
  Arbitrary<List<double[]>> cohortRows() {
    List<Arbitrary<Double>> cells = new ArrayList<>();
    for (Variable v : RAW) {
      cells.add(cell(v));
    }
    return Combinators.combine(cells).as(ScoringProperties::toArray).list().ofMinSize(1)
        .ofMaxSize(12);
  }

  /** Questionnaire rows (19 constructs in enum order), with missing cells. */
  @Provide
  Arbitrary<List<double[]>> questionnaireRows() {
    List<Arbitrary<Double>> cells = new ArrayList<>();
    for (Construct c : ITEMS) {
      cells.add(cell(SCHEMA.find(c.standardColumn()).orElseThrow()));
    }
    return Combinators.combine(cells).as(ScoringProperties::toArray).list().ofMinSize(1)
        .ofMaxSize(12);
  }

  @Provide
  Arbitrary<double[]> completeSbt() {
    List<Arbitrary<Double>> a = new ArrayList<>();
    for (Construct c : Instrument.SBT.constructs()) {
      a.add(answer(c));
    }
    return Combinators.combine(a).as(ScoringProperties::toArray);
  }

  @Provide
  Arbitrary<double[]> completeOmpsq() {
    List<Arbitrary<Double>> a = new ArrayList<>();
    for (Construct c : Instrument.OMPSQ.constructs()) {
      a.add(answer(c));
    }
    return Combinators.combine(a).as(ScoringProperties::toArray);
  }

  @Provide
  Arbitrary<List<Integer>> constructOrder() {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < ITEMS.size(); i++) {
      order.add(i);
    }
    return Arbitraries.shuffle(order);
  }

  private static Cohort cohort(List<double[]> rows, List<Variable> columns) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      ids.add("p" + i);
    }
    Cohort c = Cohort.of("generated", ids);
    for (int j = 0; j < columns.size(); j++) {
      double[] col = new double[rows.size()];
      for (int i = 0; i < col.length; i++) {
        col[i] = rows.get(i)[j];
      }
      c = c.withColumn(columns.get(j), col);
    }
    return c;
  }

  // ------------------------------------------------------------------ ranges

  @Property(tries = 120)
  void everyDerivedScoreLiesWithinItsDeclaredRange(@ForAll("cohortRows") List<double[]> rows) {
    Cohort scored = CohortScorer.withDefaults().score(cohort(rows, RAW)).cohort();
    for (Variable v : ScoreGroup.allDerived()) {
      Variable declared = scored.variable(v.name()).orElseThrow();
      for (double x : scored.values(v.name())) {
        if (!Double.isNaN(x) && !withinDeclaredRange(declared, x)) {
          throw new AssertionError(v.name() + " = " + x + " outside its declared range");
        }
      }
    }
  }

  private static boolean withinDeclaredRange(Variable v, double x) {
    return switch (v.kind()) {
      case CATEGORY -> x == Math.rint(x) && x >= 0 && x < v.levels().size();
      case BOOLEAN -> x == 0 || x == 1;
      case INTEGER -> x == Math.rint(x) && x >= v.min() && x <= v.max();
      default -> x >= v.min() && x <= v.max();
    };
  }

  @Property
  void psychosocialSubscaleNeverExceedsTheTotal(@ForAll("completeSbt") double[] a) {
    assertThat(StartBackTool.psychosocial(a)).isBetween(0.0, 5.0)
        .isLessThanOrEqualTo(StartBackTool.total(a));
  }

  @Property
  void ompsqFactorsAddUpToTheTotal(@ForAll("completeOmpsq") double[] a) {
    double sum = 0;
    for (OmpsqFactor f : OmpsqFactor.values()) {
      sum += OmpsqShortForm.factor(f, a);
    }
    assertThat(sum).isEqualTo(OmpsqShortForm.total(a)).isBetween(1.0, 100.0);
  }

  @Property
  void tropismIsSymmetricAndFtMaxBoundsEveryLevel(
      @ForAll("angles") double l1, @ForAll("angles") double r1, @ForAll("angles") double l2,
      @ForAll("angles") double r2, @ForAll("angles") double l3, @ForAll("angles") double r3) {
    double[] levels = {FacetTropism.tropismDegrees(l1, r1), FacetTropism.tropismDegrees(l2, r2),
        FacetTropism.tropismDegrees(l3, r3)};
    assertThat(FacetTropism.tropismDegrees(r1, l1)).isEqualTo(levels[0]);
    double max = FacetTropism.maxDegrees(levels);
    for (double t : levels) {
      assertThat(max).isGreaterThanOrEqualTo(t);
    }
    assertThat(FacetTropism.anyAtLeast(levels, 10)).isLessThanOrEqualTo(
        FacetTropism.anyAtLeast(levels, 7));
  }

  @Provide
  Arbitrary<Double> angles() {
    return Arbitraries.integers().between(0, 900).map(tenths -> tenths / 10.0);
  }

  // ------------------------------------------------------------------ monotonicity

  @Property
  void agreeingWithOneMoreSbtItemNeverLowersTotalOrRisk(@ForAll("completeSbt") double[] a,
                                                        @ForAll @IntRange(max = 7) int item) {
    double[] more = Arrays.copyOf(a, a.length);
    more[item] = 1;
    assertThat(StartBackTool.total(more)).isGreaterThanOrEqualTo(StartBackTool.total(a));
    assertThat(risk(more)).isGreaterThanOrEqualTo(risk(a));
  }

  @Property
  void moreBothersomeItem9NeverLowersTotalOrRisk(@ForAll("completeSbt") double[] a) {
    if (a[8] < 4) {
      double[] more = Arrays.copyOf(a, a.length);
      more[8] = a[8] + 1;
      assertThat(StartBackTool.total(more)).isGreaterThanOrEqualTo(StartBackTool.total(a));
      assertThat(risk(more)).isGreaterThanOrEqualTo(risk(a));
    }
  }

  private static double risk(double[] a) {
    return StartBackTool.riskCode(StartBackTool.total(a), StartBackTool.psychosocial(a));
  }

  @Property
  void raisingAnOmpsqAnswerMovesTheTotalWithItsKeying(@ForAll("completeOmpsq") double[] a,
                                                      @ForAll @IntRange(max = 9) int item,
                                                      @ForAll @IntRange(min = 1, max = 10)
                                                      int step) {
    Construct c = Instrument.OMPSQ.constructs().get(item);
    double raised = Math.min(c.maxAnswer(), a[item] + step);
    double[] more = Arrays.copyOf(a, a.length);
    more[item] = raised;
    double before = OmpsqShortForm.total(a);
    double after = OmpsqShortForm.total(more);
    if (c.reversed()) {
      assertThat(after).isLessThanOrEqualTo(before);
      assertThat(OmpsqShortForm.highRisk(after)).isLessThanOrEqualTo(
          OmpsqShortForm.highRisk(before));
    } else {
      assertThat(after).isGreaterThanOrEqualTo(before);
      assertThat(OmpsqShortForm.highRisk(after)).isGreaterThanOrEqualTo(
          OmpsqShortForm.highRisk(before));
    }
  }

  // ------------------------------------------------------------------ instrument mapping

  @Property(tries = 120)
  void permutingTheMappingTogetherWithTheColumnsGivesIdenticalScores(
      @ForAll("constructOrder") List<Integer> order,
      @ForAll("questionnaireRows") List<double[]> rows) {
    List<Variable> standardColumns = new ArrayList<>();
    for (Construct c : ITEMS) {
      standardColumns.add(SCHEMA.find(c.standardColumn()).orElseThrow());
    }
    Cohort standard = cohort(rows, standardColumns);

    // the same answers in another column order, under other names, declared by a mapping
    List<double[]> permutedRows = new ArrayList<>();
    for (double[] r : rows) {
      double[] p = new double[r.length];
      for (int pos = 0; pos < order.size(); pos++) {
        p[pos] = r[order.get(pos)];
      }
      permutedRows.add(p);
    }
    List<Variable> permutedColumns = new ArrayList<>();
    StringBuilder json = new StringBuilder("{\"schema\": \"" + InstrumentMapping.SCHEMA
        + "\", \"items\": {");
    for (int pos = 0; pos < order.size(); pos++) {
      Construct c = ITEMS.get(order.get(pos));
      String name = "item_" + pos;
      permutedColumns.add(new Variable(name, ValueKind.INTEGER, c.minAnswer(), c.maxAnswer(),
          List.of(), "", c.meaning()));
      json.append(pos > 0 ? ", " : "").append('"').append(c.key()).append("\": \"")
          .append(name).append('"');
    }
    InstrumentMapping mapping = InstrumentMapping.parse(json.append("}}").toString(), "gen");
    Cohort permuted = cohort(permutedRows, permutedColumns);

    Cohort a = CohortScorer.withDefaults().score(standard).cohort();
    Cohort b = CohortScorer.withDefaults().withMapping(mapping).score(permuted).cohort();
    for (ScoreGroup g : List.of(ScoreGroup.SBT, ScoreGroup.OMPSQ)) {
      for (Variable v : g.derived()) {
        assertThat(b.values(v.name())).as(v.name()).containsExactly(a.values(v.name()));
      }
    }
  }
}
