package org.backstrat.core.io;

/**
 * Where the cells of one row lie in a byte array (UTF-8), so numbers can be parsed without
 * making a string per cell.
 */
interface CellSpans {
  /** Start of cell {@code i}. */
  int from(int i);

  /** End (exclusive) of cell {@code i}. */
  int to(int i);

  /** True when cell {@code i} holds doubled quotes standing for one. */
  boolean escaped(int i);
}
