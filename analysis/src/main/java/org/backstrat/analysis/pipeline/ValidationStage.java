package org.backstrat.analysis.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.analysis.validation.Calibration;
import org.backstrat.analysis.validation.CrossValidationResult;
import org.backstrat.analysis.validation.FoldTransformFitter;
import org.backstrat.analysis.validation.MedianImputationFitter;
import org.backstrat.analysis.validation.MultinomialRidgeModel;
import org.backstrat.analysis.validation.MultinomialRidgeTrainer;
import org.backstrat.analysis.validation.OddsRatios;
import org.backstrat.analysis.validation.RepeatedCrossValidation;
import org.backstrat.analysis.validation.ZScoreFitter;
import org.backstrat.core.RandomStream;

/**
 * Stage 5, validate: multinomial ridge regression (see {@link #trainer}) predicting the stratum
 * of the kept people, by repeated stratified k-fold cross-validation (folds from
 * {@link RandomStream#CV_FOLDS}; z-scoring, and median imputation with indicators when the
 * config imputes, fitted inside each training fold), from all features and from the
 * questionnaire scores alone and from the imaging features alone on the same folds. Above {@code cv_sample} kept people it runs on a
 * seeded subsample stratified by stratum ({@link RandomStream#CV_SUBSAMPLE}).
 */
public final class ValidationStage {
  /** Groups of the calibration plot. */
  static final int CALIBRATION_BINS = 10;
  /** Bootstrap resamples of the odds ratios' intervals (the forest plot). */
  public static final int ODDS_RATIO_BOOTSTRAP = 200;
  /** Confidence level of the odds ratios' intervals. */
  static final double ODDS_RATIO_LEVEL = 0.95;

  private ValidationStage() {
  }

