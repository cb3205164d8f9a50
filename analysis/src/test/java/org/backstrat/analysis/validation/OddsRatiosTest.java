package org.backstrat.analysis.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Odds ratios per SD with bootstrap percentile intervals against R glmnet refitted on the same
 * resamples (reference/validation/glmnet_odds_ratios.R).
 */
class OddsRatiosTest {

  private static final String[] CLASSES = {"DH", "SL", "NO"};

  @Test
  void oddsRatiosAndBootstrapPercentileIntervalsMatchGlmnetOnTheSameResamples() {
    var d = SharedTestData.vertebral3c();
    List<String> lines = SharedTestData.resourceLines("/reference/validation/odds_ratio_resamples.csv");
    int[][] resamples = new int[lines.size()][];
    for (int b = 0; b < resamples.length; b++) {
      String[] f = lines.get(b).split(",");
      resamples[b] = new int[f.length];
      for (int i = 0; i < f.length; i++) {
        resamples[b][i] = Integer.parseInt(f[i].trim()) - 1;
      }
    }
    MultinomialRidgeModel model = MultinomialRidgeTrainer.fixed(0.01).train(d.features(), d.classes(), 3);
    OddsRatios.Result r = OddsRatios.of(model, d.features(), d.classes(), 0, resamples, 0.95);
    assertThat(r.replicates()).isEqualTo(40);
    assertThat(r.nonConvergedReplicates()).isZero();
    List<String> ref = SharedTestData.resourceLines("/reference/validation/glmnet_odds_ratios.csv");
    assertThat(r.entries()).hasSize(ref.size() - 1);
    for (int e = 0; e < r.entries().size(); e++) {
      String[] f = ref.get(e + 1).replace("\"", "").split(",");
      OddsRatios.Entry entry = r.entries().get(e);
      assertThat(CLASSES[entry.stratum()]).isEqualTo(f[0]);
      assertThat("V" + (entry.feature() + 1)).isEqualTo(f[1]);
      assertThat(entry.logOddsRatio()).as(f[0] + f[1]).isCloseTo(Double.parseDouble(f[2]), within(1e-6));
      assertThat(entry.lower()).as(f[0] + f[1] + " lower").isCloseTo(Double.parseDouble(f[3]), within(1e-6));
      assertThat(entry.upper()).as(f[0] + f[1] + " upper").isCloseTo(Double.parseDouble(f[4]), within(1e-6));
      assertThat(entry.oddsRatioLower()).isLessThanOrEqualTo(entry.oddsRatioUpper());
    }
  }

  @Test
  void bootstrapRefitsOnSeveralThreadsGiveTheSameIntervalsAsOneThread() {
    var d = SharedTestData.vertebral3c();
    MultinomialRidgeModel model = MultinomialRidgeTrainer.fixed(0.01).train(d.features(), d.classes(), 3);
    int[][] resamples = OddsRatios.stratifiedResamples(d.classes(), 3, 24, 9L);
    OddsRatios.Result one = OddsRatios.of(model, d.features(), d.classes(), 0, resamples, 0.95, 1);
    OddsRatios.Result four = OddsRatios.of(model, d.features(), d.classes(), 0, resamples, 0.95, 4);
    assertThat(four).isEqualTo(one);
    assertThat(four.entries()).isEqualTo(one.entries());
  }

  @Test
  void stratifiedResamplesKeepEveryStratumsSizeAndAreReproducible() {
    int[] classes = {0, 0, 0, 1, 1, 2, 2, 2, 2};
    int[][] a = OddsRatios.stratifiedResamples(classes, 3, 5, 42L);
    assertThat(a).isDeepEqualTo(OddsRatios.stratifiedResamples(classes, 3, 5, 42L));
    for (int[] rows : a) {
      int[] count = new int[3];
      for (int i : rows) {
        count[classes[i]]++;
      }
      assertThat(count).containsExactly(3, 2, 4);
    }
  }

  @Test
  void referenceOutsideTheStrataIsRefused() {
    var d = SharedTestData.vertebral3c();
    MultinomialRidgeModel model = MultinomialRidgeTrainer.fixed(0.1).train(d.features(), d.classes(), 3);
    assertThatThrownBy(() -> OddsRatios.of(model, d.features(), d.classes(), 3,
        new int[][] {{0}}, 0.95)).hasMessageContaining("reference stratum 3");
  }
}
