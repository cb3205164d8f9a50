package org.backstrat.report.model;

import java.time.Instant;
import java.util.List;

/**
 * Everything {@code report.html} and its {@code tables/} show: the cohort, each variant, and
 * the methods and limitations text. The analysis maps its results onto this type; the report
 * computes nothing statistical itself.
 *
 * @param title report title
 * @param cohort cohort overview
 * @param variants analysed variants, in the order to print
 * @param methodsParagraphs methods text, one paragraph per entry (settings tables are added per variant)
 * @param limitationsParagraphs limitations text, one paragraph per entry
 * @param syntheticData true when the cohort is simulated: the report then says so plainly, first
 * @param syntheticImagingModels true when imaging biomarkers come from models trained on synthetic phantoms
 * @param softwareVersion backstrat version
 * @param createdAt creation time (honour SOURCE_DATE_EPOCH upstream for reproducible output)
 * @param whiskerRule what box-plot whiskers show, as a legend text (e.g. "whiskers: min–max" or
 *     "whiskers: 1.5 × IQR")
 * @param references the numbered reference list the methods cite ({@code "1. citation"}), in
 *     citation order; empty when the methods cite nothing
 */
public record ReportInput(String title, CohortOverview cohort, List<VariantReport> variants,
                          List<String> methodsParagraphs, List<String> limitationsParagraphs, boolean syntheticData,
                          boolean syntheticImagingModels, String softwareVersion, Instant createdAt,
                          String whiskerRule, List<String> references) {
  /** Copies lists and checks variant names are unique. */
  public ReportInput {
    variants = List.copyOf(variants);
    methodsParagraphs = List.copyOf(methodsParagraphs);
    limitationsParagraphs = List.copyOf(limitationsParagraphs);
    references = List.copyOf(references);
    for (int i = 0; i < variants.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (variants.get(i).name().equalsIgnoreCase(variants.get(j).name())) {
          throw new IllegalArgumentException("variant name used twice: " + variants.get(i).name());
        }
      }
    }
  }

  /** A report whose methods cite no references. */
  public ReportInput(String title, CohortOverview cohort, List<VariantReport> variants,
                     List<String> methodsParagraphs, List<String> limitationsParagraphs,
                     boolean syntheticData, boolean syntheticImagingModels,
                     String softwareVersion, Instant createdAt, String whiskerRule) {
    this(title, cohort, variants, methodsParagraphs, limitationsParagraphs, syntheticData,
        syntheticImagingModels, softwareVersion, createdAt, whiskerRule, List.of());
  }
}
