package org.backstrat.core.io;

import java.util.List;
import java.util.Objects;

/**
 * A table as read from a file, before any typing: the header cells, the data rows as text, the
 * spreadsheet row number of each data row, and how the file was read (delimiter, decimal
 * comma). Rows may be ragged; checking them is the caller's business.
 *
 * @param file the file as the user named it (for messages)
 * @param header header cells, as written (not yet canonicalised)
 * @param rows data rows; a cell is never null (empty string = empty cell)
 * @param rowNumbers 1-based row number of each data row as a spreadsheet shows it (header = 1)
 * @param format how the text was split into cells
 */
public record RawTable(String file, List<String> header, List<String[]> rows, long[] rowNumbers,
                       TableFormat format) {

  public RawTable {
    Objects.requireNonNull(file, "file");
    header = List.copyOf(header);
    rows = List.copyOf(rows);
    Objects.requireNonNull(rowNumbers, "rowNumbers");
    Objects.requireNonNull(format, "format");
    if (rowNumbers.length != rows.size()) {
      throw new IllegalArgumentException("one row number per row");
    }
  }

  /** Number of data rows. */
  public int size() {
    return rows.size();
  }
}
