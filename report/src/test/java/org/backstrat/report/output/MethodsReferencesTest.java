package org.backstrat.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.analysis.pipeline.StratificationAnalysis;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortReader;
import org.backstrat.core.io.TableReader;
import org.backstrat.core.scoring.CohortScorer;
import org.backstrat.core.synth.CohortSynthesizer;
import org.backstrat.report.html.ReportRenderer;
import org.backstrat.report.model.ReportInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The methods read as a journal's methods paragraph: every method cited by number, the numbers
 * in order of first citation, each resolved in a numbered reference list, and no file the
 * reader does not have (DESIGN.md, source files) named anywhere in the report.
 */
class MethodsReferencesTest {
  private static Cohort scored;

  @BeforeAll
  static void cohort() throws java.io.IOException {
    StringWriter csv = new StringWriter();
    CohortSynthesizer.withDefaults().writeCsv(csv, 240, 5);
    Cohort cohort = CohortReader.withDefaults().check(TableReader.readText("cohort.csv",
        csv.toString().getBytes(StandardCharsets.UTF_8))).orThrow();
    scored = CohortScorer.withDefaults().score(cohort).cohort();
  }

  private static ReportInput report(String missing) {
    AnalysisConfig config = AnalysisConfig.builder().restarts(2).stabilityResamples(0)
        .gapReferences(0).k(3).repeats(1).dcaBootstrap(0).permutations(0).missing(missing)
        .build();
    return ReportAssembler.assemble(StratificationAnalysis.of(config).run(scored),
        Instant.parse("2026-12-05T00:00:00Z"), true);
  }

  @Test
  void methodsCiteByNumberInOrderOfFirstCitationAndEveryNumberIsInTheReferenceList() {
    ReportInput in = report("complete-case");
    String text = String.join("\n", in.methodsParagraphs());
    Matcher m = Pattern.compile("\\[(\\d+(?:, \\d+)*)\\]").matcher(text);
    Set<Integer> firstSeen = new LinkedHashSet<>();
    while (m.find()) {
      for (String n : m.group(1).split(", ")) {
        firstSeen.add(Integer.parseInt(n));
      }
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = 1; i <= firstSeen.size(); i++) {
      expected.add(i);
    }
    assertThat(new ArrayList<>(firstSeen)).as("numbers in order of first citation")
        .isEqualTo(expected);
    assertThat(in.references()).hasSize(firstSeen.size());
    for (int i = 0; i < in.references().size(); i++) {
      assertThat(in.references().get(i)).startsWith((i + 1) + ". ");
    }
    assertThat(in.references()).anyMatch(r -> r.contains("Hill JC"))
        .anyMatch(r -> r.contains("Cuesta-Albertos")).noneMatch(r -> r.contains("Rubin DB"));
    assertThat(text).contains("complete-case");
  }

  @Test
  void multipleImputationIsDescribedAndCitesMiceRubinAndBarnardRubin() {
    ReportInput in = report("mice");
    String text = String.join("\n", in.methodsParagraphs());
    assertThat(text).contains("multiple imputation by chained equations").contains("5 imputed sets")
        .contains("Rubin's rules");
    assertThat(in.references()).anyMatch(r -> r.contains("van Buuren S"))
        .anyMatch(r -> r.contains("Rubin DB. Multiple imputation"))
        .anyMatch(r -> r.contains("Barnard J, Rubin DB"));
  }

  @Test
  void theRenderedReportListsTheReferencesAndNamesNoFileTheReaderLacks() {
    String html = ReportRenderer.withDefaults().render(report("complete-case"));
    assertThat(html).contains("id=\"references\"").contains("1. Hill JC");
    String visible = html.replaceAll("(?s)<style.*?</style>", "").replaceAll("<[^>]+>", " ");
    assertThat(visible).doesNotContainPattern("(?i)DESIGN\\.md|README|\\.java\\b|src/main")
        .containsOnlyOnce("Software: backstrat");
  }
}
