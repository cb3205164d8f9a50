package org.backstrat.analysis.stats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of a reference CSV written by R's {@code write.csv} (see
 * {@code reference/stats/stats_reference.R}): header names to cell text. Arrays in a cell are
 * space-separated; R's NA becomes NaN.
 */
final class ReferenceTable {
  private ReferenceTable() {
  }

  /** One row: header name to cell text. */
  record Row(Map<String, String> cells) {
    String text(String column) {
      String v = cells.get(column);
      if (v == null) {
        throw new IllegalArgumentException("no column " + column + " in " + cells.keySet());
      }
      return v;
    }

    double number(String column) {
      String v = text(column);
      return v.equals("NA") ? Double.NaN : Double.parseDouble(v);
    }

    double[] numbers(String column) {
      String[] parts = text(column).trim().split(" +");
      double[] out = new double[parts.length];
      for (int i = 0; i < parts.length; i++) {
        out[i] = parts[i].equals("NA") ? Double.NaN : Double.parseDouble(parts[i]);
      }
      return out;
    }

    int[] integers(String column) {
      double[] d = numbers(column);
      int[] out = new int[d.length];
      for (int i = 0; i < d.length; i++) {
        out[i] = (int) d[i];
      }
      return out;
    }

    /** A row-major table of {@code nrow} × {@code ncol} counts from column {@code cells}. */
    long[][] table() {
      int r = (int) number("nrow");
      int c = (int) number("ncol");
      double[] v = numbers("cells");
      long[][] t = new long[r][c];
      for (int i = 0; i < r; i++) {
        for (int j = 0; j < c; j++) {
          t[i][j] = (long) v[i * c + j];
        }
      }
      return t;
    }

    @Override
    public String toString() {
      return cells.getOrDefault("case", cells.toString());
    }
  }

  static List<Row> read(String name) {
    String path = "/reference/stats/" + name;
    try (InputStream in = ReferenceTable.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> header = split(reader.readLine());
      List<Row> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        List<String> cells = split(line);
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          m.put(header.get(i), cells.get(i));
        }
        rows.add(new Row(m));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Splits one CSV line with double-quoted fields (no embedded quotes or newlines in ours). */
  private static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    out.add(cell.toString());
    return out;
  }
}
