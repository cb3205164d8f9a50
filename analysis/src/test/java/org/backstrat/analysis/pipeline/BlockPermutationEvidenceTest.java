package org.backstrat.analysis.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.analysis.evidence.BlockPermutationTest;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortReader;
import org.backstrat.core.io.TableReader;
import org.backstrat.core.scoring.CohortScorer;
import org.backstrat.core.synth.CohortSynthesizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The block-permutation test tells planted cross-domain strata from a cohort whose data
 * domains were shuffled independently across people (every domain's own distribution kept,
 * no stratum linking them): the acceptance test.
 */
class BlockPermutationEvidenceTest {

  static String csv;

  @BeforeAll
  static void synthesise() throws Exception {
    StringWriter w = new StringWriter();
    CohortSynthesizer.withDefaults().writeCsv(w, 1000, 7);
    csv = w.toString();
  }

  static Cohort scored(String text) {
    Cohort c = CohortReader.withDefaults().check(TableReader.readText("synthetic.csv",
        text.getBytes(StandardCharsets.UTF_8))).orThrow();
    return CohortScorer.withDefaults().score(c).cohort();
  }

  /**
   * The table with each domain's columns (questionnaires, imaging, BMI, smoking, sex) moved
   * together to its own random order of the rows; ids, age, outcomes and the rest stay.
   */
  static String shuffleDomains(String text, long seed) {
    List<String> lines = text.lines().toList();
    String[] header = lines.get(0).split(",", -1);
    List<String[]> rows = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      rows.add(l.split(",", -1));
    }
    List<List<Integer>> domains = new ArrayList<>();
    String[][] prefixes = {{"sbt_", "ompsq_"}, {"pfirrmann_", "facet_angle_"}, {"bmi"},
        {"smoking"}, {"sex"}};
    for (String[] pre : prefixes) {
      List<Integer> cols = new ArrayList<>();
      for (int j = 0; j < header.length; j++) {
        for (String p : pre) {
          if (header[j].startsWith(p)) {
            cols.add(j);
          }
        }
      }
      assertThat(cols).isNotEmpty();
      domains.add(cols);
    }
    SplittableRandom r = new SplittableRandom(seed);
    int n = rows.size();
    String[][] out = new String[n][];
    for (int i = 0; i < n; i++) {
      out[i] = rows.get(i).clone();
    }
    for (List<Integer> d : domains) {
      int[] order = org.backstrat.analysis.evidence.Shuffle.permutation(n, r);
      for (int i = 0; i < n; i++) {
        for (int c : d) {
          out[i][c] = rows.get(order[i])[c];
        }
      }
    }
    StringBuilder b = new StringBuilder(lines.get(0)).append('\n');
    for (String[] row : out) {
      b.append(String.join(",", row)).append('\n');
    }
    return b.toString();
  }

  /**
   * The sbt variant alone: the test reads only the first variant, whose random streams do not
   * depend on which other variants run, so the ompsq variant's 199 permutations were wasted.
   */
  static AnalysisConfig config() {
    return AnalysisConfig.builder().restarts(10).stabilityResamples(0).gapReferences(0).k(3)
        .repeats(1).dcaBootstrap(0).permutations(199)
        .variants(AnalysisConfig.defaults().variants().subList(0, 1)).build();
  }

  static BlockPermutationTest.Result test(Cohort c) {
    VariantAnalysis v = StratificationAnalysis.of(config()).withThreads(2).run(c).variants().get(0);
    return v.evidence().blockPermutation().orElseThrow();
  }

  @Test
  void plantedStrataAreSignificantAndIndependentlyShuffledDomainsAreNot() {
    BlockPermutationTest.Result planted = test(scored(csv));
    assertThat(planted.permutations()).isEqualTo(199);
    assertThat(planted.pValue()).isLessThan(0.01);
    // under the null hypothesis p is uniform: shuffles 1, 2 and 3 of this cohort give 0.70,
    // 0.32 and 0.015, so a shuffled cohort is "not significant" 19 times in 20, not always
    BlockPermutationTest.Result shuffled = test(scored(shuffleDomains(csv, 1)));
    assertThat(shuffled.pValue()).isGreaterThanOrEqualTo(0.05);
    assertThat(shuffled.domains()).hasSize(5);
    long atLeast = java.util.Arrays.stream(shuffled.permuted())
        .filter(x -> x >= shuffled.observed()).count();
    assertThat(shuffled.pValue()).isEqualTo((1.0 + atLeast) / (1.0 + shuffled.permutations()));
  }
}
