package org.backstrat.analysis.stats;

/** Which test produced a between-stratum result; {@link #label()} is the name written in outputs. */
public enum TestKind {
  /** Kruskal–Wallis rank sum test (numeric and ordinal variables). */
  KRUSKAL_WALLIS("kruskal-wallis"),
  /** Pearson's chi-square test of independence (categorical variables). */
  CHI_SQUARE("chi-square"),
  /** Fisher's exact test, r × c (Fisher–Freeman–Halton; Fisher's own test for 2 × 2). */
  FISHER_FREEMAN_HALTON("fisher-freeman-halton"),
  /** Dunn's pairwise post-hoc test. */
  DUNN("dunn");

  private final String label;

  TestKind(String label) {
    this.label = label;
  }

  /** The name used in summary.json and the tables. */
  public String label() {
    return label;
  }
}
