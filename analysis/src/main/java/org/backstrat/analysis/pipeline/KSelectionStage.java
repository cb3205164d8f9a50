package org.backstrat.analysis.pipeline;

import java.util.List;
import java.util.Optional;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.cluster.kmeans.ClusterMethod;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.cluster.select.KSelection;
import org.backstrat.cluster.select.KSelectionRow;
import org.backstrat.cluster.select.KSelector;
import org.backstrat.cluster.select.Silhouette;
import org.backstrat.cluster.select.TrimmingCurves;
import org.backstrat.core.BadInputException;
import org.backstrat.core.RandomStream;

/**
 * Stage 2, K selection: scales the features (robust or z-score for numeric and ordinal
 * columns, 0/1 columns kept in unit range, then weighted), and computes the K-selection table
 * (silhouette, Calinski-Harabasz, gap, bootstrap stability) with K chosen by the documented rule
 * or fixed by the config. Above {@code selection_sample} people the table is computed on a
 * seeded subsample ({@link RandomStream#SELECTION_SUBSAMPLE}); the fit on everyone is then the
 * next stage's. For trimmed k-means it also computes the trimmed objective curves on the same
 * people as the table.
 */
public final class KSelectionStage {
  /** Trim fractions of the trimmed-objective curves (tclust's ctlcurves idea). */
  static final double[] CURVE_TRIM_FRACTIONS = {0, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25};

  private KSelectionStage() {
  }

  /**
   * Runs the stage.
   *
   * @throws BadInputException when a fixed K is more than half the people
   */
  public static KChoice run(VariantContext ctx, VariantFeatures features) {
    AnalysisConfig config = ctx.config();
    int n = features.rows();
    ctx.progress().step(ctx.name() + ": clustering " + n + " people, choosing K in "
        + config.kMin() + ".." + config.kMax());
    FeatureMatrix raw = features.raw();
    Scaler scaler = fitScaler(config, raw, features);
    Clusterer clusterer = Clusterer.builder()
        .method(ClusterMethod.parse(config.method()))
        .trimFraction(config.trim())
        .restarts(config.restarts())
        .seed(RandomStream.CLUSTER_RESTARTS.seed(config.seed()))
        .threads(ctx.threads()).build();
    int kMax = Math.min(config.kMax(), n / 2);
    KSelector.Builder selector = KSelector.builder()
        .range(config.kMin(), Math.max(config.kMin(), kMax))
        .bootstrapResamples(config.stabilityResamples())
        .gapReferences(config.gapReferences())
        .silhouette(Silhouette.withDefaults()
            .withSeed(RandomStream.SILHOUETTE_SAMPLE.seed(config.seed())))
        .seed(config.seed()) // the selector derives its bootstrap and gap streams from it
        .threads(ctx.threads());
    if (!config.chooseK()) {
      if (config.k() > n / 2) {
        throw new BadInputException("analysis config: k: value \"" + config.k()
            + "\": expected at most " + n / 2 + " strata for the " + n + " people of variant "
            + ctx.name());
      }
      selector.range(Math.min(config.kMin(), config.k()),
          Math.max(Math.max(config.kMin(), kMax), config.k())).fixedK(config.k());
    }
    int sampleSize = config.selectionSample();
    Optional<int[]> sample = sampleSize > 0 && n > sampleSize
        ? Optional.of(Subsample.indices(n, sampleSize,
            RandomStream.SELECTION_SUBSAMPLE.seed(config.seed())))
        : Optional.empty();
    FeatureMatrix people = sample.map(raw::selectRows).orElse(raw);
    KSelection selection = selector.build().select(people, scaler, clusterer, ctx.progress());
    List<TrimmingCurves.Point> curves = List.of();
    if (config.method().equals("trimmed")) {
      int[] ks = selection.rows().stream().mapToInt(KSelectionRow::k).toArray();
      curves = TrimmingCurves.compute(scaler.transform(people), ks, CURVE_TRIM_FRACTIONS,
          clusterer.toBuilder().restarts(Math.min(10, config.restarts())).build());
    }
    return new KChoice(raw, scaler, clusterer, selection, sample, curves);
  }

  /**
   * Robust or z-score scaling of the numeric and ordinal columns; 0/1 columns keep their unit
   * range (centre 0, scale 1). Weights applied after scaling.
   */
  /** The scaler the config asks for, fitted on {@code raw} (as for K selection). */
  static Scaler scalerFor(AnalysisConfig config, FeatureMatrix raw, VariantFeatures features) {
    return fitScaler(config, raw, features);
  }

  private static Scaler fitScaler(AnalysisConfig config, FeatureMatrix raw,
                                  VariantFeatures features) {
    ScaleMethod method = ScaleMethod.parse(config.scaling());
    Scaler fitted = Scaler.fit(raw, method);
    double[] center = fitted.center();
    double[] scale = fitted.scale();
    boolean[] scaled = features.encoded().scaled();
    for (int j = 0; j < scaled.length; j++) {
      if (!scaled[j]) {
        center[j] = 0;
        scale[j] = 1;
      }
    }
    return new Scaler(method, features.encoded().columns(), center, scale,
        features.encoded().weights());
  }
}
