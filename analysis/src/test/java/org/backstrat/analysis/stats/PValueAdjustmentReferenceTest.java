package org.backstrat.analysis.stats;

import static org.backstrat.analysis.stats.Tolerance.assertRelative;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Holm, Benjamini–Hochberg and Bonferroni against R's p.adjust (ties, NA, capping). */
class PValueAdjustmentReferenceTest {

  static List<ReferenceTable.Row> padjust() {
    return ReferenceTable.read("padjust.csv");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("padjust")
  void adjustmentMatchesRPAdjust(ReferenceTable.Row row) {
    PValueAdjustment method = switch (row.text("method")) {
      case "holm" -> PValueAdjustment.HOLM;
      case "BH" -> PValueAdjustment.BENJAMINI_HOCHBERG;
      case "bonferroni" -> PValueAdjustment.BONFERRONI;
      default -> throw new IllegalArgumentException(row.text("method"));
    };
    double[] adjusted = method.adjust(row.numbers("p"));
    double[] expected = row.numbers("adjusted");
    for (int i = 0; i < expected.length; i++) {
      assertRelative(row + " [" + i + "]", adjusted[i], expected[i], 1e-12);
    }
  }
}
