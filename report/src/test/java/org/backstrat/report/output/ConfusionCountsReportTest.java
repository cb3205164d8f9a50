package org.backstrat.report.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.analysis.pipeline.StratificationAnalysis;
import org.backstrat.analysis.pipeline.StratificationResult;
import org.backstrat.analysis.pipeline.VariantAnalysis;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortReader;
import org.backstrat.core.io.TableReader;
import org.backstrat.core.scoring.CohortScorer;
import org.backstrat.core.synth.CohortSynthesizer;
import org.backstrat.report.model.ReportInput;
import org.backstrat.report.model.ValidationResult;
import org.backstrat.report.model.VariantReport;
import org.backstrat.report.table.ReportTable;
import org.backstrat.report.table.ReportTables;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the confusion matrices a reader sees (report heatmap, tables/ CSV, summary.json's
 * mean matrix) count each person once, however many times cross-validation was repeated, so
 * they add up to the people cross-validated and each row to its stratum's size.
 */
class ConfusionCountsReportTest {

  private static final int REPEATS = 3;

  private static StratificationResult analysed() throws Exception {
    StringWriter w = new StringWriter();
    CohortSynthesizer.withDefaults().writeCsv(w, 300, 3);
    Cohort c = CohortReader.withDefaults().check(TableReader.readText("synthetic.csv",
        w.toString().getBytes(StandardCharsets.UTF_8))).orThrow();
    AnalysisConfig config = AnalysisConfig.builder().restarts(5).stabilityResamples(0)
        .gapReferences(0).k(3).repeats(REPEATS).dcaBootstrap(0).permutations(0).build();
    return StratificationAnalysis.of(config).withThreads(2)
        .run(CohortScorer.withDefaults().score(c).cohort());
  }

  private static double sum(double[] row) {
    double s = 0;
    for (double x : row) {
      s += x;
    }
    return s;
  }

  @Test
  void confusionMatricesShownCountEachPersonOnceNotOncePerRepeat() throws Exception {
    StratificationResult result = analysed();
    ReportInput in = ReportAssembler.assemble(result, Instant.EPOCH, true);
    JsonNode summary = AnalysisWriter.summary(result);
    for (int vi = 0; vi < result.variants().size(); vi++) {
      VariantAnalysis va = result.variants().get(vi);
      VariantReport vr = in.variants().get(vi);
      int n = va.validation().outOfFoldPredictions()[0].length;
      assertThat(va.validation().repeats()).isEqualTo(REPEATS);
      long[] stratumSizes = vr.strata().stream().mapToLong(x -> x.size()).toArray();
      assertThat(java.util.Arrays.stream(stratumSizes).sum()).isEqualTo(n); // all kept people
      assertThat(vr.validation()).isNotEmpty();
      for (ValidationResult r : vr.validation()) {
        double[][] m = r.confusion();
        double total = 0;
        for (int i = 0; i < m.length; i++) {
          assertThat(sum(m[i])).as("%s %s row %d", va.name(), r.model(), i)
              .isCloseTo(stratumSizes[i], within(1e-9));
          total += sum(m[i]);
        }
        assertThat(total).as("%s %s", va.name(), r.model())
            .isCloseTo(n, within(1e-9));
        ReportTable t = ReportTables.confusion(vr, r);
        double csvTotal = 0;
        for (List<ReportTable.Cell> row : t.rows()) {
          for (ReportTable.Cell cell : row.subList(1, row.size())) {
            csvTotal += Double.parseDouble(cell.csv());
          }
        }
        assertThat(csvTotal).isCloseTo(n, within(0.05 * m.length * m.length));
        assertThat(t.caption()).contains("counted once").doesNotContain("Pooled");
      }
      double jsonTotal = 0;
      for (JsonNode row : summary.at("/variants/" + va.name() + "/validation/confusion_mean_per_repeat")) {
        for (JsonNode x : row) {
          jsonTotal += x.asDouble();
        }
      }
      assertThat(jsonTotal).isCloseTo(n, within(1e-9));
      assertThat(summary.at("/variants/" + va.name() + "/validation/confusion").isMissingNode())
          .as("no matrix called plain 'confusion' that counts everyone once per repeat").isTrue();
    }
  }
}
