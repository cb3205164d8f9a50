package org.backstrat.analysis.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.cluster.kmeans.ClusterFit;
import org.backstrat.cluster.kmeans.ClusterModel;
import org.backstrat.core.SoftwareVersion;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.scoring.ScoringOptions;
import org.backstrat.model.FrozenModel;
import org.backstrat.model.FrozenVariant;
import org.backstrat.model.InputTable;
import org.backstrat.model.Provenance;
import org.backstrat.model.Stratum;
import org.backstrat.model.TrainingSummary;

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

  /**
   * Freezes this analysis into the model that assigns new people: per variant the features,
   * the category levels, the scaler and the chosen fit's centres, trim fraction and radius (no
   * training rows), the strata and a training summary, with the provenance (software, time,
   * seed, training table, every setting).
   *
   * @param scoring the score-stage options the cohort was scored with
   * @param input the training table (its name, SHA-256 and rows)
   * @param createdAt the time to record
   */
  public FrozenModel freeze(ScoringOptions scoring, InputTable input, Instant createdAt) {
    List<FrozenVariant> out = new ArrayList<>();
    for (VariantAnalysis v : variants) {
      ClusterModel m = v.model();
      ClusterFit fit = m.fit();
      List<Stratum> strata = new ArrayList<>();
      for (int c = 0; c < v.k(); c++) {
        strata.add(new Stratum(c + 1, v.label(c)));
      }
      double accuracy = v.validation() == null ? Double.NaN : v.validation().accuracyMean();
      double accuracySd = v.validation() == null ? Double.NaN : v.validation().accuracySd();
      ClusterModel restored = new ClusterModel(m.scaler(), ClusterFit.restored(fit.method(),
          fit.trimFraction(), fit.centers(), fit.trimRadius()));
      out.add(new FrozenVariant(v.name(), v.config().features(),
          v.features().categoryLevels(), v.features().columns(), v.features().sourceFeature(),
          restored, strata, new TrainingSummary(v.nClustered(), v.nOutliers(), fit.sizes(),
              fit.objective(), accuracy, accuracySd),
          v.fallbackFit() == null ? java.util.Optional.empty() : v.fallbackFit().model()));
    }
    Provenance provenance = new Provenance(SoftwareVersion.get(), createdAt.toString(),
        config.seed(), input, config.toJson());
    return new FrozenModel(provenance, scoring, config.missing(), out);
  }
}
