package org.backstrat.report.output;

import org.backstrat.core.io.PlainNumber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backstrat.report.table.ReportTable;
import org.backstrat.report.table.TableCsvWriter;

/**
 * A small table written as CSV (the report's CSV twin format: UTF-8, RFC 4180): one of the
 * {@code tables/*.csv} files that back every figure of summary.json and the report. Numbers are
 * written in full precision ({@link Double#toString}), missing values as empty cells, so the
 * same analysis always writes the same bytes.
 */
final class CsvTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  CsvTable(String... header) {
    this.header = List.of(header);
  }

  /** Appends a row; cells are formatted by {@link #cell}. */
  CsvTable row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(cells.length + " cells for " + header.size()
          + " columns");
    }
    List<String> r = new ArrayList<>(cells.length);
    for (Object c : cells) {
      r.add(cell(c));
    }
    rows.add(r);
    return this;
  }

  static String cell(Object c) {
    if (c == null) {
      return "";
    }
    if (c instanceof Double d) {
      return Double.isNaN(d) || Double.isInfinite(d) ? "" : number(d);
    }
    if (c instanceof Float f) {
      return cell(f.doubleValue());
    }
    return c.toString();
  }

  /** Integral values without a decimal point, others in shortest round-trip form. */
  static String number(double d) {
    return PlainNumber.of(d);
  }

  /** Writes the table with the report's CSV twin writer, so every file in tables/ agrees. */
  void write(Path file) throws IOException {
    List<ReportTable.Column> columns = new ArrayList<>();
    for (String h : header) {
      columns.add(new ReportTable.Column(h, h, false));
    }
    List<List<ReportTable.Cell>> cells = new ArrayList<>();
    for (List<String> r : rows) {
      cells.add(r.stream().map(ReportTable.Cell::text).toList());
    }
    String name = file.getFileName().toString().replaceFirst("\\.csv$", "")
        .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    ReportTable table = new ReportTable(name, name, columns, cells);
    Files.writeString(file, TableCsvWriter.toCsv(table), StandardCharsets.UTF_8);
  }
}
