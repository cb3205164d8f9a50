package org.backstrat.analysis.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.analysis.stats.NumericSummary;
import org.backstrat.cluster.kmeans.Restarts;

/**
 * Odds ratios of the final multinomial ridge model with bootstrap percentile confidence
 * intervals: for every stratum c other than the reference r and every feature j,
 * {@code OR = exp((b_cj - b_rj) * sd_j)}, the odds of stratum c against the reference per one
 * standard deviation (R's {@code sd}, divisor n - 1, over the fitted rows) of the feature, other
 * features held fixed. The difference of two classes' slopes is the same in every
 * parametrisation of the multinomial model, so the numbers do not depend on glmnet's symmetric
 * one.
 *
 * <p>Why the bootstrap: a ridge estimate has no standard Wald interval (its sampling
 * distribution is biased towards zero by the penalty, and λ was chosen on the same data), and the
 * unpenalised maximum likelihood refit that would give one does not exist when the strata are
 * separated. The interval is therefore the 2.5% and 97.5% quantiles (R's type 7) of the log odds
 * ratio over B stratified bootstrap resamples (each stratum resampled with replacement to its own
 * size, so every stratum is present), each refitted at the final model's λ (λ is not chosen again
 * in each resample, so the interval leaves out the uncertainty of λ). It describes the penalised
 * estimate's variability, not a test: where the data are separated the size of an odds ratio is
 * set by λ, and only its direction is informative.
 */
public final class OddsRatios {

  private OddsRatios() {
  }

  /**
   * One odds ratio.
   *
   * @param stratum the stratum (0-based) compared with the reference
   * @param reference the reference stratum (0-based)
   * @param feature the feature's column (0-based)
   * @param logOddsRatio log odds ratio per SD of the feature, from the final model
   * @param lower lower bootstrap percentile of the log odds ratio
   * @param upper upper bootstrap percentile of the log odds ratio
   */
  public record Entry(int stratum, int reference, int feature, double logOddsRatio, double lower,
                      double upper) {
    /** The odds ratio per SD, exp of {@link #logOddsRatio}. */
    public double oddsRatio() {
      return Math.exp(logOddsRatio);
    }

    /** The lower confidence limit of the odds ratio. */
    public double oddsRatioLower() {
      return Math.exp(lower);
    }

    /** The upper confidence limit of the odds ratio. */
    public double oddsRatioUpper() {
      return Math.exp(upper);
    }
  }

  /**
   * The odds ratios of one model.
   *
   * @param reference the reference stratum (0-based)
   * @param lambda the ridge penalty of the final model and of every refit
   * @param replicates bootstrap resamples B
   * @param level confidence level of the intervals
   * @param nonConvergedReplicates refits whose Newton iterations did not converge
   * @param entries stratum-major, then feature, one per stratum other than the reference
   */
  public record Result(int reference, double lambda, int replicates, double level,
                       int nonConvergedReplicates, List<Entry> entries) {
    public Result {
      entries = List.copyOf(entries);
    }
  }

