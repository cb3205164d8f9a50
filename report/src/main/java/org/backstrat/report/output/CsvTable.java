package org.backstrat.report.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backstrat.core.cohort.CohortWriter;

/**
 * A small table written as CSV (UTF-8, comma, {@code \n}, RFC 4180 quoting): one of the
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
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }

  void write(Path file) throws IOException {
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      line(w, header);
      for (List<String> r : rows) {
        line(w, r);
      }
    }
  }

  private static void line(Writer w, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(CohortWriter.quote(cells.get(i)));
    }
    w.write('\n');
  }
}
