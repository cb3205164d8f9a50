package org.backstrat.analysis.stats;

import java.util.Optional;

/**
 * Test of association between two categorical variables given as a table of counts: Pearson's
 * chi-square, replaced by the exact Fisher–Freeman–Halton test when the {@link ExactTestRule}
 * (Cochran's rule by default: any expected count &lt; 1, or more than 20% of them &lt; 5) says
 * the chi-square approximation cannot be trusted. Cramér's V is reported in both cases, from
 * the uncorrected Pearson X² (an effect size does not depend on how p was obtained).
 *
 * <p>When the exact test is used, {@code statistic} and {@code degreesOfFreedom} are still the
 * Pearson X² and its df, given for reference; {@code p} is the exact (or, for a table beyond the
 * exact search's limit, Monte Carlo) p-value, as {@code method} says.
 */
public final class CategoricalAssociation {
  private static final CategoricalAssociation DEFAULT = new CategoricalAssociation(
      ExactTestRule.COCHRAN, ChiSquareIndependence.withDefaults(), FisherFreemanHalton.withDefaults());

  private final ExactTestRule rule;
  private final ChiSquareIndependence chiSquare;
  private final FisherFreemanHalton exact;

  private CategoricalAssociation(ExactTestRule rule, ChiSquareIndependence chiSquare,
                                 FisherFreemanHalton exact) {
    this.rule = rule;
    this.chiSquare = chiSquare;
    this.exact = exact;
  }

  /** Cochran's rule, chi-square without continuity correction, default exact test. */
  public static CategoricalAssociation withDefaults() {
    return DEFAULT;
  }

  /** A copy choosing the exact test by {@code r}. */
  public CategoricalAssociation with(ExactTestRule r) {
    return new CategoricalAssociation(r, chiSquare, exact);
  }

  /** A copy using {@code c} for the chi-square test. */
  public CategoricalAssociation with(ChiSquareIndependence c) {
    return new CategoricalAssociation(rule, c, exact);
  }

  /** A copy using {@code f} for the exact test. */
  public CategoricalAssociation with(FisherFreemanHalton f) {
    return new CategoricalAssociation(rule, chiSquare, f);
  }

  /**
   * Result of the comparison.
   *
   * @param test chi-square or Fisher–Freeman–Halton
   * @param statistic Pearson X² (continuity-corrected only if the chi-square test was configured so
   *     and used)
   * @param degreesOfFreedom (r - 1)(c - 1)
   * @param p p-value of the test used
   * @param method asymptotic, exact or Monte Carlo
   * @param chiSquare the full chi-square result (expected counts, both Cramér's V)
   * @param exact the exact test's result when it was used
   */
  public record Result(TestKind test, double statistic, int degreesOfFreedom, double p,
                       PValueMethod method, ChiSquareIndependence.Result chiSquare,
                       Optional<FisherFreemanHalton.Result> exact) {

    /** Cramér's V (uncorrected). */
    public double cramersV() {
      return chiSquare.cramersV();
    }
  }

  /** Tests a table of counts (rows × columns). */
  public Result test(long[][] table) {
    return test(ContingencyTable.of(table));
  }

  Result test(ContingencyTable t) {
    ChiSquareIndependence.Result chi = chiSquare.test(t);
    if (rule.requiresExact(chi.expected())) {
      FisherFreemanHalton.Result f = exact.test(t);
      PValueMethod m = f.method() == FisherFreemanHalton.Method.EXACT
          ? PValueMethod.EXACT : PValueMethod.MONTE_CARLO;
      return new Result(TestKind.FISHER_FREEMAN_HALTON, chi.statistic(), chi.degreesOfFreedom(),
          f.p(), m, chi, Optional.of(f));
    }
    return new Result(TestKind.CHI_SQUARE, chi.statistic(), chi.degreesOfFreedom(), chi.p(),
        PValueMethod.ASYMPTOTIC, chi, Optional.empty());
  }
}