  /**
   * Stratified bootstrap resamples: for each of {@code replicates}, every stratum's rows drawn
   * with replacement to that stratum's count, from one {@link SplittableRandom} with this seed.
   */
  public static int[][] stratifiedResamples(int[] classes, int classCount, int replicates,
                                            long seed) {
    int[][] byClass = new int[classCount][];
    int[] count = new int[classCount];
    for (int c : classes) {
      count[c]++;
    }
    for (int c = 0; c < classCount; c++) {
      byClass[c] = new int[count[c]];
    }
    int[] fill = new int[classCount];
    for (int i = 0; i < classes.length; i++) {
      byClass[classes[i]][fill[classes[i]]++] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int[][] out = new int[replicates][classes.length];
    for (int b = 0; b < replicates; b++) {
      int q = 0;
      for (int c = 0; c < classCount; c++) {
        for (int i = 0; i < count[c]; i++) {
          out[b][q++] = byClass[c][rng.nextInt(count[c])];
        }
      }
    }
    return out;
  }

  /**
   * The odds ratios of {@code model} (fitted on {@code features}) with intervals from refits at
   * its λ on the given resamples (row indices into {@code features}).
   *
   * @throws IllegalArgumentException for a reference outside the strata, no resamples, or a
   *     level outside (0, 1)
   */
  public static Result of(MultinomialRidgeModel model, double[][] features, int[] classes,
                          int reference, int[][] resamples, double level) {
    return of(model, features, classes, reference, resamples, level, 1);
  }

  /**
   * As {@link #of(MultinomialRidgeModel, double[][], int[], int, int[][], double)}, the refits
   * on up to {@code threads} threads: each refit depends only on its resample and the results
   * are combined in resample order, so the result is identical for any thread count.
   */
  public static Result of(MultinomialRidgeModel model, double[][] features, int[] classes,
                          int reference, int[][] resamples, double level, int threads) {
    int k = model.classCount();
    if (reference < 0 || reference >= k) {
      throw new IllegalArgumentException("reference stratum " + reference + " outside 0.." + (k - 1));
    }
    if (resamples.length == 0) {
      throw new IllegalArgumentException("no bootstrap resamples");
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1): " + level);
    }
    int p = features[0].length;
    double[] sd = sampleSd(features);
    double[][] point = logOddsRatios(model.coefficients(), reference, sd);
    MultinomialRidgeTrainer refit = MultinomialRidgeTrainer.fixed(model.lambda());
    int b = resamples.length;
    double[][][] draws = new double[k][p][b];
    int nonConverged = 0;
    List<MultinomialRidgeModel> refits = Restarts.inOrder(b, threads, r -> {
      int[] rows = resamples[r];
      double[][] x = new double[rows.length][];
      int[] y = new int[rows.length];
      for (int i = 0; i < rows.length; i++) {
        x[i] = features[rows[i]];
        y[i] = classes[rows[i]];
      }
      return refit.train(x, y, k);
    });
    for (int r = 0; r < b; r++) {
      MultinomialRidgeModel m = refits.get(r);
      if (!m.converged()) {
        nonConverged++;
      }
      double[][] l = logOddsRatios(m.coefficients(), reference, sd);
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < p; j++) {
          draws[c][j][r] = l[c][j];
        }
      }
    }
    double alpha = (1 - level) / 2;
    List<Entry> entries = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      if (c == reference) {
        continue;
      }
      for (int j = 0; j < p; j++) {
        double[] d = draws[c][j];
        Arrays.sort(d);
        entries.add(new Entry(c, reference, j, point[c][j],
            NumericSummary.quantileType7(d, alpha), NumericSummary.quantileType7(d, 1 - alpha)));
      }
    }
    return new Result(reference, model.lambda(), b, level, nonConverged, entries);
  }

  /** Log odds ratios per SD against the reference: row c, column j. */
  private static double[][] logOddsRatios(double[][] coefficients, int reference, double[] sd) {
    double[][] out = new double[coefficients.length][sd.length];
    for (int c = 0; c < coefficients.length; c++) {
      for (int j = 0; j < sd.length; j++) {
        out[c][j] = (coefficients[c][j + 1] - coefficients[reference][j + 1]) * sd[j];
      }
    }
    return out;
  }

  /** Per column, the standard deviation with divisor n - 1 (0 for one row). */
  private static double[] sampleSd(double[][] x) {
    int n = x.length;
    int p = x[0].length;
    double[] sd = new double[p];
    for (int j = 0; j < p; j++) {
      double s = 0;
      for (double[] row : x) {
        s += row[j];
      }
      double mu = s / n;
      double ss = 0;
      for (double[] row : x) {
        double d = row[j] - mu;
        ss += d * d;
      }
      sd[j] = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
    }
    return sd;
  }
}
