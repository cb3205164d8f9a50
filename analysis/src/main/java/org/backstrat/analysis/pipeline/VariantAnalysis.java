package org.backstrat.analysis.pipeline;

import java.util.List;
import java.util.Optional;
import org.backstrat.analysis.config.VariantConfig;
import org.backstrat.analysis.dca.StratificationDecisionCurves;
import org.backstrat.analysis.result.StratumProfile;
import org.backstrat.analysis.stats.StratumComparison;
import org.backstrat.analysis.validation.CrossValidationResult;
import org.backstrat.cluster.kmeans.ClusterModel;
import org.backstrat.cluster.select.KSelection;
import org.backstrat.cluster.select.TrimmingCurves;
import org.backstrat.model.features.EncodedFeatures;

/**
 * Everything the analysis found for one variant: one typed result per stage, in stage order
 * (see {@link StratificationAnalysis#runVariant}), and the notes the stages left. The
 * accessors below the components read the results the outputs use most.
 *
 * @param config the variant's settings
 * @param input the features stage: encoded features of the people clustered
 * @param kChoice the K-selection stage: scaler, clusterer, table, trimmed objective curves
 * @param strataFit the fit stage: the chosen model on everyone, labels, outliers, kept people
 * @param evidence the evidence stage: block-permutation test, prediction strength
 * @param characterisation the characterisation stage: named profiles and tests
 * @param strataValidation the validation stage: repeated CV, all features and questionnaire
 * @param fallbackFit the fallback stage: the model for people without imaging
 * @param decisionCurveOutcome the decision-curve stage
 * @param outcomeAssociation the outcome-association stage: odds ratios of the outcome by
 *     stratum (pooled by Rubin's rules under multiple imputation); empty without the outcome
 * @param notes things the user should know (exclusions, subsamples, skipped comparators)
 */
public record VariantAnalysis(VariantConfig config, VariantFeatures input, KChoice kChoice,
                              StrataFit strataFit, StrataEvidence evidence,
                              Characterisation characterisation,
                              StrataValidation strataValidation, FallbackFit fallbackFit,
                              DecisionCurveOutcome decisionCurveOutcome,
                              Optional<OutcomeAssociation> outcomeAssociation,
                              List<String> notes) {

  public VariantAnalysis {
    notes = List.copyOf(notes);
  }

  /** The variant's name. */
  public String name() {
    return config.name();
  }

  /** Encoded features of the people clustered (cohort row of each). */
  public EncodedFeatures features() {
    return input.encoded();
  }

  /** The K-selection table and the model at every K (chosen row: the fit on everyone). */
  public KSelection selection() {
    return strataFit.selection();
  }

  /** The chosen model (scaler, centres, trim radius). */
  public ClusterModel model() {
    return strataFit.model();
  }

  /** Stratum of each clustered person, 0-based (outliers: nearest stratum). */
  public int[] labels() {
    return strataFit.labels();
  }

  /** Whether each clustered person was trimmed. */
  public boolean[] outlier() {
    return strataFit.outlier();
  }

  /** Each person's distance to their stratum centre (scaled space). */
  public double[] distance() {
    return strataFit.distance();
  }

  /** Stratum profiles, in stratum order. */
  public List<StratumProfile> strata() {
    return characterisation.profiles();
  }

  /** Between-stratum tests on the kept people, adjusted across the variant. */
  public List<StratumComparison.TestRow> tests() {
    return characterisation.tests();
  }

  /** Post-hoc comparisons of strata. */
  public List<StratumComparison.PairwiseRow> pairwise() {
    return characterisation.pairwise();
  }

  /** Repeated CV of the variant's features. */
  public CrossValidationResult validation() {
    return strataValidation.allFeatures();
  }

  /** Repeated CV of the psychosocial features alone. */
  public CrossValidationResult questionnaireOnly() {
    return strataValidation.questionnaireOnly();
  }

  /** Decision curves, when the outcome is available. */
  public Optional<StratificationDecisionCurves.Result> dca() {
    return decisionCurveOutcome.curves();
  }

  /** People in the decision-curve analysis. */
  public int dcaPeople() {
    return decisionCurveOutcome.people();
  }

  /** Trimmed objective over trim fractions per K (trimmed k-means only). */
  public List<TrimmingCurves.Point> trimmingCurves() {
    return kChoice.trimmingCurves();
  }

  /** Number of strata. */
  public int k() {
    return strataFit.k();
  }

  /** People clustered (kept and trimmed). */
  public int nClustered() {
    return strataFit.labels().length;
  }

  /** People trimmed as outliers. */
  public int nOutliers() {
    return nClustered() - strataFit.kept().length;
  }

  /** Label of stratum {@code c} (0-based). */
  public String label(int c) {
    return characterisation.profiles().get(c).label();
  }
}
