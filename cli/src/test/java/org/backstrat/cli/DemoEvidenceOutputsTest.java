package org.backstrat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's "done when" on the demo's outputs: every piece of evidence (separation counted,
 * prediction strength, split-half ARI, Table 1, strata sentences, calibration, forest plot, the
 * decision-curve comparison, the paper's figures beside ours) is in all three of report.html,
 * summary.json and tables/, and the validation's fits converge. Structural checks, not byte
 * comparisons.
 */
@Tag("slow")
class DemoEvidenceOutputsTest {

  private static final List<String> VARIANTS = List.of("sbt", "ompsq");

  static Path out;
  static JsonNode summary;
  static String html;

  @BeforeAll
  static void runDemo() throws Exception {
    out = SharedDemo.output();
    summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    // the report's text with its entities undone, so sentences compare as written
    html = Files.readString(out.resolve("report.html")).replace("&#39;", "'")
        .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private static JsonNode variant(String v) {
    return summary.at("/variants/" + v);
  }

  private static String table(String v, String what) throws Exception {
    Path p = out.resolve("tables").resolve(v + "_" + what + ".csv");
    assertThat(p).as(p.toString()).exists();
    return Files.readString(p);
  }

  @Test
  void validationFitsConvergeAndSeparationIsCountedAndShown() {
    for (String v : VARIANTS) {
      JsonNode val = variant(v).get("validation");
      assertThat(val.get("non_converged_fits").asInt()).as(v).isZero();
      int separated = val.get("complete_separation_fits").asInt()
          + val.get("quasi_separation_fits").asInt();
      assertThat(separated).as(v).isPositive();
      assertThat(html).contains("of " + (val.get("folds").asInt() * val.get("repeats").asInt())
          + " training folds, " + val.get("complete_separation_fits").asInt()
          + " were completely");
    }
    assertThat(html).contains("near-circular");
  }

  @Test
  void predictionStrengthAndSplitHalfAriAreInAllThreeOutputs() throws Exception {
    for (String v : VARIANTS) {
      JsonNode ps = variant(v).get("prediction_strength");
      assertThat(ps.size()).isPositive();
      assertThat(ps.get(0).has("prediction_strength")).isTrue();
      assertThat(ps.get(0).has("split_half_ari")).isTrue();
      assertThat(table(v, "prediction_strength")).startsWith("k,prediction_strength,split_half_ari");
    }
    assertThat(html).contains("Prediction strength").contains("Split-half ARI");
  }

  @Test
  void tableOneIsInAllThreeOutputsWithClusteringVariablesMarkedDescriptiveAndUnstarred()
      throws Exception {
    for (String v : VARIANTS) {
      JsonNode t1 = variant(v).get("table1");
      assertThat(t1.get("columns").get(0).get("name").asText()).isEqualTo("Overall");
      List<String> descriptive = new ArrayList<>();
      for (JsonNode r : t1.get("rows")) {
        if (r.path("note").asText().equals("descriptive (used for clustering)")) {
          descriptive.add(r.get("variable").asText());
        }
      }
      List<String> features = new ArrayList<>();
      variant(v).get("features").forEach(f -> features.add(f.asText()));
      assertThat(descriptive).containsExactlyInAnyOrderElementsOf(features);
      String csv = table(v, "table1");
      assertThat(csv).contains("descriptive (used for clustering)").contains("median [Q1, Q3]")
          .contains("n (%)");
    }
    assertThat(html).contains("Table 1 by stratum").doesNotContain("*</td>");
  }

  @Test
  void strataSentencesAndTheNamingRuleAreInAllThreeOutputsWithoutDuplicateNames()
      throws Exception {
    assertThat(summary.get("naming_rule").asText()).contains("unique");
    assertThat(html).contains(summary.get("naming_rule").asText());
    for (String v : VARIANTS) {
      JsonNode sentences = variant(v).get("strata_sentences");
      assertThat(sentences.size()).isEqualTo(variant(v).get("k").asInt());
      List<String> names = new ArrayList<>();
      for (JsonNode c : variant(v).get("clusters")) {
        names.add(c.get("label").asText());
      }
      assertThat(names).doesNotHaveDuplicates();
      String strata = table(v, "strata_in_words");
      for (JsonNode s : sentences) {
        assertThat(html).contains(s.asText());
        assertThat(strata).contains(s.asText());
      }
    }
  }

  @Test
  void calibrationIsInAllThreeOutputs() throws Exception {
    for (String v : VARIANTS) {
      JsonNode cal = variant(v).get("calibration");
      assertThat(cal.size()).isEqualTo(variant(v).get("k").asInt());
      assertThat(cal.get(0).has("slope")).isTrue();
      assertThat(table(v, "calibration")).startsWith("stratum,group,mean_predicted,observed");
    }
    assertThat(html).contains("id=\"calibration-sbt\"");
  }

  @Test
  void forestPlotOfOddsRatiosIsInAllThreeOutputs() throws Exception {
    for (String v : VARIANTS) {
      JsonNode or = variant(v).get("odds_ratios");
      int k = variant(v).get("k").asInt();
      int p = variant(v).get("features").size();
      assertThat(or.get("estimates").size()).isEqualTo((k - 1) * p);
      assertThat(or.get("replicates").asInt()).isPositive();
      for (JsonNode e : or.get("estimates")) {
        double lo = e.get("ci_lower").asDouble();
        double hi = e.get("ci_upper").asDouble();
        assertThat(lo).as(v + " " + e).isLessThanOrEqualTo(hi);
      }
      String csv = table(v, "odds_ratios");
      assertThat(csv).startsWith("stratum,reference,feature,odds_ratio,ci_lower,ci_upper");
      assertThat(csv.lines().count()).isEqualTo(1 + (long) (k - 1) * p);
      assertThat(html).contains("id=\"odds-ratios-" + v + "\"");
      assertThat(out.resolve("figures").resolve("odds-ratios-" + v + ".svg")).exists();
    }
    assertThat(html).contains("bootstrap percentile");
  }

  @Test
  void decisionCurveComparisonNamesEveryAlternativeInAllThreeOutputs() throws Exception {
    for (String v : VARIANTS) {
      JsonNode dca = variant(v).get("dca");
      List<String> models = new ArrayList<>();
      dca.get("net_benefit").fieldNames().forEachRemaining(models::add);
      models.remove("stratification");
      List<String> compared = new ArrayList<>();
      for (JsonNode c : dca.get("comparisons")) {
        compared.add(c.get("comparator").asText());
      }
      assertThat(compared).containsExactlyInAnyOrderElementsOf(models);
      String text = dca.get("text").asText();
      assertThat(html).contains(text.substring(0, 60));
      for (String m : models) {
        assertThat(text).contains(m.replace('_', ' ') + ":");
      }
      assertThat(text).contains("Treat-none is the line at net benefit 0");
      String csv = table(v, "dca_comparison");
      for (String m : models) {
        assertThat(csv).contains(m.replace('_', ' '));
      }
    }
  }

  @Test
  void aSimplerRuleThatBeatsTheStrataIsNamedAndAFlatComparatorExplained() {
    for (String v : VARIANTS) {
      JsonNode dca = variant(v).get("dca");
      String text = dca.get("text").asText();
      for (JsonNode c : dca.get("comparisons")) {
        String name = c.get("comparator").asText().replace('_', ' ');
        if (c.get("flat_tie").asBoolean()) {
          assertThat(text).contains(name + ": better than the strata for thresholds "
              + c.get("comparator_better").asText() + " (by at most").contains("not counted as a better rule");
        } else if (!c.get("comparator_better").asText().isEmpty()) {
          assertThat(text).contains("Where a simpler rule is better").contains(name + " ("
              + c.get("comparator_better").asText() + ")");
        }
        if (c.get("flat").asBoolean()) {
          assertThat(text).contains("flat because it treats almost no one");
        }
      }
    }
  }

  @Test
  void thePapersHeadlineFiguresStandBesideOurs() {
    Map<String, String> paper = Map.of("sbt", "0.89 (SBT)", "ompsq", "0.87 (ÖMPSQ)");
    for (String v : VARIANTS) {
      String text = variant(v).get("paper_comparison").asText();
      assertThat(text).contains(paper.get(v)).contains("above treat-all").contains("what differs");
      assertThat(html).contains(text.substring(0, 40));
    }
  }
}
