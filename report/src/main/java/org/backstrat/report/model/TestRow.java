package org.backstrat.report.model;

/**
 * One between-stratum test.
 *
 * @param variable variable tested
 * @param test test name (e.g. "Kruskal–Wallis", "chi-square", "Fisher–Freeman–Halton")
 * @param statistic H or chi-square (NaN for exact tests)
 * @param df degrees of freedom (NaN for exact tests)
 * @param p raw p-value
 * @param pAdjusted p-value adjusted across the family
 * @param effectSizeMeasure effect size name (e.g. "ε²", "Cramér's V")
 * @param effectSize effect size value
 */
public record TestRow(String variable, String test, double statistic, double df, double p, double pAdjusted,
                      String effectSizeMeasure, double effectSize) {
}
