package org.backstrat.cluster.job;

/** Whether the first line of a table holds column names. */
public enum HeaderMode {
  /**
   * Decide from the data: the first line is a header when some column holds a non-number there
   * and a number on the second line, or when every cell of the first line is a non-number.
   */
  AUTO,
  /** The first line is a header. */
  PRESENT,
  /** There is no header; columns are named V1..Vn as R's read.table names them. */
  ABSENT
}
