package org.backstrat.analysis.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.backstrat.analysis.config.AnalysisConfig;
import org.backstrat.core.cohort.Cohort;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Odds ratios of the outcome by stratum. With strata as the only predictors the logistic model
 * is saturated, so each odds ratio is the cross-product ratio of the stratum's and the
 * reference's 2 x 2 counts and its Wald variance Woolf's 1/a + 1/b + 1/c + 1/d: the expected
 * values below are computed from counts, not from the regression. Under multiple imputation
 * Rubin's rules pool those per-set log odds ratios (Q̄ their mean, Ū the mean Woolf variance,
 * B their variance) over each imputed set's own strata.
 */
class OutcomeAssociationStageTest {
  private static Cohort scored;

  @BeforeAll
  static void cohort() throws Exception {
    scored = StratificationAnalysisTest.scoredSynthetic(600, 11);
  }

  /** {log OR, Woolf variance} of stratum c against ref from the counts. */
  private static double[] woolf(int[] strata, boolean[] y, int c, int ref) {
    double a = 0;
    double b = 0;
    double cc = 0;
    double d = 0;
    for (int i = 0; i < strata.length; i++) {
      if (strata[i] == c) {
        a += y[i] ? 1 : 0;
        b += y[i] ? 0 : 1;
      } else if (strata[i] == ref) {
        cc += y[i] ? 1 : 0;
        d += y[i] ? 0 : 1;
      }
    }
    return new double[] {Math.log(a * d / (b * cc)), 1 / a + 1 / b + 1 / cc + 1 / d};
  }

  private record People(int[] keptIndex, boolean[] y) {
  }

  private static People people(VariantAnalysis v, String outcome) {
    double[] y = scored.values(outcome);
    StrataFit fit = v.strataFit();
    List<Integer> idx = new ArrayList<>();
    for (int q = 0; q < fit.kept().length; q++) {
      if (!Double.isNaN(y[fit.keptCohortRows()[q]])) {
        idx.add(q);
      }
    }
    int[] k = idx.stream().mapToInt(Integer::intValue).toArray();
    boolean[] yy = new boolean[k.length];
    for (int i = 0; i < k.length; i++) {
      yy[i] = y[fit.keptCohortRows()[k[i]]] == 1;
    }
    return new People(k, yy);
  }

  @Test
  void completeCaseOddsRatiosAreTheCrossProductRatiosAgainstTheLargestStratum() {
    AnalysisConfig c = StratificationAnalysisTest.quick().k(3).build();
    VariantAnalysis v = StratificationAnalysis.of(c).run(scored).variants().get(0);
    OutcomeAssociation o = v.outcomeAssociation().orElseThrow();
    People p = people(v, c.outcome());
    int[] strata = new int[p.keptIndex().length];
    int[] size = new int[3];
    for (int i = 0; i < strata.length; i++) {
      strata[i] = v.strataFit().keptStrata()[p.keptIndex()[i]];
      size[strata[i]]++;
    }
    assertThat(o.people()).isEqualTo(strata.length);
    assertThat(o.imputations()).isZero();
    assertThat(size[o.reference()]).isEqualTo(Math.max(size[0], Math.max(size[1], size[2])));
    assertThat(o.rows()).hasSize(2);
    int estimated = 0;
    for (OutcomeAssociation.Row r : o.rows()) {
      double[] w = woolf(strata, p.y(), r.stratum(), o.reference());
      if (!Double.isFinite(w[0])) { // a zero cell: no maximum likelihood estimate
        assertThat(r.oddsRatio()).isNaN();
        assertThat(o.converged()).isFalse();
        continue;
      }
      estimated++;
      assertThat(Math.log(r.oddsRatio())).isCloseTo(w[0], within(1e-8));
      double se = Math.sqrt(w[1]);
      assertThat(Math.log(r.lower())).isCloseTo(w[0] - 1.959963984540054 * se, within(1e-7));
      assertThat(Math.log(r.upper())).isCloseTo(w[0] + 1.959963984540054 * se, within(1e-7));
      assertThat(r.df()).isInfinite();
    }
    assertThat(estimated).as("odds ratios checked").isPositive();
  }

  @Test
  void underMiceTheOddsRatiosArePooledByRubinsRulesOverEachImputedSetsOwnStrata() {
    double[] bmi = scored.values("bmi").clone();
    for (int i = 0; i < bmi.length; i += 4) {
      bmi[i] = Double.NaN; // a quarter without BMI, so the strata differ between the sets
    }
    Cohort gappy = scored.withColumn(scored.variable("bmi").orElseThrow(), bmi);
    AnalysisConfig c = StratificationAnalysisTest.quick().k(3).missing("mice").build();
    VariantAnalysis v = StratificationAnalysis.of(c).run(gappy).variants().get(0);
    OutcomeAssociation o = v.outcomeAssociation().orElseThrow();
    assertThat(o.imputations()).isEqualTo(5);
    assertThat(v.strataFit().imputedSetLabels()).hasSize(5);
    People p = people(v, c.outcome());
    int m = 5;
    boolean anyBetween = false;
    int estimated = 0;
    rows:
    for (OutcomeAssociation.Row r : o.rows()) {
      double[] logOr = new double[m];
      double ubar = 0;
      for (int s = 0; s < m; s++) {
        int[] labels = v.strataFit().imputedSetLabels().get(s);
        int[] strata = new int[p.keptIndex().length];
        for (int i = 0; i < strata.length; i++) {
          strata[i] = labels[v.strataFit().kept()[p.keptIndex()[i]]];
        }
        double[] w = woolf(strata, p.y(), r.stratum(), o.reference());
        if (!Double.isFinite(w[0])) {
          assertThat(r.oddsRatio()).isNaN();
          continue rows;
        }
        logOr[s] = w[0];
        ubar += w[1] / m;
      }
      double qbar = java.util.Arrays.stream(logOr).average().orElseThrow();
      double b = 0;
      for (double x : logOr) {
        b += (x - qbar) * (x - qbar) / (m - 1);
      }
      anyBetween |= b > 0;
      double t = ubar + (1 + 1.0 / m) * b;
      assertThat(Math.log(r.oddsRatio())).isCloseTo(qbar, within(1e-8));
      // Barnard-Rubin df with the complete-data df n - k, as mice
      double lambda = Math.max(1e-4, (1 + 1.0 / m) * b / t);
      double old = (m - 1) / (lambda * lambda);
      double com = o.people() - 3;
      double obs = (com + 1) / (com + 3) * com * (1 - lambda);
      assertThat(r.df()).isCloseTo(old * obs / (old + obs), within(1e-6 * r.df()));
      double q = org.apache.commons.statistics.distribution.TDistribution.of(r.df())
          .inverseSurvivalProbability(0.025);
      assertThat(Math.log(r.upper())).isCloseTo(qbar + q * Math.sqrt(t), within(1e-7));
      assertThat(r.fractionMissingInformation()).isBetween(0.0, 1.0);
      estimated++;
    }
    assertThat(estimated).as("odds ratios checked").isPositive();
    assertThat(anyBetween).as("the imputed sets' strata differ, so B > 0 somewhere").isTrue();
  }
}
