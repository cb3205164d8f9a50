package org.backstrat.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.analysis.pipeline.OutcomeAssociation;
import org.backstrat.analysis.pipeline.StratificationAnalysis;
import org.backstrat.analysis.pipeline.StratificationResult;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortReader;
import org.backstrat.core.io.TableReader;
import org.backstrat.core.scoring.CohortScorer;
import org.backstrat.core.synth.CohortSynthesizer;
import org.backstrat.report.html.ReportRenderer;
import org.backstrat.report.table.ReportTable;
import org.backstrat.report.table.ReportTables;
import org.junit.jupiter.api.Test;

/**
 * Under multiple imputation the report and summary.json carry the odds ratios of the outcome by
 * stratum pooled by Rubin's rules, with their degrees of freedom and fraction of missing
 * information, and say how they were pooled.
 */
class OutcomeOddsReportTest {
  @Test
  void miceReportShowsOddsRatiosPooledByRubinsRulesInReportTablesAndSummary() throws Exception {
    StringWriter csv = new StringWriter();
    CohortSynthesizer.withDefaults().writeCsv(csv, 300, 9);
    Cohort cohort = CohortReader.withDefaults().check(TableReader.readText("cohort.csv",
        csv.toString().getBytes(StandardCharsets.UTF_8))).orThrow();
    Cohort scored = CohortScorer.withDefaults().score(cohort).cohort();
    double[] bmi = scored.values("bmi").clone();
    for (int i = 0; i < bmi.length; i += 5) {
      bmi[i] = Double.NaN;
    }
    Cohort gappy = scored.withColumn(scored.variable("bmi").orElseThrow(), bmi);
    AnalysisConfig config = AnalysisConfig.builder().restarts(2).stabilityResamples(0)
        .gapReferences(0).k(3).repeats(1).dcaBootstrap(0).permutations(0).missing("mice")
        .build();
    StratificationResult result = StratificationAnalysis.of(config).run(gappy);
    OutcomeAssociation odds = result.variants().get(0).outcomeAssociation().orElseThrow();
    assertThat(odds.imputations()).isEqualTo(5);

    var input = ReportAssembler.assemble(result, Instant.parse("2026-12-05T00:00:00Z"), true);
    String html = ReportRenderer.withDefaults().render(input);
    String name = result.variants().get(0).name();
    assertThat(html).contains("Barnard-Rubin degrees of freedom");
    ReportTable table = ReportTables.all(input).stream()
        .filter(t -> t.name().equals(name + "_outcome_odds")).findFirst().orElseThrow();
    assertThat(table.caption()).contains("Odds ratios of " + config.outcome() + " by stratum "
        + "(Rubin's rules over 5 imputed sets), variant " + name);
    assertThat(html).contains(table.caption().replace("'", "&#39;"));
    assertThat(table.rows()).hasSize(3); // the reference and two strata against it

    JsonNode summary = AnalysisWriter.summary(result).path("variants").path(name)
        .path("outcome_odds");
    assertThat(summary.path("imputations").asInt()).isEqualTo(5);
    assertThat(summary.path("strata")).hasSize(2);
    assertThat(summary.path("reference_stratum").asInt()).isEqualTo(odds.reference() + 1);
    for (OutcomeAssociation.Row r : odds.rows()) {
      if (Double.isFinite(r.oddsRatio())) {
        assertThat(r.lower()).isLessThan(r.oddsRatio());
        assertThat(r.upper()).isGreaterThan(r.oddsRatio());
        assertThat(r.df()).isFinite().isPositive();
      }
    }
  }
}
