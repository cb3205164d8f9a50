package org.backstrat.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the tests and adjustments that must hold for any input. */
class StatisticsProperties {

  /** Values with small integer ties and group labels 0..3, every group non-empty. */
  record Sample(double[] values, int[] groups) {
  }

  @Provide
  Arbitrary<Sample> samples() {
    return Arbitraries.integers().between(8, 60).flatMap(n -> Combinators.combine(
        Arbitraries.integers().between(-5, 5).array(int[].class).ofSize(n),
        Arbitraries.integers().between(0, 3).array(int[].class).ofSize(n)).as((v, g) -> {
          double[] d = new double[n];
          for (int i = 0; i < n; i++) {
            d[i] = v[i];
          }
          for (int j = 0; j < 4; j++) {
            g[j] = j; // every group has a member
          }
          return new Sample(d, g);
        }));
  }

  @Property(tries = 100)
  void kruskalWallisPIsAProbability(@ForAll("samples") Sample s) {
    KruskalWallis.Result r = KruskalWallis.withDefaults().test(s.values(), s.groups());
    if (!Double.isNaN(r.p())) {
      assertThat(r.p()).isBetween(0.0, 1.0);
      assertThat(r.epsilonSquared()).isBetween(0.0, 1.0 + 1e-12);
    }
  }

  @Property(tries = 100)
  void kruskalWallisIsInvariantToRelabellingGroups(@ForAll("samples") Sample s,
                                                   @ForAll @IntRange(min = 1, max = 3) int shift) {
    int[] relabelled = new int[s.groups().length];
    for (int i = 0; i < relabelled.length; i++) {
      relabelled[i] = 10 * ((s.groups()[i] + shift) % 4) + 7; // a permutation of the labels
    }
    KruskalWallis.Result a = KruskalWallis.withDefaults().test(s.values(), s.groups());
    KruskalWallis.Result b = KruskalWallis.withDefaults().test(s.values(), relabelled);
    assertThat(b.statistic()).isCloseTo(a.statistic(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(b.degreesOfFreedom()).isEqualTo(a.degreesOfFreedom());
  }

  @Property(tries = 100)
  void kruskalWallisIsInvariantToStrictlyIncreasingTransforms(@ForAll("samples") Sample s) {
    double[] transformed = new double[s.values().length];
    for (int i = 0; i < transformed.length; i++) {
      transformed[i] = Math.exp(s.values()[i]) * 3 - 100; // strictly increasing
    }
    KruskalWallis.Result a = KruskalWallis.withDefaults().test(s.values(), s.groups());
    KruskalWallis.Result b = KruskalWallis.withDefaults().test(transformed, s.groups());
    // Double.equals: NaN (all values equal) must stay NaN
    assertThat(Double.valueOf(b.statistic())).isEqualTo(Double.valueOf(a.statistic()));
    assertThat(Double.valueOf(b.p())).isEqualTo(Double.valueOf(a.p()));
  }

  @Property(tries = 100)
  void dunnPIsAProbabilityAndAntisymmetricInZ(@ForAll("samples") Sample s) {
    for (DunnTest.Comparison c : DunnTest.withDefaults().test(s.values(), s.groups()).comparisons()) {
      if (!Double.isNaN(c.p())) {
        assertThat(c.p()).isBetween(0.0, 1.0);
      }
    }
  }

  @Property(tries = 200)
  void adjustedPIsAtLeastRawAndAtMostOne(@ForAll("rawPValues") double[] raw,
                                         @ForAll PValueAdjustment method) {
    double[] p = probabilities(raw);
    double[] adj = method.adjust(p);
    for (int i = 0; i < p.length; i++) {
      assertThat(adj[i]).isGreaterThanOrEqualTo(p[i]).isLessThanOrEqualTo(1.0);
    }
  }

  @Property(tries = 200)
  void adjustedPIsMonotoneInRawP(@ForAll("rawPValues") double[] raw,
                                 @ForAll PValueAdjustment method) {
    double[] p = probabilities(raw);
    double[] adj = method.adjust(p);
    for (int i = 0; i < p.length; i++) {
      for (int j = 0; j < p.length; j++) {
        if (p[i] <= p[j]) {
          assertThat(adj[i]).isLessThanOrEqualTo(adj[j]);
        }
      }
    }
  }

  @Property(tries = 80)
  void fisherExactPIsAProbabilityAndEqualsFullEnumeration(
      @ForAll("smallCells") int[] cells,
      @ForAll @IntRange(min = 2, max = 3) int columns) {
    int rows = 9 / 3;
    long[][] t = new long[rows][columns];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        t[i][j] = cells[i * 3 + j];
      }
    }
    ContingencyTable table = ContingencyTable.of(t);
    if (!table.isTestable()) {
      return;
    }
    double p = FisherFreemanHalton.withDefaults().test(t).p();
    assertThat(p).isBetween(0.0, 1.0);
    assertThat(p).isCloseTo(BruteForceFisher.pValue(table.counts()),
        org.assertj.core.data.Offset.offset(1e-12 + 1e-9 * p));
  }

  @Property(tries = 100)
  void chiSquarePIsAProbability(@ForAll("largerCells") int[] cells) {
    long[][] t = {{cells[0], cells[1], cells[2]}, {cells[3], cells[4], cells[5]}};
    if (!ContingencyTable.of(t).isTestable()) {
      return;
    }
    ChiSquareIndependence.Result r = ChiSquareIndependence.withDefaults().test(t);
    assertThat(r.p()).isBetween(0.0, 1.0);
    assertThat(r.cramersV()).isBetween(0.0, 1.0 + 1e-12);
  }

  @Provide
  Arbitrary<double[]> rawPValues() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(0, 1),
        Arbitraries.of(0.0, 1.0, 0.05, 1e-30)).array(double[].class).ofMinSize(1).ofMaxSize(30);
  }

  @Provide
  Arbitrary<int[]> smallCells() {
    return Arbitraries.integers().between(0, 6).array(int[].class).ofSize(9);
  }

  @Provide
  Arbitrary<int[]> largerCells() {
    return Arbitraries.integers().between(0, 40).array(int[].class).ofSize(6);
  }

  @Provide
  Arbitrary<double[]> numbers() {
    return Arbitraries.doubles().between(-1e6, 1e6).array(double[].class).ofMinSize(1).ofMaxSize(40);
  }

  private static double[] probabilities(double[] raw) {
    double[] p = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      p[i] = raw[i];
    }
    return p;
  }

  @Property(tries = 50)
  void quantilesAreOrdered(@ForAll("numbers") double[] x) {
    NumericSummary s = NumericSummary.of(x);
    assertThat(s.q1()).isLessThanOrEqualTo(s.median());
    assertThat(s.median()).isLessThanOrEqualTo(s.q3());
  }
}
