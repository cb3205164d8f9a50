package org.backstrat.analysis.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics against sklearn.metrics on the fixed predictions in metrics_sklearn.csv. */
class ClassificationMetricsTest {

  private static int[] ints(String s) {
    return Arrays.stream(s.split(" ")).mapToInt(Integer::parseInt).toArray();
  }

  @Test
  void metricsMatchScikitLearnOnFixedPredictions() {
    List<String> lines = SharedTestData.resourceLines("/reference/validation/metrics_sklearn.csv");
    assertThat(lines).hasSize(5);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      ClassificationMetrics m =
          ClassificationMetrics.of(ints(f[2]), ints(f[3]), Integer.parseInt(f[1]));
      assertThat(m.accuracy()).as(f[0]).isCloseTo(Double.parseDouble(f[4]), within(1e-12));
      assertThat(m.balancedAccuracy()).as(f[0]).isCloseTo(Double.parseDouble(f[5]), within(1e-12));
      assertThat(m.macroF1()).as(f[0]).isCloseTo(Double.parseDouble(f[6]), within(1e-12));
      String[] recall = f[7].split(" ");
      for (int c = 0; c < recall.length; c++) {
        if (recall[c].equals("nan")) {
          assertThat(m.recall()[c]).as(f[0] + " recall " + c).isNaN();
        } else {
          assertThat(m.recall()[c]).as(f[0] + " recall " + c)
              .isCloseTo(Double.parseDouble(recall[c]), within(1e-12));
        }
      }
    }
  }

  @Test
  void confusionMatrixCountsTrueByPredicted() {
    ClassificationMetrics m = ClassificationMetrics.of(new int[] {0, 0, 1, 2}, new int[] {0, 1, 1, 0}, 3);
    assertThat(m.confusion()).isDeepEqualTo(new long[][] {{1, 1, 0}, {0, 1, 0}, {1, 0, 0}});
  }
}
