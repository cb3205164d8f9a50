package org.backstrat.core.cohort;

/**
 * How the cells of a column are read, stored and written. Every kind is stored as a
 * {@code double} (missing = {@code NaN}) so that a cohort of a million people stays a handful of
 * primitive arrays: categories store the index of their level, booleans 0/1.
 */
public enum ValueKind {
  /** Non-empty free text, unique per person (the id). Stored separately as strings. */
  IDENTIFIER,
  /** One of a fixed list of level names, stored as the level's index. */
  CATEGORY,
  /** A whole number within a range. */
  INTEGER,
  /** A real number within a range. */
  NUMBER,
  /** {@code true}/{@code false}, stored as 1/0. */
  BOOLEAN,
  /** Free text carried through unchanged (the synthetic ground-truth stratum). */
  TEXT
}
