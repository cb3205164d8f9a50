package org.backstrat.report.table;

import java.util.List;

/**
 * One table of the report with its CSV twin: the same rows carry a machine value (written to
 * {@code tables/<name>.csv}) and a display text (printed in the HTML), so the two can never
 * disagree about which rows and columns exist.
 *
 * @param name file stem of the CSV twin ([a-z0-9_]+), unique in a report
 * @param caption caption printed above the table
 * @param columns columns in order
 * @param rows rows, each with one cell per column
 */
public record ReportTable(String name, String caption, List<Column> columns, List<List<Cell>> rows) {

  /** Checks the name and the row widths, copies lists. */
  public ReportTable {
    if (name == null || !name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("table name must be [a-z0-9_]+: " + name);
    }
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).size() != columns.size()) {
        throw new IllegalArgumentException("table " + name + ", row " + (i + 1) + ": " + rows.get(i).size()
            + " cells for " + columns.size() + " columns");
      }
    }
  }

  /** @return the CSV twin's file name, {@code <name>.csv} */
  public String fileName() {
    return name + ".csv";
  }

  /**
   * One column.
   *
   * @param csvName header in the CSV (snake_case)
   * @param heading header in the HTML
   * @param numeric true to right-align in the HTML
   */
  public record Column(String csvName, String heading, boolean numeric) {
  }

  /**
   * One cell.
   *
   * @param csv value written to the CSV ("" = missing)
   * @param display text printed in the HTML
   * @param title tooltip in the HTML (e.g. the exact p-value), or "" for none
   */
  public record Cell(String csv, String display, String title) {
    /** A text cell shown and written as is. */
    public static Cell text(String value) {
      return new Cell(value, value, "");
    }
  }
}
