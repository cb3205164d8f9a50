package org.backstrat.analysis.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.analysis.validation.MultinomialLogisticModel;
import org.backstrat.analysis.validation.MultinomialLogisticTrainer;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.model.FallbackModel;
import org.backstrat.model.Placement;
import org.backstrat.model.Stratum;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fallback stage fits, for each variant, the model that places people without imaging:
 * on the kept people, from the variant's features less its imaging, with the same repeated
 * cross-validation as the validation stage, deterministic for any thread count.
 */
class FallbackStageTest {
  static Cohort scored;
  /** One analysis on one thread, shared by the tests (each used to run its own). */
  static StratificationResult oneThread;

  @BeforeAll
  static void cohort() throws Exception {
    scored = StratificationAnalysisTest.scoredSynthetic(500, 5);
    oneThread = StratificationAnalysis.of(config()).withThreads(1).run(scored);
  }

  private static AnalysisConfig config() {
    return StratificationAnalysisTest.quick().k(3).build();
  }

  @Test
  void eachVariantGetsAFallbackWithoutItsImagingFeatures() {
    StratificationResult r = oneThread;
    for (VariantAnalysis v : r.variants()) {
      FallbackModel f = v.fallbackFit().model().orElseThrow();
      List<String> expected = v.features().columns().stream()
          .filter(c -> !v.config().imaging().contains(c)).toList();
      assertThat(f.columns()).containsExactlyElementsOf(expected).doesNotContain("dd_sum",
          "ft_max");
      int kept = v.nClustered() - v.nOutliers();
      assertThat(f.nTrained()).isEqualTo(kept);
      long pooled = Arrays.stream(v.fallbackFit().validation().orElseThrow().pooledConfusion())
          .flatMapToLong(Arrays::stream).sum();
      assertThat(pooled).isEqualTo((long) kept * 2);
      assertThat(f.accuracyMean()).isBetween(0.0, 1.0)
          .isEqualTo(v.fallbackFit().validation().get().accuracyMean());
      assertThat(f.status()).isEqualTo("converged");
    }
    assertThat(r.freeze(org.backstrat.core.scoring.ScoringOptions.withDefaults(),
        new org.backstrat.model.InputTable("x.csv", "0".repeat(64), scored.size()),
        java.time.Instant.EPOCH).variants()).allMatch(v -> v.fallback().isPresent());
  }

  @Test
  void theStoredCoefficientsAreTheRidgeFitOnTheZScoredKeptPeople() {
    VariantAnalysis v = oneThread.variants().get(0);
    FallbackModel f = v.fallbackFit().model().orElseThrow();
    int[] cols = v.input().columnsOf(f.featureNames());
    double[][] enc = v.features().matrix();
    int[] kept = v.strataFit().kept();
    double[][] z = new double[kept.length][cols.length];
    for (int j = 0; j < cols.length; j++) {
      double mean = 0;
      for (int i : kept) {
        mean += enc[i][cols[j]];
      }
      mean /= kept.length;
      double ss = 0;
      for (int i : kept) {
        ss += (enc[i][cols[j]] - mean) * (enc[i][cols[j]] - mean);
      }
      double sd = Math.sqrt(ss / kept.length);
      assertThat(f.mean()[j]).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(f.sd()[j]).isCloseTo(sd, org.assertj.core.api.Assertions.within(1e-9));
      for (int r = 0; r < kept.length; r++) {
        z[r][j] = (enc[kept[r]][cols[j]] - mean) / sd;
      }
    }
    MultinomialLogisticModel m = MultinomialLogisticTrainer.withDefaults()
        .withL2Lambda(FallbackStage.DEFAULT_L2).train(z, v.strataFit().keptStrata(), v.k());
    double[][] expected = m.coefficients();
    double[][] got = f.coefficients();
    for (int k = 0; k < expected.length; k++) {
      for (int j = 0; j < expected[k].length; j++) {
        assertThat(got[k][j]).isCloseTo(expected[k][j],
            org.assertj.core.api.Assertions.within(1e-8));
      }
    }
    // placing the kept people with the frozen fallback agrees with their strata about as often
    // as cross-validation says (in-sample, so at least as often minus a margin)
    List<Stratum> strata = v.strata().stream().map(s -> new Stratum(s.id(), s.label())).toList();
    int agree = 0;
    for (int r = 0; r < kept.length; r++) {
      double[] x = new double[cols.length];
      for (int j = 0; j < cols.length; j++) {
        x[j] = enc[kept[r]][cols[j]];
      }
      Placement p = f.place(x, strata);
      agree += p.stratum().id() - 1 == v.strataFit().keptStrata()[r] ? 1 : 0;
    }
    assertThat((double) agree / kept.length).isGreaterThan(f.accuracyMean() - 0.05);
  }

  @Test
  void theFallbackIsTheSameWhateverTheThreadCount() {
    FallbackModel one = oneThread.variants().get(1).fallbackFit().model().orElseThrow();
    FallbackModel three = StratificationAnalysis.of(config()).withThreads(3).run(scored)
        .variants().get(1).fallbackFit().model().orElseThrow();
    assertThat(three).isEqualTo(one);
  }
}
