package org.backstrat.analysis.stats;

/** Measurement scale of a variable, which decides the between-stratum test. */
public enum VariableScale {
  /** A number (BMI, a score): Kruskal–Wallis. */
  NUMERIC,
  /** Ordered levels stored as numbers (LBP frequency 0–4): Kruskal–Wallis on the codes. */
  ORDINAL,
  /** Unordered levels stored as codes (sex, smoking): chi-square or exact test. */
  CATEGORICAL
}
