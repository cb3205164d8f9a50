package org.backstrat.core.io;

import java.util.Objects;

/**
 * Options of {@link TableReader} that a caller may set: which sheet of a workbook to read. Text
 * tables ignore the sheet.
 *
 * @param sheet the sheet of an .xlsx workbook: its name, or its 1-based position written as a
 *     number ({@code "1"} = the first sheet, the default)
 */
public record TableReadOptions(String sheet) {

  /** The first sheet. */
  public static final TableReadOptions DEFAULTS = new TableReadOptions("1");

  public TableReadOptions {
    Objects.requireNonNull(sheet, "sheet");
    if (sheet.isBlank()) {
      throw new IllegalArgumentException("sheet must name a sheet or give its position");
    }
  }

  /** Copy reading another sheet (a name, or a 1-based position). */
  public TableReadOptions withSheet(String nameOrPosition) {
    return new TableReadOptions(nameOrPosition);
  }
}
