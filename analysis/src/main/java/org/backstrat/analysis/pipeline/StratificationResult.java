package org.backstrat.analysis.pipeline;

import java.util.List;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.core.cohort.Cohort;

/**
 * The whole analysis of a cohort: the settings, the scored cohort it ran on and one
 * {@link VariantAnalysis} per variant that could be run.
 *
 * @param config every setting
 * @param cohort the scored cohort
 * @param variants results per variant, in config order
 * @param skippedVariants variants not run and why (e.g. no ÖMPSQ items in the cohort)
 */
public record StratificationResult(AnalysisConfig config, Cohort cohort,
                                   List<VariantAnalysis> variants,
                                   List<String> skippedVariants) {

  public StratificationResult {
    variants = List.copyOf(variants);
    skippedVariants = List.copyOf(skippedVariants);
  }
}
