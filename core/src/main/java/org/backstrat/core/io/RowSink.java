package org.backstrat.core.io;

import java.util.List;

/**
 * Receives a table row by row as it is read, so a million-row file is checked and typed without
 * holding every cell as text at once.
 */
public interface RowSink {

  /** The header row (row 1), before any data row. */
  void header(List<String> cells, TableFormat format);

  /**
   * One data row.
   *
   * @param rowNumber 1-based row number as a spreadsheet shows it (header = 1)
   * @param cells the row's cells; never null (empty string = empty cell); may be ragged
   */
  void row(long rowNumber, String[] cells);
}