  /** Runs the stage. */
  public static StrataValidation run(VariantContext ctx, VariantFeatures features,
                                     StrataFit fit) {
    AnalysisConfig config = ctx.config();
    int k = fit.k();
    ctx.progress().step(ctx.name() + ": cross-validating (" + config.folds() + " folds x "
        + config.repeats() + " repeats)");
    int[] keptStrata = fit.keptStrata();
    int[] cvRows = cvRows(ctx, keptStrata, k);
    double[][] encoded = features.encoded().matrix(); // NaN where imputation is pending
    double[][] x = new double[cvRows.length][];
    int[] strata = new int[cvRows.length];
    for (int i = 0; i < cvRows.length; i++) {
      x[i] = encoded[fit.kept()[cvRows[i]]];
      strata[i] = keptStrata[cvRows[i]];
    }
    RepeatedCrossValidation cv = RepeatedCrossValidation.withDefaults()
        .withFolds(config.folds()).withRepeats(config.repeats())
        .withSeed(RandomStream.CV_FOLDS.seed(config.seed()))
        .withThreads(ctx.threads());
    MultinomialRidgeTrainer trainer = trainer(config);
    FoldTransformFitter prep = config.missing().equals("complete-case") ? new ZScoreFitter()
        : MedianImputationFitter.withIndicators().andThen(new ZScoreFitter());
    CrossValidationResult all = cv.run(x, strata, k, trainer, prep);
    double[][] xPsy = columns(x, features.columnsOf(ctx.variant().psychosocial()));
    int[] imgCols = features.columnsOf(ctx.variant().imaging());
    java.util.Optional<CrossValidationResult> imaging = imgCols.length == 0
        ? java.util.Optional.empty()
        : java.util.Optional.of(cv.run(columns(x, imgCols), strata, k, trainer, prep));
    List<Calibration.Result> calibration = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      calibration.add(all.calibration(strata, c, CALIBRATION_BINS));
    }
    ctx.progress().step(ctx.name() + ": odds ratios of the final model (" + ODDS_RATIO_BOOTSTRAP
        + " bootstrap refits)");
    List<String> columns = new ArrayList<>(features.encoded().columns());
    double[][] xFinal = prep.fit(x).applyAll(x);
    for (int j = columns.size(); j < xFinal[0].length; j++) {
      columns.add("missing indicator " + (j - features.encoded().columns().size() + 1));
    }
    MultinomialRidgeModel finalModel = trainer.train(xFinal, strata, k);
    OddsRatios.Result oddsRatios = OddsRatios.of(finalModel, xFinal, strata, 0,
        OddsRatios.stratifiedResamples(strata, k, ODDS_RATIO_BOOTSTRAP,
            RandomStream.ODDS_RATIO_BOOTSTRAP.seed(config.seed())), ODDS_RATIO_LEVEL,
        ctx.threads());
    return new StrataValidation(all, cv.run(xPsy, strata, k, trainer, prep), imaging,
        calibration, oddsRatios, columns);
  }

  /** The given columns of every row. */
  private static double[][] columns(double[][] x, int[] cols) {
    double[][] out = new double[x.length][cols.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < cols.length; j++) {
        out[i][j] = x[i][cols[j]];
      }
    }
    return out;
  }

  /**
   * The validation's regression: multinomial ridge (glmnet's parametrisation) with λ chosen by
   * inner 5-fold cross-validation in every fit (folds from {@link RandomStream#RIDGE_INNER_FOLDS}),
   * or fixed when the config sets {@code l2}; every fit also checks its training data for
   * separation, so the report can say how often maximum likelihood would not have existed.
   */
  static MultinomialRidgeTrainer trainer(AnalysisConfig config) {
    MultinomialRidgeTrainer t = config.l2() > 0 ? MultinomialRidgeTrainer.fixed(config.l2())
        : MultinomialRidgeTrainer.crossValidated(RandomStream.RIDGE_INNER_FOLDS.seed(config.seed()));
    return t.withSeparationCheck();
  }

  /**
   * The large-n strategy for validation ({@code cv_sample}): indices into the kept people to
   * cross-validate. Everyone when there are at most {@code cv_sample}; otherwise a seeded
   * subsample stratified by stratum (each stratum's share kept, at least {@code folds} people
   * per stratum where it has them), in increasing order.
   */
  static int[] cvRows(VariantContext ctx, int[] strata, int k) {
    AnalysisConfig config = ctx.config();
    int m = strata.length;
    int size = config.cvSample();
    if (size == 0 || m <= size) {
      int[] all = new int[m];
      for (int i = 0; i < m; i++) {
        all[i] = i;
      }
      return all;
    }
    int[][] byStratum = new int[k][];
    int[] count = new int[k];
    for (int s : strata) {
      count[s]++;
    }
    for (int c = 0; c < k; c++) {
      byStratum[c] = new int[count[c]];
    }
    int[] fill = new int[k];
    for (int i = 0; i < m; i++) {
      byStratum[strata[i]][fill[strata[i]]++] = i;
    }
    SplittableRandom rng = new SplittableRandom(RandomStream.CV_SUBSAMPLE.seed(config.seed()));
    int total = 0;
    int[][] chosen = new int[k][];
    for (int c = 0; c < k; c++) {
      int quota = (int) Math.round((double) size * count[c] / m);
      quota = Math.min(count[c], Math.max(quota, config.folds()));
      int[] pick = Subsample.indices(count[c], quota, rng.nextLong());
      chosen[c] = new int[quota];
      for (int i = 0; i < quota; i++) {
        chosen[c][i] = byStratum[c][pick[i]];
      }
      total += quota;
    }
    int[] out = new int[total];
    int q = 0;
    for (int[] part : chosen) {
      System.arraycopy(part, 0, out, q, part.length);
      q += part.length;
    }
    Arrays.sort(out);
    ctx.note("cross-validation ran on a seeded subsample of " + total + " of the " + m
        + " kept people, stratified by stratum (setting cv_sample = " + size + ")");
    return out;
  }
}
