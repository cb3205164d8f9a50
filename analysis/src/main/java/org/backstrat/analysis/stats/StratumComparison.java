package org.backstrat.analysis.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The between-stratum test table of the characterisation (DESIGN.md, "Characterisation"): one
 * typed row per variable, adjusted across the family of variables, and post-hoc pairwise rows.
 *
 * <p>Tests by {@link VariableScale}: numeric and ordinal variables get Kruskal–Wallis (effect
 * size ε²) with Dunn's post-hoc test; categorical variables get chi-square or, by the
 * {@link ExactTestRule} (Cochran's by default), the exact Fisher–Freeman–Halton test (effect
 * size Cramér's V), with pairwise chi-square / exact tests between every two strata. Family
 * adjustment is Holm by default ({@link #with(PValueAdjustment)} for Benjamini–Hochberg).
 *
 * <p>Inputs are a variable's values (numbers or category codes; NaN = missing) and each
 * person's stratum label (any integer; negative = in no stratum, for example a trimmed outlier,
 * left out of every test). Missing values are left out of the variable's test only. Fewer than
 * two strata with non-missing values is bad input. A variable that cannot be tested (all values
 * equal, a single level) gives a row with NaN statistic and p and method
 * {@link PValueMethod#NOT_COMPUTABLE}; such rows stay NaN after adjustment and do not count in
 * the family size.
 */
public final class StratumComparison {
  private static final StratumComparison DEFAULT =
      new StratumComparison(PValueAdjustment.HOLM, CategoricalAssociation.withDefaults());

  private final PValueAdjustment adjustment;
  private final CategoricalAssociation categorical;

  private StratumComparison(PValueAdjustment adjustment, CategoricalAssociation categorical) {
    this.adjustment = adjustment;
    this.categorical = categorical;
  }

  /** Holm adjustment, Cochran's rule, default exact test. */
  public static StratumComparison withDefaults() {
    return DEFAULT;
  }

  /** A copy adjusting families with {@code a}. */
  public StratumComparison with(PValueAdjustment a) {
    return new StratumComparison(Objects.requireNonNull(a), categorical);
  }

  /** A copy testing categorical variables with {@code c}. */
  public StratumComparison with(CategoricalAssociation c) {
    return new StratumComparison(adjustment, Objects.requireNonNull(c));
  }

  /** The effect size reported in a row. */
  public enum EffectSize {
    /** ε² = H / (N - 1) of Kruskal–Wallis. */
    EPSILON_SQUARED,
    /** Cramér's V. */
    CRAMERS_V
  }

  /**
   * One variable's between-stratum test.
   *
   * @param variable the variable's name
   * @param test the test used
   * @param statistic H or Pearson X² (also given when the exact test decided p)
   * @param degreesOfFreedom of the statistic
   * @param p unadjusted p-value
   * @param pAdjusted adjusted across the family; NaN until {@link #adjust} fills it
   * @param effectSize ε² or Cramér's V
   * @param effectSizeMeasure which of the two
   * @param n number of people tested (non-missing, in a stratum)
   * @param method how p was obtained
   */
  public record TestRow(String variable, TestKind test, double statistic, int degreesOfFreedom,
                        double p, double pAdjusted, double effectSize, EffectSize effectSizeMeasure,
                        int n, PValueMethod method) {

    /** This row with {@code adjusted} as its adjusted p-value. */
    public TestRow withPAdjusted(double adjusted) {
      return new TestRow(variable, test, statistic, degreesOfFreedom, p, adjusted, effectSize,
          effectSizeMeasure, n, method);
    }
  }

  /**
   * One post-hoc comparison of two strata for one variable.
   *
   * @param variable the variable's name
   * @param test Dunn, chi-square or Fisher–Freeman–Halton
   * @param stratumA the smaller stratum label
   * @param stratumB the larger stratum label
   * @param statistic Dunn's z (mean rank of A minus B) or Pearson X² of the two-stratum table
   * @param p unadjusted
   * @param pAdjusted adjusted across this variable's pairs
   * @param method how p was obtained
   */
  public record PairwiseRow(String variable, TestKind test, int stratumA, int stratumB,
                            double statistic, double p, double pAdjusted, PValueMethod method) {
  }

  /** Tests whether {@code values} differ between strata; {@code pAdjusted} is NaN here. */
  public TestRow test(String variable, VariableScale scale, double[] values, int[] strata) {
    GroupedSample sample = GroupedSample.of(values, strata);
    sample.requireTwoGroups("comparing " + variable + " between strata");
    if (scale == VariableScale.CATEGORICAL) {
      ContingencyTable table = ContingencyTable.crossTabulate(sample);
      if (!table.isTestable()) {
        return new TestRow(variable, TestKind.CHI_SQUARE, Double.NaN, 0, Double.NaN, Double.NaN,
            Double.NaN, EffectSize.CRAMERS_V, sample.size(), PValueMethod.NOT_COMPUTABLE);
      }
      CategoricalAssociation.Result r = categorical.test(table);
      return new TestRow(variable, r.test(), r.statistic(), r.degreesOfFreedom(), r.p(), Double.NaN,
          r.cramersV(), EffectSize.CRAMERS_V, sample.size(), r.method());
    }
    KruskalWallis.Result r = KruskalWallis.withDefaults().test(sample);
    PValueMethod m = Double.isNaN(r.p()) ? PValueMethod.NOT_COMPUTABLE : PValueMethod.ASYMPTOTIC;
    return new TestRow(variable, TestKind.KRUSKAL_WALLIS, r.statistic(), r.degreesOfFreedom(), r.p(),
        Double.NaN, r.epsilonSquared(), EffectSize.EPSILON_SQUARED, r.n(), m);
  }

  /** The family's rows with {@code pAdjusted} filled by this comparison's adjustment, same order. */
  public List<TestRow> adjust(List<TestRow> family) {
    double[] adjusted = adjusted(family, TestRow::p);
    List<TestRow> out = new ArrayList<>(adjusted.length);
    for (int i = 0; i < adjusted.length; i++) {
      out.add(family.get(i).withPAdjusted(adjusted[i]));
    }
    return List.copyOf(out);
  }

  /**
   * Every pair of strata compared for one variable (Dunn for numeric and ordinal; chi-square or
   * exact test of the levels × 2 table for categorical), adjusted across the pairs.
   */
  public List<PairwiseRow> pairwise(String variable, VariableScale scale, double[] values,
                                    int[] strata) {
    GroupedSample sample = GroupedSample.of(values, strata);
    sample.requireTwoGroups("comparing " + variable + " between strata");
    List<PairwiseRow> raw = new ArrayList<>();
    if (scale == VariableScale.CATEGORICAL) {
      ContingencyTable full = ContingencyTable.crossTabulate(sample);
      long[][] counts = full.counts();
      for (int a = 0; a < sample.groupCount(); a++) {
        for (int b = a + 1; b < sample.groupCount(); b++) {
          long[][] pair = new long[counts.length][2];
          for (int l = 0; l < counts.length; l++) {
            pair[l][0] = counts[l][a];
            pair[l][1] = counts[l][b];
          }
          ContingencyTable t = ContingencyTable.of(pair);
          if (!t.isTestable()) {
            raw.add(new PairwiseRow(variable, TestKind.CHI_SQUARE, sample.label(a), sample.label(b),
                Double.NaN, Double.NaN, Double.NaN, PValueMethod.NOT_COMPUTABLE));
            continue;
          }
          CategoricalAssociation.Result r = categorical.test(t);
          raw.add(new PairwiseRow(variable, r.test(), sample.label(a), sample.label(b), r.statistic(),
              r.p(), Double.NaN, r.method()));
        }
      }
    } else {
      for (DunnTest.Comparison c : DunnTest.withDefaults().test(sample).comparisons()) {
        PValueMethod m = Double.isNaN(c.p()) ? PValueMethod.NOT_COMPUTABLE : PValueMethod.ASYMPTOTIC;
        raw.add(new PairwiseRow(variable, TestKind.DUNN, c.groupA(), c.groupB(), c.z(), c.p(),
            Double.NaN, m));
      }
    }
    double[] adjusted = adjusted(raw, PairwiseRow::p);
    List<PairwiseRow> out = new ArrayList<>(adjusted.length);
    for (int i = 0; i < adjusted.length; i++) {
      PairwiseRow r = raw.get(i);
      out.add(new PairwiseRow(r.variable(), r.test(), r.stratumA(), r.stratumB(), r.statistic(),
          r.p(), adjusted[i], r.method()));
    }
    return List.copyOf(out);
  }

  private <T> double[] adjusted(List<T> rows, ToDoubleFunction<T> p) {
    double[] raw = new double[rows.size()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = p.applyAsDouble(rows.get(i));
    }
    return adjustment.adjust(raw);
  }

  /**
   * Per-stratum descriptive statistics of a numeric or ordinal variable.
   *
   * @param strata stratum labels, ascending
   * @param summaries one summary per stratum, same order
   */
  public record NumericByStratum(int[] strata, List<NumericSummary> summaries) {
    public NumericByStratum {
      strata = strata.clone();
      summaries = List.copyOf(summaries);
    }

    @Override
    public int[] strata() {
      return strata.clone();
    }
  }

  /**
   * n, median, quartiles, mean and SD of {@code values} in each stratum (missing values counted
   * per stratum); strata are the non-negative labels present.
   */
  public static NumericByStratum describeNumeric(double[] values, int[] strata) {
    GroupedSample all = GroupedSample.of(new double[values.length], strata);
    int[] labels = new int[all.groupCount()];
    List<NumericSummary> summaries = new ArrayList<>(labels.length);
    for (int g = 0; g < labels.length; g++) {
      labels[g] = all.label(g);
      int size = all.groupSize(g);
      double[] v = new double[size];
      int m = 0;
      for (int i = 0; i < values.length; i++) {
        if (strata[i] == labels[g]) {
          v[m++] = values[i];
        }
      }
      summaries.add(NumericSummary.of(v));
    }
    return new NumericByStratum(labels, summaries);
  }

  /** Counts and percentages of each level of a categorical variable per stratum. */
  public static LevelCounts describeCategorical(double[] values, int[] strata) {
    return LevelCounts.of(values, strata);
  }
}
