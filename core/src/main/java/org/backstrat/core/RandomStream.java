package org.backstrat.core;

import java.util.SplittableRandom;

/**
 * The independent random streams of an analysis, one per randomised component, all derived from
 * the one master seed a user sets. Before, one seed fed several components directly, so that,
 * for example, the K-selection bootstrap started from the very number the clusterer's first
 * restart started from, and the cross-validation folds and the decision-curve folds were drawn
 * from the same generator.
 *
 * <p>Derivation (the seed-mixing function): the seed of the stream with number {@code i} is the
 * first {@code nextLong()} of the {@code i}-th generator split off
 * {@code new SplittableRandom(master)} ({@link SplittableRandom#split()}; Steele, Lea &amp; Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014). Each split generator has its
 * own gamma, so the streams are statistically independent of each other and of the master's own
 * sequence; the numbers are fixed per stream (new streams are appended, never renumbered), so
 * adding a component never moves another one's randomness. Pure function of (master, stream):
 * the same on every thread and platform.
 */
public enum RandomStream {
  /** k-means++ restarts of the clusterer (the seed handed to {@code Clusterer}). */
  CLUSTER_RESTARTS(1),
  /** Bootstrap resamples of the K-selection stability (clusterboot). */
  STABILITY_BOOTSTRAP(2),
  /** Uniform reference sets of the gap statistic. */
  GAP_REFERENCES(3),
  /** The stratified sample of the silhouette estimate on large data. */
  SILHOUETTE_SAMPLE(4),
  /** The subsample K is chosen on when more people are clustered than selection_sample. */
  SELECTION_SUBSAMPLE(5),
  /** The stratified subsample cross-validated when more people are kept than cv_sample. */
  CV_SUBSAMPLE(6),
  /** The fold assignments of the repeated cross-validation. */
  CV_FOLDS(7),
  /** The decision curves: folds of the out-of-fold stratum risks, then the bootstrap bands. */
  DECISION_CURVES(8),
  /** The inner folds that choose the ridge penalty of the validation's regression. */
  RIDGE_INNER_FOLDS(9),
  /** The block permutations of the test of the strata. */
  BLOCK_PERMUTATION(10),
  /** The random halves of prediction strength and split-half reproducibility. */
  SPLIT_HALF(11),
  /** The bootstrap resamples of the odds ratios' confidence intervals (the forest plot). */
  ODDS_RATIO_BOOTSTRAP(12);

  private final int number;

  RandomStream(int number) {
    this.number = number;
  }

  /** The stream's fixed number (1-based split index). */
  public int number() {
    return number;
  }

  /** The seed of this stream for {@code master} (see the class comment). */
  public long seed(long master) {
    SplittableRandom root = new SplittableRandom(master);
    SplittableRandom stream = root.split();
    for (int i = 1; i < number; i++) {
      stream = root.split();
    }
    return stream.nextLong();
  }
}
