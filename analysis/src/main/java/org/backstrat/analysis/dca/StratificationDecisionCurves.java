package org.backstrat.analysis.dca;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.backstrat.analysis.validation.StratifiedFolds;
import org.backstrat.core.BadInputException;

/**
 * The decision-curve study of a stratification (DESIGN.md, "Decision curve analysis"): each
 * person's predicted risk is the outcome rate of their stratum computed out of fold
 * ({@link OutOfFoldStratumRisk}), judged against treat-all, treat-none and any comparator
 * predictors (for example "SBT high risk" or "ÖMPSQ high risk" as 0/1 rules), with optional
 * bootstrap bands and the threshold ranges where the stratification beats both defaults.
 *
 * <p>Folds are drawn by {@link StratifiedFolds} over the cells stratum × outcome, so every fold's
 * training part sees each stratum with about its overall outcome rate; they are drawn from a
 * {@link SplittableRandom} seeded with {@link #seed()}, so the study is deterministic.
 */
public final class StratificationDecisionCurves {

  /** Model name of the stratification's curve. */
  public static final String STRATIFICATION = "stratification";

  private final ThresholdGrid thresholds;
  private final int folds;
  private final long seed;
  private final int bootstrapReplicates;

  private StratificationDecisionCurves(ThresholdGrid thresholds, int folds, long seed,
                                       int bootstrapReplicates) {
    if (folds < 2) {
      throw new IllegalArgumentException("folds must be >= 2: " + folds);
    }
    if (bootstrapReplicates < 0 || bootstrapReplicates == 1) {
      throw new IllegalArgumentException("bootstrap replicates must be 0 (none) or >= 2: " + bootstrapReplicates);
    }
    this.thresholds = thresholds;
    this.folds = folds;
    this.seed = seed;
    this.bootstrapReplicates = bootstrapReplicates;
  }

  /** Thresholds 0.01:0.99:0.01, 5 folds, seed 1, 1000 bootstrap replicates. */
  public static StratificationDecisionCurves withDefaults() {
    return new StratificationDecisionCurves(ThresholdGrid.defaultGrid(), 5, 1L, 1000);
  }

  /** A copy with another threshold grid. */
  public StratificationDecisionCurves withThresholds(ThresholdGrid grid) {
    return new StratificationDecisionCurves(grid, folds, seed, bootstrapReplicates);
  }

  /** A copy with k folds for the out-of-fold risks. */
  public StratificationDecisionCurves withFolds(int k) {
    return new StratificationDecisionCurves(thresholds, k, seed, bootstrapReplicates);
  }

  /** A copy with another seed (folds and bootstrap). */
  public StratificationDecisionCurves withSeed(long s) {
    return new StratificationDecisionCurves(thresholds, folds, s, bootstrapReplicates);
  }

  /** A copy with B bootstrap replicates (0 = no bands). */
  public StratificationDecisionCurves withBootstrapReplicates(int b) {
    return new StratificationDecisionCurves(thresholds, folds, seed, b);
  }

  /** The threshold grid. */
  public ThresholdGrid thresholds() {
    return thresholds;
  }

  /** Number of folds. */
  public int folds() {
    return folds;
  }

  /** Seed. */
  public long seed() {
    return seed;
  }

  /** Bootstrap replicates (0 = none). */
  public int bootstrapReplicates() {
    return bootstrapReplicates;
  }

  /**
   * Runs the study.
   *
   * @param stratum stratum of each person, 0..stratumCount-1
   * @param stratumCount number of strata
   * @param outcome binary outcome of each person
   * @param comparators other predictors to draw beside the stratification (may be empty)
   * @throws BadInputException when the outcome is constant or there are fewer people than folds
   */
  public Result compute(int[] stratum, int stratumCount, boolean[] outcome,
                        List<Predictor> comparators) {
    int n = outcome.length;
    if (stratum.length != n) {
      throw new IllegalArgumentException(stratum.length + " strata for " + n + " outcomes");
    }
    int events = 0;
    for (boolean o : outcome) {
      events += o ? 1 : 0;
    }
    if (events == 0 || events == n) {
      throw new BadInputException("the outcome is " + (events == 0 ? "absent" : "present")
          + " in all " + n + " people; decision curves need both outcomes");
    }
    if (n < folds) {
      throw new BadInputException("decision curves with " + folds + " folds need at least " + folds
          + " people; got " + n);
    }
    int[] cell = new int[n];
    for (int i = 0; i < n; i++) {
      cell[i] = stratum[i] * 2 + (outcome[i] ? 1 : 0);
    }
    SplittableRandom master = new SplittableRandom(seed);
    int[] fold = StratifiedFolds.assign(cell, stratumCount * 2, folds, master.split());
    double[] risk = OutOfFoldStratumRisk.compute(stratum, stratumCount, outcome, fold);
    List<Predictor> predictors = new ArrayList<>();
    predictors.add(new Predictor(STRATIFICATION, risk));
    predictors.addAll(comparators);
    DecisionCurveAnalysis analysis = DecisionCurveAnalysis.withDefaults().withThresholds(thresholds);
    DecisionCurves curves = analysis.compute(outcome, predictors);
    Optional<BootstrapBands> bands = bootstrapReplicates > 0
        ? Optional.of(DecisionCurveBootstrap.withDefaults().withReplicates(bootstrapReplicates)
            .withSeed(master.nextLong()).compute(analysis, outcome, predictors))
        : Optional.empty();
    return new Result(risk, fold, curves, bands, curves.superiorRanges(STRATIFICATION));
  }

  /**
   * The study's outcome.
   *
   * @param outOfFoldRisk each person's stratum risk from the other folds
   * @param fold each person's fold
   * @param curves treat_all, treat_none, stratification, then the comparators
   * @param bands bootstrap bands, when requested
   * @param stratificationSuperiorRanges where the stratification beats treat-all and treat-none
   */
  public record Result(double[] outOfFoldRisk, int[] fold, DecisionCurves curves,
                       Optional<BootstrapBands> bands,
                       SuperiorRanges stratificationSuperiorRanges) {

    public Result {
      outOfFoldRisk = outOfFoldRisk.clone();
      fold = fold.clone();
    }

    @Override
    public double[] outOfFoldRisk() {
      return outOfFoldRisk.clone();
    }

    @Override
    public int[] fold() {
      return fold.clone();
    }
  }
}
