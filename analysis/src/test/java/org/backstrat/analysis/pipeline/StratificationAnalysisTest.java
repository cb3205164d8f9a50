package org.backstrat.analysis.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.analysis.result.StratumProfile;
import org.backstrat.core.BadInputException;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortReader;
import org.backstrat.core.cohort.Variable;
import org.backstrat.core.io.TableReader;
import org.backstrat.core.scoring.CohortScorer;
import org.backstrat.core.synth.CohortSynthesizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StratificationAnalysisTest {

  static Cohort scored;

  @BeforeAll
  static void cohort() throws Exception {
    scored = scoredSynthetic(600, 11);
  }

  static Cohort scoredSynthetic(int n, long seed) throws Exception {
    StringWriter w = new StringWriter();
    CohortSynthesizer.withDefaults().writeCsv(w, n, seed);
    Cohort c = CohortReader.withDefaults().check(TableReader.readText("synthetic.csv",
        w.toString().getBytes(StandardCharsets.UTF_8))).orThrow();
    return CohortScorer.withDefaults().score(c).cohort();
  }

  /**
   * Quick settings so the test stays fast; the defaults are exercised by the CLI tests. The
   * block-permutation test is off (its default 199 permutations re-cluster the cohort 199 times
   * per variant and were most of this class's time); {@link BlockPermutationEvidenceTest} and
   * the report's tests check it.
   */
  static AnalysisConfig.Builder quick() {
    return AnalysisConfig.builder().restarts(5).stabilityResamples(5).gapReferences(3)
        .kRange(2, 4).repeats(2).dcaBootstrap(20).permutations(0);
  }

  /**
   * The first (sbt) variant, analysed alone: its random streams come from the seed, not from
   * which variants run, so this is the sbt variant of a whole run at half the cost.
   */
  static VariantAnalysis firstVariant(AnalysisConfig c, int threads) {
    AnalysisConfig sbt = c.toBuilder().variants(c.variants().subList(0, 1)).build();
    return StratificationAnalysis.of(sbt).withThreads(threads).run(scored).variants().get(0);
  }

  @Test
  void everyVariantIsAnalysedWithConsistentCounts() throws Exception {
    StratificationResult r = StratificationAnalysis.of(quick().build()).run(scored);
    assertThat(r.variants()).extracting(VariantAnalysis::name).containsExactly("sbt", "ompsq");
    for (VariantAnalysis v : r.variants()) {
      assertThat(v.nClustered() + v.features().excludedTotal()).isEqualTo(scored.size());
      int kept = v.nClustered() - v.nOutliers();
      assertThat(v.strata().stream().mapToInt(StratumProfile::size).sum()).isEqualTo(kept);
      assertThat(v.k()).isBetween(2, 4);
      assertThat(v.strata()).hasSize(v.k());
      assertThat(v.tests()).isNotEmpty().allSatisfy(t -> {
        assertThat(t.pAdjusted()).isGreaterThanOrEqualTo(t.p());
        assertThat(t.n()).isLessThanOrEqualTo(kept);
      });
      long pooled = Arrays.stream(v.validation().pooledConfusion())
          .flatMapToLong(Arrays::stream).sum();
      assertThat(pooled).isEqualTo((long) kept * 2); // every kept person once per repeat
      assertThat(v.dca()).isPresent();
      assertThat(v.dca().get().curves().n()).isEqualTo(v.dcaPeople());
    }
  }

  @Test
  void sameSeedGivesTheSameStrataWhateverTheThreadCount() throws Exception {
    AnalysisConfig c = quick().build();
    VariantAnalysis one = firstVariant(c, 1);
    VariantAnalysis two = firstVariant(c, 3);
    assertThat(two.labels()).containsExactly(one.labels());
    assertThat(two.validation().accuracyMean()).isEqualTo(one.validation().accuracyMean());
    assertThat(two.tests()).isEqualTo(one.tests());
  }

  @Test
  void theStagesRunOneByOneGiveWhatRunVariantGives() {
    AnalysisConfig c = quick().build();
    VariantAnalysis whole = StratificationAnalysis.of(c).withThreads(2)
        .runVariant(scored, c.variants().get(0));
    VariantContext ctx = new VariantContext(c, c.variants().get(0), scored,
        org.backstrat.core.Progress.NONE, 2);
    VariantFeatures features = FeatureStage.run(ctx);
    KChoice choice = KSelectionStage.run(ctx, features);
    StrataFit fit = FitStage.run(ctx, features, choice);
    Characterisation characterisation = CharacteriseStage.run(ctx, features, fit);
    StrataValidation validation = ValidationStage.run(ctx, features, fit);
    DecisionCurveOutcome curves = DecisionCurveStage.run(ctx, fit);
    assertThat(fit.labels()).containsExactly(whole.labels());
    assertThat(fit.kept()).hasSize(whole.nClustered() - whole.nOutliers());
    assertThat(characterisation.tests()).isEqualTo(whole.tests());
    assertThat(characterisation.profiles()).isEqualTo(whole.strata());
    assertThat(validation.allFeatures().accuracyMean())
        .isEqualTo(whole.validation().accuracyMean());
    assertThat(curves.people()).isEqualTo(whole.dcaPeople());
    assertThat(ctx.notes()).isEqualTo(whole.notes());
  }

  @Test
  void fixedKIsUsed() throws Exception {
    StratificationResult r = StratificationAnalysis.of(quick().k(3).build()).run(scored);
    assertThat(r.variants()).allSatisfy(v -> {
      assertThat(v.k()).isEqualTo(3);
      assertThat(v.selection().fixedByUser()).isTrue();
    });
  }

  @Test
  void largeCohortChoosesKOnASubsampleAndAssignsEveryoneDeterministically() throws Exception {
    AnalysisConfig c = quick().selectionSample(200).cvSample(300).build();
    VariantAnalysis one = firstVariant(c, 1);
    VariantAnalysis two = firstVariant(c, 2);
    int n = one.nClustered();
    assertThat(n).isGreaterThan(200);
    // the table was computed on 200 people; the chosen K alone was fitted on everyone
    for (int q = 0; q < one.selection().rows().size(); q++) {
      int fitted = one.selection().models().get(q).fit().labels().length;
      boolean chosen = one.selection().rows().get(q).k() == one.k();
      assertThat(fitted).isEqualTo(chosen ? n : 200);
    }
    assertThat(one.labels()).hasSize(n);
    assertThat(one.model().fit().labels()).hasSize(n);
    assertThat(one.notes()).anyMatch(t -> t.contains("selection_sample = 200"))
        .anyMatch(t -> t.contains("cv_sample = 300"));
    long pooled = Arrays.stream(one.validation().pooledConfusion())
        .flatMapToLong(Arrays::stream).sum();
    int kept = n - one.nOutliers();
    assertThat(pooled).isLessThan((long) kept * 2).isBetween(2L * 300 - 20, 2L * 300 + 20);
    assertThat(two.labels()).containsExactly(one.labels());
    assertThat(two.selection().rows()).usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(one.selection().rows());
    assertThat(two.validation().accuracyMean()).isEqualTo(one.validation().accuracyMean());
  }

  @Test
  void subsampleAtLeastTheCohortLeavesTheAnalysisUnchanged() throws Exception {
    int threads = Runtime.getRuntime().availableProcessors();
    VariantAnalysis everyone = firstVariant(quick().selectionSample(0).cvSample(0).build(),
        threads);
    VariantAnalysis large = firstVariant(quick().selectionSample(600).cvSample(600).build(),
        threads);
    assertThat(large.labels()).containsExactly(everyone.labels());
    assertThat(large.selection().rows()).usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(everyone.selection().rows());
    assertThat(large.validation().accuracyMean()).isEqualTo(everyone.validation().accuracyMean());
    assertThat(large.notes()).isEqualTo(everyone.notes());
  }

  @Test
  void constantOutcomeIsAClearError() throws Exception {
    double[] zeros = new double[scored.size()];
    Variable outcome = scored.variable("lbp_bothersome_frequent").orElseThrow();
    Cohort constant = scored.withColumn(outcome, zeros);
    assertThatThrownBy(() -> StratificationAnalysis.of(quick().build()).run(constant))
        .isInstanceOf(BadInputException.class).hasMessageContaining("lbp_bothersome_frequent");
  }

  @Test
  void variantWhoseFeaturesAreAllMissingIsAClearError() throws Exception {
    double[] missing = new double[scored.size()];
    Arrays.fill(missing, Double.NaN);
    Cohort noDd = scored.withColumn(scored.variable("dd_sum").orElseThrow(), missing);
    assertThatThrownBy(() -> StratificationAnalysis.of(quick().build()).run(noDd))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("only 0 people have every feature")
        .hasMessageContaining("dd_sum");
  }

  @Test
  void kLargerThanThePeopleLeftIsAClearError() throws Exception {
    Cohort few = scored.select(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    assertThatThrownBy(() -> StratificationAnalysis.of(quick().k(6).build()).run(few))
        .isInstanceOf(BadInputException.class).hasMessageContaining("expected at least");
  }

  @Test
  void variantWithoutItsColumnsIsSkippedWithAReason() throws Exception {
    Cohort c = Cohort.of("x.csv", scored.ids());
    for (Variable v : scored.variables()) {
      if (!v.name().startsWith("ompsq") && !v.name().equals("id")
          && v.kind() != org.backstrat.core.cohort.ValueKind.TEXT) {
        c = c.withColumn(v, scored.values(v.name()));
      }
    }
    StratificationResult r = StratificationAnalysis.of(quick().build()).run(c);
    assertThat(r.variants()).extracting(VariantAnalysis::name).containsExactly("sbt");
    assertThat(r.skippedVariants()).singleElement().asString().startsWith("ompsq:");
  }

  @Test
  void miceClustersEveryImputedSetAndPoolsTheStrataByConsensus() throws Exception {
    double[] bmi = scored.values("bmi").clone();
    for (int i = 0; i < bmi.length; i += 9) {
      bmi[i] = Double.NaN; // 67 of 600 without BMI
    }
    Cohort gappy = scored.withColumn(scored.variable("bmi").orElseThrow(), bmi);
    AnalysisConfig mice = quick().k(3).missing("mice").build();
    assertThat(mice.imputations()).isEqualTo(5);
    VariantAnalysis v = StratificationAnalysis.of(mice).run(gappy).variants().get(0);
    assertThat(v.nClustered()).isEqualTo(600);
    assertThat(v.input().imputedSets()).hasSize(5);
    for (double[][] set : v.input().imputedSets()) {
      for (double[] row : set) {
        assertThat(row).doesNotContain(Double.NaN);
      }
    }
    assertThat(v.notes()).anyMatch(n -> n.contains("consensus over m = 5 imputed sets"));
    assertThat(java.util.Arrays.stream(v.labels()).boxed().toList())
        .allSatisfy(l -> assertThat(l).isBetween(0, 2));
    AnalysisConfig same = quick().k(3).missing("mice").build();
    assertThat(StratificationAnalysis.of(same).run(gappy).variants().get(0).labels())
        .isEqualTo(v.labels());
  }

  @Test
  void theNumberOfImputedSetsIsBounded() {
    assertThat(quick().missing("mice:20").build().imputations()).isEqualTo(20);
    assertThatThrownBy(() -> quick().missing("mice:2").build())
        .hasMessageContaining("mice:M with M from 5 to 100");
  }
}
