package org.backstrat.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.backstrat.report.model.CohortOverview;
import org.backstrat.report.model.Feature;
import org.backstrat.report.model.ReportInput;
import org.backstrat.report.model.SelectionRow;
import org.backstrat.report.model.VariantReport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A variant with only the required parts (no projection, curves or validation) still renders every section. */
class MinimalReportTest {

  @Test
  void missingOptionalPartsAreSaidInWordsNotLeftBlank() {
    VariantReport v = VariantReport.builder("only_k")
        .features(List.of(new Feature("dd_sum", "points 5–25", true)))
        .clustering("k-means", 2, 0)
        .counts(10, 0)
        .selection(List.of(new SelectionRow(2, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 12.5)))
        .build();
    ReportInput in = new ReportInput("minimal", new CohortOverview("x.csv", 10, List.of()), List.of(v), List.of(),
        List.of(), false, false, "0.1.0", Instant.EPOCH, "whiskers: min–max");
    Document d = Jsoup.parse(ReportRenderer.withDefaults().render(in));
    assertThat(d.select("main > section").eachAttr("id")).containsExactlyElementsOf(ReportRenderer.sectionAnchors());
    assertThat(d.getElementById("projection").text()).contains("No projection was computed");
    assertThat(d.getElementById("decision-curves").text()).contains("No decision curves were computed");
    assertThat(d.select("header .warning")).isEmpty();
    assertThat(d.select("div[data-table=only_k_selection] td").eachText()).contains("–", "12.5");
  }
}
