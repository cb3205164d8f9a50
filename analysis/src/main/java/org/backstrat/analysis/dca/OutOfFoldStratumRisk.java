package org.backstrat.analysis.dca;

/**
 * The predicted risk of a stratification for decision curves: each person's risk is the outcome
 * rate of their stratum, estimated only on the other folds (the training folds of the fold the
 * person is in), so no person's own outcome enters their risk.
 *
 * <p>A stratum with no member in a fold's training part gets that training part's overall outcome
 * rate (prevalence): without information about the stratum, the best available estimate is the
 * population rate, which is also what a model with only an intercept would predict. Folds can be
 * made with {@code org.backstrat.analysis.validation.StratifiedFolds} (stratified by stratum or by
 * outcome).
 */
public final class OutOfFoldStratumRisk {

  private OutOfFoldStratumRisk() {
  }

  /**
   * Out-of-fold stratum risks.
   *
   * @param stratum stratum of each person, 0..stratumCount-1
   * @param stratumCount number of strata
   * @param outcome outcome of each person
   * @param fold fold of each person, 0..k-1 (any k &gt;= 2)
   * @return risk per person, in [0, 1]
   * @throws IllegalArgumentException on mismatched lengths, values out of range, or a fold that
   *     holds everyone (its training part would be empty)
   */
  public static double[] compute(int[] stratum, int stratumCount, boolean[] outcome, int[] fold) {
    int n = stratum.length;
    if (outcome.length != n || fold.length != n) {
      throw new IllegalArgumentException("stratum, outcome and fold must have the same length");
    }
    int folds = 0;
    for (int i = 0; i < n; i++) {
      if (stratum[i] < 0 || stratum[i] >= stratumCount) {
        throw new IllegalArgumentException("person " + i + ": stratum " + stratum[i] + " outside 0.." + (stratumCount - 1));
      }
      if (fold[i] < 0) {
        throw new IllegalArgumentException("person " + i + ": negative fold " + fold[i]);
      }
      folds = Math.max(folds, fold[i] + 1);
    }
    // counts[f][s] and events[f][s]; the training part of fold f is the total minus fold f
    long[][] members = new long[folds][stratumCount];
    long[][] events = new long[folds][stratumCount];
    long[] totalMembers = new long[stratumCount];
    long[] totalEvents = new long[stratumCount];
    for (int i = 0; i < n; i++) {
      members[fold[i]][stratum[i]]++;
      totalMembers[stratum[i]]++;
      if (outcome[i]) {
        events[fold[i]][stratum[i]]++;
        totalEvents[stratum[i]]++;
      }
    }
    double[][] risk = new double[folds][stratumCount];
    for (int f = 0; f < folds; f++) {
      long trainN = 0;
      long trainEvents = 0;
      for (int s = 0; s < stratumCount; s++) {
        trainN += totalMembers[s] - members[f][s];
        trainEvents += totalEvents[s] - events[f][s];
      }
      boolean used = false;
      for (int s = 0; s < stratumCount; s++) {
        used |= members[f][s] > 0;
      }
      if (used && trainN == 0) {
        throw new IllegalArgumentException("fold " + f + " holds every person; no training data");
      }
      double prevalence = trainN > 0 ? (double) trainEvents / trainN : Double.NaN;
      for (int s = 0; s < stratumCount; s++) {
        long m = totalMembers[s] - members[f][s];
        risk[f][s] = m > 0 ? (double) (totalEvents[s] - events[f][s]) / m : prevalence;
      }
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = risk[fold[i]][stratum[i]];
    }
    return out;
  }
}
