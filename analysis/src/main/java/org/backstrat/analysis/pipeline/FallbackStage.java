package org.backstrat.analysis.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.analysis.validation.CrossValidationResult;
import org.backstrat.analysis.validation.MultinomialLogisticModel;
import org.backstrat.analysis.validation.MultinomialLogisticTrainer;
import org.backstrat.analysis.validation.RepeatedCrossValidation;
import org.backstrat.analysis.validation.ZScoreFitter;
import org.backstrat.core.RandomStream;
import org.backstrat.model.FallbackModel;
import org.backstrat.model.features.FeatureSpec;

/**
 * Stage 6, fallback: a model for people without imaging. A multinomial logistic regression
 * predicts the stratum of the kept people from the variant's features other than its imaging
 * features (the questionnaire scores and the demographics); its accuracy is estimated by the
 * same repeated stratified cross-validation as the validation stage (same folds, from
 * {@link RandomStream#CV_FOLDS}; z-scoring fitted inside each training fold; the same
 * {@code cv_sample} subsample), then it is fitted once on all those people, z-scored with their
 * means and SDs, and frozen into model.json so that {@code assign} and {@code serve} can place a
 * person who has no MRI, always beside its cross-validated accuracy. People with a missing value
 * in these features (with {@code "missing": "impute"}) are left out of the fallback. No fallback
 * is fitted when the variant has no imaging features (the clustering then needs no imaging).
 *
 * <p>Penalty: the fallback is a predictor that is deployed, not a test statistic, so it is
 * fitted with a ridge penalty, λ = {@value #DEFAULT_L2} on the z-scored slopes (scikit-learn's
 * default {@code C = 1}) unless the config sets {@code l2} itself: strata found by clustering on
 * the very features the fallback reads are often separable, and an unpenalised fit would then
 * diverge and answer with probabilities of exactly 0 and 1. The cross-validation uses the same
 * penalty, so the accuracy stored is that of the model stored.
 */
public final class FallbackStage {
  /** Ridge penalty of the fallback when the config sets none. */
  public static final double DEFAULT_L2 = 1.0;

  private FallbackStage() {
  }

  /** The fallback's ridge penalty: the config's {@code l2}, or {@value #DEFAULT_L2}. */
  static double penalty(AnalysisConfig config) {
    return config.l2() > 0 ? config.l2() : DEFAULT_L2;
  }

  /** Runs the stage. */
  public static FallbackFit run(VariantContext ctx, VariantFeatures features, StrataFit fit) {
    List<String> imaging = ctx.variant().imaging();
    List<FeatureSpec> specs = new ArrayList<>();
    for (FeatureSpec f : ctx.variant().features()) {
      if (!imaging.contains(f.name())) {
        specs.add(f);
      }
    }
    if (imaging.isEmpty() || specs.size() == ctx.variant().features().size()) {
      return FallbackFit.none("the variant has no imaging features");
    }
    if (specs.isEmpty()) {
      return FallbackFit.none("the variant has only imaging features");
    }
    AnalysisConfig config = ctx.config();
    int k = fit.k();
    ctx.progress().step(ctx.name() + ": fallback without imaging (" + config.folds()
        + " folds x " + config.repeats() + " repeats)");
    List<String> names = specs.stream().map(FeatureSpec::name).toList();
    int[] cols = features.columnsOf(names);
    double[][] encoded = features.encoded().matrix();
    int[] keptStrata = fit.keptStrata();
    int[] rows = ValidationStage.cvRows(ctx, keptStrata, k);
    List<double[]> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    for (int r : rows) {
      double[] full = encoded[fit.kept()[r]];
      double[] x = new double[cols.length];
      boolean complete = true;
      for (int j = 0; j < cols.length; j++) {
        x[j] = full[cols[j]];
        complete &= !Double.isNaN(x[j]);
      }
      if (complete) {
        xs.add(x);
        ys.add(keptStrata[r]);
      }
    }
    double[][] x = xs.toArray(double[][]::new);
    int[] y = ys.stream().mapToInt(Integer::intValue).toArray();
    MultinomialLogisticTrainer trainer = MultinomialLogisticTrainer.withDefaults()
        .withL2Lambda(penalty(config));
    CrossValidationResult cv = RepeatedCrossValidation.withDefaults()
        .withFolds(config.folds()).withRepeats(config.repeats())
        .withSeed(RandomStream.CV_FOLDS.seed(config.seed()))
        .withThreads(ctx.threads())
        .run(x, y, k, trainer, new ZScoreFitter());
    ZScoreFitter.Parameters z = new ZScoreFitter().parameters(x);
    double[] mean = z.mean();
    double[] scale = z.scale();
    double[][] zx = new double[x.length][cols.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < cols.length; j++) {
        zx[i][j] = (x[i][j] - mean[j]) / scale[j];
      }
    }
    MultinomialLogisticModel m = trainer.train(zx, y, k);
    if (!m.converged()) {
      ctx.note(ctx.name() + ": the fallback model without imaging did not converge ("
          + m.status().name().toLowerCase(Locale.ROOT) + "); its answers are shown with its "
          + "cross-validated accuracy, but consider an L2 penalty (setting l2)");
    }
    List<String> columnNames = new ArrayList<>();
    for (int c : cols) {
      columnNames.add(features.encoded().columns().get(c));
    }
    FallbackModel model = new FallbackModel(specs, columnNames, mean, scale, m.coefficients(),
        cv.accuracyMean(), cv.accuracySd(), x.length,
        m.status().name().toLowerCase(Locale.ROOT));
    return new FallbackFit(Optional.of(model), Optional.of(cv), "");
  }
}
