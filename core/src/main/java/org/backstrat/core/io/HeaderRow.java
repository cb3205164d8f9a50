package org.backstrat.core.io;

/** Whether the first row of a numeric table holds column names. */
public enum HeaderRow {
  /**
   * Decide from the data: the first row is a header when some column holds a non-number there
   * and a number on the second row, or when every cell of the first row is a non-number.
   */
  AUTO,
  /** The first row is a header. */
  PRESENT,
  /** There is no header; columns are named V1..Vn as R's read.table names them. */
  ABSENT
}
