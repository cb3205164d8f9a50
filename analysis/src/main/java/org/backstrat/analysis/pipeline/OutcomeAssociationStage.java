package org.backstrat.analysis.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.backstrat.analysis.missing.LogisticRegression;
import org.backstrat.analysis.missing.RubinPooling;
import org.backstrat.core.cohort.Cohort;

/**
 * Stage 8, the outcome by stratum: a logistic regression of the configured binary outcome on
 * indicators of the strata (the largest stratum the reference), on the kept people whose
 * outcome is known, reported as odds ratios with 95% limits. With {@code "missing": "mice"} the
 * strata differ between the imputed sets, so the regression is fitted on each set's own strata
 * and pooled by Rubin's rules ({@link RubinPooling}, Barnard–Rubin degrees of freedom with the
 * complete-data df n − p), as R's {@code pool(with(imp, glm(...)))} does.
 */
public final class OutcomeAssociationStage {
  private static final double LEVEL = 0.95;

  private OutcomeAssociationStage() {
  }

  /** Runs the stage; empty (with a note) when the outcome is absent or constant. */
  public static Optional<OutcomeAssociation> run(VariantContext ctx, StrataFit fit) {
    Cohort scored = ctx.scored();
    String outcome = ctx.config().outcome();
    if (!scored.has(outcome) || fit.k() < 2) {
      return OutcomeAssociation.none();
    }
    double[] y = scored.values(outcome);
    List<Integer> rows = new ArrayList<>(); // indices into kept
    int events = 0;
    for (int q = 0; q < fit.kept().length; q++) {
      double v = y[fit.keptCohortRows()[q]];
      if (!Double.isNaN(v)) {
        rows.add(q);
        events += v != 0 ? 1 : 0;
      }
    }
    int n = rows.size();
    if (events == 0 || events == n) {
      ctx.note("no odds ratios of " + outcome + " by stratum: it is the same for all " + n
          + " people with it known");
      return OutcomeAssociation.none();
    }
    int k = fit.k();
    boolean[] yy = new boolean[n];
    int[] size = new int[k];
    int[] ev = new int[k];
    for (int i = 0; i < n; i++) {
      int q = rows.get(i);
      yy[i] = y[fit.keptCohortRows()[q]] != 0;
      size[fit.keptStrata()[q]]++;
      ev[fit.keptStrata()[q]] += yy[i] ? 1 : 0;
    }
    int reference = 0;
    for (int c = 1; c < k; c++) {
      reference = size[c] > size[reference] ? c : reference;
    }
    List<int[]> sets = new ArrayList<>();
    if (fit.imputedSetLabels().size() >= 2) {
      for (int[] labels : fit.imputedSetLabels()) {
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
          s[i] = labels[fit.kept()[rows.get(i)]];
        }
        sets.add(s);
      }
    } else {
      int[] s = new int[n];
      for (int i = 0; i < n; i++) {
        s[i] = fit.keptStrata()[rows.get(i)];
      }
      sets.add(s);
    }
    List<double[]> est = new ArrayList<>();
    List<double[]> var = new ArrayList<>();
    boolean converged = true;
    int dfcom = n - k;
    // a stratum in which everyone or no one has the outcome (in any set) has no finite odds
    // ratio: the maximum likelihood estimate does not exist (separation)
    boolean[] estimable = new boolean[k];
    java.util.Arrays.fill(estimable, true);
    for (int[] strata : sets) {
      int[] sz = new int[k];
      int[] e = new int[k];
      for (int i = 0; i < n; i++) {
        sz[strata[i]]++;
        e[strata[i]] += yy[i] ? 1 : 0;
      }
      for (int c = 0; c < k; c++) {
        estimable[c] &= e[c] > 0 && e[c] < sz[c];
      }
    }
    for (int[] strata : sets) {
      LogisticRegression r = LogisticRegression.fit(design(strata, k, reference), yy);
      converged &= r.converged() || !allEstimable(estimable);
      est.add(r.coefficients());
      var.add(r.variances());
    }
    List<OutcomeAssociation.Row> out = new ArrayList<>();
    RubinPooling pooled = sets.size() >= 2 ? RubinPooling.of(est, var, dfcom) : null;
    int j = 1;
    for (int c = 0; c < k; c++) {
      if (c == reference) {
        continue;
      }
      double beta;
      double[] ci;
      double p;
      double df;
      double fmi;
      if (!converged || !estimable[c] || !estimable[reference]) {
        beta = Double.NaN;
        ci = new double[] {Double.NaN, Double.NaN};
        p = Double.NaN;
        df = Double.NaN;
        fmi = Double.NaN;
      } else if (pooled != null) {
        beta = pooled.estimate()[j];
        ci = pooled.confidenceInterval(j, LEVEL);
        p = pooled.pValue(j);
        df = pooled.degreesOfFreedom(j);
        fmi = pooled.fractionMissingInformation(j);
      } else {
        beta = est.get(0)[j];
        double se = Math.sqrt(var.get(0)[j]);
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - LEVEL) / 2);
        ci = new double[] {beta - z * se, beta + z * se};
        p = 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(beta / se));
        df = Double.POSITIVE_INFINITY;
        fmi = Double.NaN;
      }
      out.add(new OutcomeAssociation.Row(c, size[c], ev[c], Math.exp(beta), Math.exp(ci[0]),
          Math.exp(ci[1]), p, df, fmi));
      j++;
    }
    boolean all = converged && allEstimable(estimable);
    if (!all) {
      ctx.note("some odds ratios of " + outcome + " by stratum are not estimable: in a "
          + "stratum everyone or no one has the outcome" + (sets.size() >= 2
              ? " in at least one imputed set" : "") + " (separation)");
    }
    return Optional.of(new OutcomeAssociation(outcome, n, events, reference, out,
        sets.size() >= 2 ? sets.size() : 0, all));
  }

  private static boolean allEstimable(boolean[] estimable) {
    for (boolean b : estimable) {
      if (!b) {
        return false;
      }
    }
    return true;
  }

  /** One 0/1 column per stratum other than the reference, in stratum order. */
  private static double[][] design(int[] strata, int k, int reference) {
    double[][] x = new double[strata.length][k - 1];
    for (int i = 0; i < strata.length; i++) {
      int col = 0;
      for (int c = 0; c < k; c++) {
        if (c == reference) {
          continue;
        }
        x[i][col++] = strata[i] == c ? 1 : 0;
      }
    }
    return x;
  }
}
