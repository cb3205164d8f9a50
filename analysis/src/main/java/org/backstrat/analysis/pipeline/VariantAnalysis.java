package org.backstrat.analysis.pipeline;

import java.util.List;
import java.util.Optional;
import org.backstrat.analysis.config.VariantConfig;
import org.backstrat.analysis.dca.StratificationDecisionCurves;
import org.backstrat.model.features.EncodedFeatures;
import org.backstrat.analysis.result.StratumProfile;
import org.backstrat.analysis.stats.StratumComparison;
import org.backstrat.analysis.validation.CrossValidationResult;
import org.backstrat.cluster.kmeans.ClusterModel;
import org.backstrat.cluster.select.KSelection;
import org.backstrat.cluster.select.TrimmingCurves;

/**
 * Everything the analysis found for one variant: the features and who was clustered, the choice
 * of K and the chosen model, the strata with their labels and profiles, the between-stratum
 * tests, cross-validated validation (the variant's features and the questionnaire alone) and the
 * decision curves.
 *
 * @param config the variant's settings
 * @param features encoded features of the people clustered (cohort row of each)
 * @param selection the K-selection table and the model at every K
 * @param model the chosen model (scaler, centres, trim radius)
 * @param labels stratum of each clustered person, 0-based (outliers: nearest stratum)
 * @param outlier whether each clustered person was trimmed
 * @param distance each person's distance to their stratum centre (scaled space)
 * @param strata profiles, in stratum order
 * @param tests between-stratum tests on the kept people, adjusted across the variant
 * @param pairwise post-hoc comparisons of strata
 * @param validation repeated CV of the variant's features
 * @param questionnaireOnly repeated CV of the psychosocial features alone
 * @param dca decision curves, when the outcome is available
 * @param dcaPeople people in the decision-curve analysis
 * @param trimmingCurves trimmed objective over trim fractions per K (trimmed k-means only)
 * @param notes things the user should know (skipped comparators, exclusions)
 */
public record VariantAnalysis(VariantConfig config, EncodedFeatures features, KSelection selection,
                              ClusterModel model, int[] labels, boolean[] outlier,
                              double[] distance, List<StratumProfile> strata,
                              List<StratumComparison.TestRow> tests,
                              List<StratumComparison.PairwiseRow> pairwise,
                              CrossValidationResult validation,
                              CrossValidationResult questionnaireOnly,
                              Optional<StratificationDecisionCurves.Result> dca, int dcaPeople,
                              List<TrimmingCurves.Point> trimmingCurves, List<String> notes) {

  public VariantAnalysis {
    strata = List.copyOf(strata);
    tests = List.copyOf(tests);
    pairwise = List.copyOf(pairwise);
    trimmingCurves = List.copyOf(trimmingCurves);
    notes = List.copyOf(notes);
  }

  /** The variant's name. */
  public String name() {
    return config.name();
  }

  /** Number of strata. */
  public int k() {
    return model.fit().k();
  }

  /** People clustered (kept and trimmed). */
  public int nClustered() {
    return labels.length;
  }

  /** People trimmed as outliers. */
  public int nOutliers() {
    int n = 0;
    for (boolean o : outlier) {
      n += o ? 1 : 0;
    }
    return n;
  }

  /** Label of stratum {@code c} (0-based). */
  public String label(int c) {
    return strata.get(c).label();
  }
}
