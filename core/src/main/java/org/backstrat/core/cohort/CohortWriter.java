package org.backstrat.core.cohort;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backstrat.core.io.AtomicOutput;
import org.backstrat.core.io.OutputTarget;
import org.backstrat.core.io.ParquetOutput;

/**
 * Writes a cohort as CSV: UTF-8 without byte-order mark, comma-separated, {@code \n} line ends,
 * canonical column names, cells quoted only when they must be (RFC 4180). The file appears
 * atomically and never replaces an existing one unless asked.
 */
public final class CohortWriter {

  private CohortWriter() {
  }

  /** Writes the cohort to {@code out}. */
  public static void write(Cohort cohort, Path out, boolean force) {
    write(cohort, OutputTarget.file(out, force));
  }

  /** Writes the cohort to the target (whose inputs it may never replace, {@link AtomicOutput}). */
  public static void write(Cohort cohort, OutputTarget target) {
    AtomicOutput.write(target, tmp -> {
      try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8),
          1 << 16)) {
        write(cohort, w);
      }
    });
  }

  /** Writes the cohort as CSV text to a writer. */
  public static void write(Cohort cohort, Writer w) throws IOException {
    writeHeader(cohort, w);
    writeRows(cohort, w);
  }

  /** Writes the header line of the cohort's columns. */
  public static void writeHeader(Cohort cohort, Writer w) throws IOException {
    List<String> names = cohort.columnNames();
    for (int c = 0; c < names.size(); c++) {
      if (c > 0) {
        w.write(',');
      }
      w.write(quote(names.get(c)));
    }
    w.write('\n');
  }

  /**
   * Writes the cohort's rows without a header, so a table read in blocks is written block by
   * block ({@link CohortReader#readInBlocks}).
   */
  public static void writeRows(Cohort cohort, Writer w) throws IOException {
    List<String> names = cohort.columnNames();
    int n = cohort.size();
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < names.size(); c++) {
        if (c > 0) {
          w.write(',');
        }
        w.write(quote(cohort.cell(names.get(c), r)));
      }
      w.write('\n');
    }
  }

  /**
   * The Parquet type of a variable's column in a Parquet output ({@link ParquetOutput}): numbers
   * and whole numbers as numbers, booleans as booleans, everything else as text.
   */
  public static ParquetOutput.ColumnType parquetType(Variable v) {
    return switch (v.kind()) {
      case INTEGER -> ParquetOutput.ColumnType.INT64;
      case NUMBER -> ParquetOutput.ColumnType.DOUBLE;
      case BOOLEAN -> ParquetOutput.ColumnType.BOOLEAN;
      case IDENTIFIER, CATEGORY, TEXT -> ParquetOutput.ColumnType.STRING;
    };
  }

  /** Quotes a cell when it holds a comma, quote, or line break (RFC 4180). */
  public static String quote(String cell) {
    boolean needs = false;
    for (int i = 0; i < cell.length(); i++) {
      char ch = cell.charAt(i);
      if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
        needs = true;
        break;
      }
    }
    if (!needs) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }
}
