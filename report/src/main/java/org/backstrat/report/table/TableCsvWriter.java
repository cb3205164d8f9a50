package org.backstrat.report.table;

import org.backstrat.core.cohort.CohortWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes report tables as CSV twins, {@code <dir>/<name>.csv}: UTF-8 without BOM, RFC 4180
 * (CRLF line ends, comma separator, fields quoted when they hold a comma, quote, CR or LF,
 * quotes doubled), a header row of the columns' CSV names. Output depends only on the tables,
 * so it is byte-identical between runs.
 */
public final class TableCsvWriter {

  private TableCsvWriter() {
  }

  /** @return the table as RFC 4180 CSV text */
  public static String toCsv(ReportTable table) {
    StringBuilder sb = new StringBuilder(256);
    List<ReportTable.Column> columns = table.columns();
    for (int c = 0; c < columns.size(); c++) {
      if (c > 0) {
        sb.append(',');
      }
      field(sb, columns.get(c).csvName());
    }
    sb.append("\r\n");
    for (List<ReportTable.Cell> row : table.rows()) {
      for (int c = 0; c < row.size(); c++) {
        if (c > 0) {
          sb.append(',');
        }
        field(sb, row.get(c).csv());
      }
      sb.append("\r\n");
    }
    return sb.toString();
  }

  private static void field(StringBuilder sb, String value) {
    sb.append(CohortWriter.quote(value == null ? "" : value));
  }

  /**
   * Writes every table into {@code dir} (created if absent), one file each.
   *
   * @throws IllegalArgumentException when two tables share a name
   * @throws UncheckedIOException when a file cannot be written
   */
  public static void writeAll(List<ReportTable> tables, Path dir) {
    Set<String> names = new HashSet<>();
    for (ReportTable t : tables) {
      if (!names.add(t.name())) {
        throw new IllegalArgumentException("two report tables are named " + t.name());
      }
    }
    try {
      Files.createDirectories(dir);
      for (ReportTable t : tables) {
        Files.writeString(dir.resolve(t.fileName()), toCsv(t), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report tables to " + dir, e);
    }
  }
}
