package org.backstrat.analysis.dca;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.core.BadInputException;

/**
 * Percentile bootstrap bands for decision curves: people are resampled with replacement B times
 * (n draws each, outcome and risks kept together), every curve is recomputed on each resample
 * (with the resample's own prevalence), and the band at each threshold is the (1−level)/2 and
 * (1+level)/2 quantiles of the B net benefits (R's default quantile type 7, linear
 * interpolation).
 *
 * <p>The risks are held fixed: the bands show the sampling variability of net benefit for the
 * given predictions, not the variability of refitting the model that produced them (for
 * out-of-fold stratum risks that would need the whole clustering rerun per replicate). Every model
 * is evaluated on the same resamples. Memory is O(models × thresholds × B) doubles.
 *
 * <p>Determinism: a master {@link SplittableRandom} seeded with the seed is split once per
 * replicate in replicate order, so results depend only on the seed and B.
 */
public final class DecisionCurveBootstrap {

  private final int replicates;
  private final long seed;
  private final double level;

  /** Most bootstrap replicates allowed. */
  public static final int MAX_REPLICATES = 100_000;
  /**
   * Most bootstrap net benefits kept at once (replicates x thresholds x curves, 8 bytes each:
   * 160 MB): the bands need every replicate's value to take percentiles.
   */
  public static final long MAX_VALUES = 20_000_000;

  private DecisionCurveBootstrap(int replicates, long seed, double level) {
    if (replicates < 2 || replicates > MAX_REPLICATES) {
      throw new BadInputException("decision-curve bootstrap replicates " + replicates
          + ": expected a whole number from 2 to " + MAX_REPLICATES);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1): " + level);
    }
    this.replicates = replicates;
    this.seed = seed;
    this.level = level;
  }

  /** 1000 replicates, seed 1, 95% bands. */
  public static DecisionCurveBootstrap withDefaults() {
    return new DecisionCurveBootstrap(1000, 1L, 0.95);
  }

  /** A copy with B replicates. */
  public DecisionCurveBootstrap withReplicates(int b) {
    return new DecisionCurveBootstrap(b, seed, level);
  }

  /** A copy with another seed. */
  public DecisionCurveBootstrap withSeed(long s) {
    return new DecisionCurveBootstrap(replicates, s, level);
  }

  /** A copy with another coverage level (0.95 = 95% bands). */
  public DecisionCurveBootstrap withLevel(double l) {
    return new DecisionCurveBootstrap(replicates, seed, l);
  }

  /** Number of replicates B. */
  public int replicates() {
    return replicates;
  }

  /** Seed. */
  public long seed() {
    return seed;
  }

  /** Coverage level. */
  public double level() {
    return level;
  }

  /**
   * Bands for treat-all, treat-none and every predictor, in that order (the same order as
   * {@link DecisionCurveAnalysis#compute}).
   */
  public BootstrapBands compute(DecisionCurveAnalysis analysis, boolean[] outcome,
                                List<Predictor> predictors) {
    int n = outcome.length;
    int thresholds = analysis.thresholds().size();
    int models = predictors.size() + 2;
    long values = (long) replicates * thresholds * models;
    if (values > MAX_VALUES) {
      throw new BadInputException("decision-curve bootstrap: " + replicates + " replicates x "
          + thresholds + " thresholds x " + models + " curves = " + values + " values to keep, "
          + "more than the " + MAX_VALUES + " allowed: use fewer replicates or a coarser "
          + "threshold grid");
    }
    int[][] treated = new int[models][];
    int[] all = new int[n];
    Arrays.fill(all, thresholds);
    treated[0] = all;
    treated[1] = new int[n];
    for (int m = 0; m < predictors.size(); m++) {
      if (predictors.get(m).risk().length != n) {
        throw new IllegalArgumentException(predictors.get(m).name() + ": wrong number of risks");
      }
      treated[m + 2] = analysis.treatedCounts(predictors.get(m));
    }
    // samples[model][threshold][replicate]
    double[][][] samples = new double[models][thresholds][replicates];
    SplittableRandom master = new SplittableRandom(seed);
    int[] weight = new int[n];
    long[] tp = new long[thresholds];
    long[] fp = new long[thresholds];
    for (int b = 0; b < replicates; b++) {
      SplittableRandom r = master.split();
      Arrays.fill(weight, 0);
      for (int draw = 0; draw < n; draw++) {
        weight[r.nextInt(n)]++;
      }
      for (int m = 0; m < models; m++) {
        DecisionCurveAnalysis.count(treated[m], outcome, weight, tp, fp);
        for (int t = 0; t < thresholds; t++) {
          samples[m][t][b] = DecisionCurveAnalysis.netBenefit(tp[t], fp[t], n,
              analysis.thresholds().value(t));
        }
      }
    }
    List<BootstrapBands.Band> bands = new ArrayList<>(models);
    double lowQ = (1 - level) / 2;
    double highQ = (1 + level) / 2;
    for (int m = 0; m < models; m++) {
      double[] lower = new double[thresholds];
      double[] upper = new double[thresholds];
      for (int t = 0; t < thresholds; t++) {
        double[] s = samples[m][t];
        Arrays.sort(s);
        lower[t] = quantileType7(s, lowQ);
        upper[t] = quantileType7(s, highQ);
      }
      String name = m == 0 ? DecisionCurves.TREAT_ALL
          : m == 1 ? DecisionCurves.TREAT_NONE : predictors.get(m - 2).name();
      bands.add(new BootstrapBands.Band(name, lower, upper));
    }
    return new BootstrapBands(replicates, seed, level, bands);
  }

  /** R's type 7 quantile of sorted values: x[h] interpolated linearly, h = (B − 1) q. */
  static double quantileType7(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
