package org.backstrat.report.frozen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backstrat.analysis.pipeline.StratificationResult;
import org.backstrat.analysis.pipeline.VariantAnalysis;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.kmeans.ClusterModel;
import org.backstrat.core.SoftwareVersion;
import org.backstrat.core.scoring.ScoringOptions;

/**
 * The frozen model ({@code model.json}, schema {@value #SCHEMA}): everything needed to assign new
 * people to the strata found by {@code analyze} — per variant the feature encodings, the scaler,
 * the centres, the labels and the trim radius — plus the scoring options the cohort was scored
 * with, the missing-data policy, the software version and when it was made.
 *
 * @param softwareVersion backstrat version that wrote the model
 * @param createdAt when the model was made (SOURCE_DATE_EPOCH when set)
 * @param scoring score-stage options used in training (applied to new cohorts too)
 * @param missing missing-data policy of the training analysis ({@code complete-case} or an
 *     imputation); new people with a missing feature are never imputed but get a reason
 * @param variants one entry per analysed variant, in analysis order
 */
public record FrozenModel(String softwareVersion, String createdAt, ScoringOptions scoring,
                          String missing, List<FrozenVariant> variants) {
  /** The schema identifier this version writes and reads. */
  public static final String SCHEMA = "backstrat.model/1";

  public FrozenModel {
    variants = List.copyOf(variants);
  }

  /** The named variant, if present. */
  public Optional<FrozenVariant> variant(String name) {
    return variants.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /**
   * Freezes an analysis.
   *
   * @param result the analysis
   * @param scoring the score-stage options the cohort was scored with
   * @param createdAt the time to record
   */
  public static FrozenModel of(StratificationResult result, ScoringOptions scoring,
                               Instant createdAt) {
    List<FrozenVariant> out = new ArrayList<>();
    for (VariantAnalysis v : result.variants()) {
      ClusterModel m = v.model();
      Scaler s = m.scaler();
      List<String> labels = new ArrayList<>();
      for (int c = 0; c < v.k(); c++) {
        labels.add(v.label(c));
      }
      double accuracy = v.validation() == null ? Double.NaN : v.validation().accuracyMean();
      out.add(new FrozenVariant(v.name(), v.config().features(), v.features().columns(),
          v.features().sourceFeature(), s.method().name().toLowerCase(java.util.Locale.ROOT),
          s.center(), s.scale(), s.weights(), m.fit().centers(), m.centersOriginal(), labels,
          m.fit().trimRadius(), m.fit().trimFraction(),
          m.fit().method().cliName(), v.nClustered(),
          v.nOutliers(), accuracy));
    }
    return new FrozenModel(SoftwareVersion.get(), createdAt.toString(), scoring,
        result.config().missing(), out);
  }
}
