package org.backstrat.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.analysis.pipeline.StratificationAnalysis;
import org.backstrat.analysis.pipeline.StratificationResult;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortReader;
import org.backstrat.core.io.TableReader;
import org.backstrat.core.scoring.CohortScorer;
import org.backstrat.core.synth.CohortSynthesizer;
import org.backstrat.report.model.Addition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's acceptance test carried through to what a reader sees: a cohort whose data
 * domains were shuffled independently across people gets block_permutation_p >= 0.05 in
 * summary.json and a report that says the strata are not supported, while the planted strata of
 * the synthetic cohort get p < 0.01 and "supported".
 */
@Tag("slow")
class BlockPermutationReportTest {

  private static Cohort scored(String text) {
    Cohort c = CohortReader.withDefaults().check(TableReader.readText("synthetic.csv",
        text.getBytes(StandardCharsets.UTF_8))).orThrow();
    return CohortScorer.withDefaults().score(c).cohort();
  }

  /** Each domain's columns moved together to its own random order of the rows. */
  private static String shuffleDomains(String text, long seed) {
    List<String> lines = text.lines().toList();
    String[] header = lines.get(0).split(",", -1);
    List<String[]> rows = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      rows.add(l.split(",", -1));
    }
    String[][] prefixes = {{"sbt_", "ompsq_"}, {"pfirrmann_", "facet_angle_"}, {"bmi"},
        {"smoking"}, {"sex"}};
    SplittableRandom r = new SplittableRandom(seed);
    int n = rows.size();
    String[][] out = new String[n][];
    for (int i = 0; i < n; i++) {
      out[i] = rows.get(i).clone();
    }
    for (String[] pre : prefixes) {
      int[] order = org.backstrat.analysis.evidence.Shuffle.permutation(n, r);
      for (int j = 0; j < header.length; j++) {
        for (String p : pre) {
          if (header[j].startsWith(p)) {
            for (int i = 0; i < n; i++) {
              out[i][j] = rows.get(order[i])[j];
            }
          }
        }
      }
    }
    StringBuilder b = new StringBuilder(lines.get(0)).append('\n');
    for (String[] row : out) {
      b.append(String.join(",", row)).append('\n');
    }
    return b.toString();
  }

  private static StratificationResult analyse(Cohort c) {
    AnalysisConfig config = AnalysisConfig.builder().restarts(10).stabilityResamples(0)
        .gapReferences(0).k(3).repeats(1).dcaBootstrap(0).permutations(199)
        // sbt alone: only its results are read, and they do not depend on the other variants
        .variants(AnalysisConfig.defaults().variants().subList(0, 1)).build();
    return StratificationAnalysis.of(config).withThreads(2).run(c);
  }

  private static String validationText(StratificationResult r) {
    StringBuilder b = new StringBuilder();
    for (Addition a : EvidenceReport.additions(r, r.variants().get(0))) {
      if (a.section().equals("validation") && a.text() != null) {
        b.append(a.text()).append('\n');
      }
    }
    return b.toString();
  }

  @Test
  void shuffledDomainsAreReportedNotSupportedAndPlantedStrataSupported() throws Exception {
    StringWriter w = new StringWriter();
    CohortSynthesizer.withDefaults().writeCsv(w, 1000, 7);
    String csv = w.toString();

    StratificationResult planted = analyse(scored(csv));
    JsonNode p = AnalysisWriter.summary(planted).at("/variants/sbt");
    assertThat(p.get("block_permutation_p").asDouble()).isLessThan(0.01);
    assertThat(p.at("/block_permutation/supported").asBoolean()).isTrue();
    assertThat(validationText(planted)).contains("The strata are supported");

    StratificationResult shuffled = analyse(scored(shuffleDomains(csv, 1)));
    JsonNode s = AnalysisWriter.summary(shuffled).at("/variants/sbt");
    assertThat(s.get("block_permutation_p").asDouble()).isGreaterThanOrEqualTo(0.05);
    assertThat(s.at("/block_permutation/supported").asBoolean()).isFalse();
    assertThat(validationText(shuffled)).contains("The strata are not supported")
        .doesNotContain("The strata are supported");
  }
}
