package org.backstrat.analysis.result;

/**
 * One between-stratum test.
 *
 * @param variable cohort column tested
 * @param test kruskal-wallis, chi-square or fisher-freeman-halton
 * @param statistic H or chi-square (NaN for the exact test)
 * @param df degrees of freedom (NaN for the exact test)
 * @param p raw p-value
 * @param pAdjusted p-value adjusted across the family (the variant's tests)
 * @param effectSize epsilon-squared or Cramér's V
 */
public record TestRow(String variable, String test, double statistic, double df, double p,
                      double pAdjusted, double effectSize) {
}
