package org.backstrat.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backstrat.analysis.stats.Tolerance.EXACT_ARITHMETIC;
import static org.backstrat.analysis.stats.Tolerance.P_VALUE;
import static org.backstrat.analysis.stats.Tolerance.assertRelative;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Kruskal–Wallis and Dunn against R's kruskal.test and the textbook Dunn formula in R. */
class KruskalWallisReferenceTest {

  static List<ReferenceTable.Row> kruskal() {
    return ReferenceTable.read("kruskal.csv");
  }

  static List<ReferenceTable.Row> dunn() {
    return ReferenceTable.read("dunn.csv");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kruskal")
  void kruskalWallisMatchesR(ReferenceTable.Row row) {
    KruskalWallis.Result r = KruskalWallis.withDefaults()
        .test(row.numbers("values"), row.integers("groups"));
    assertRelative("H", r.statistic(), row.number("statistic"), EXACT_ARITHMETIC);
    assertThat(r.degreesOfFreedom()).isEqualTo((int) row.number("df"));
    assertRelative("p", r.p(), row.number("p"), P_VALUE);
    assertRelative("epsilon^2", r.epsilonSquared(), row.number("epsilon_squared"), EXACT_ARITHMETIC);
  }

  @ParameterizedTest(name = "{0} {3}-{4}")
  @MethodSource("dunn")
  void dunnMatchesTextbookFormulaInR(ReferenceTable.Row row) {
    DunnTest.Result r = DunnTest.withDefaults().test(row.numbers("values"), row.integers("groups"));
    int a = (int) row.number("g1");
    int b = (int) row.number("g2");
    DunnTest.Comparison c = r.comparisons().stream()
        .filter(x -> x.groupA() == a && x.groupB() == b).findFirst().orElseThrow();
    assertRelative("z", c.z(), row.number("z"), EXACT_ARITHMETIC);
    assertRelative("p", c.p(), row.number("p"), P_VALUE);
  }
}
