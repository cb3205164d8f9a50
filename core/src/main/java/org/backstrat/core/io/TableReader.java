package org.backstrat.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;

/**
 * The one table reader behind every verb: CSV, TSV, semicolon- or whitespace-separated text,
 * Excel .xlsx workbooks and flat Parquet files ({@link ParquetRows}, recognised by their
 * {@code PAR1} magic bytes), streamed row by row to a {@link RowSink} (or collected into a
 * {@link RawTable}). Text follows the rules of {@link RecordScanner} (UTF-8 only, LF or CRLF,
 * RFC 4180 quotes with line breaks, delimiter detected on the header line; semicolon files may
 * use decimal commas); workbooks are read with a streaming SAX parser under explicit size limits
 * ({@link XlsxRows}). Numeric tables have a fast path on the same rules in
 * {@link NumericReader}. Inputs must be regular files ({@link InputFiles}).
 */
public final class TableReader {
  /** Bytes read from a text file at a time. */
  static final int CHUNK_BYTES = 1 << 20;

  private TableReader() {
  }

  /** Reads a table; the file name shown in messages is {@code path} as given. */
  public static RawTable read(Path path) {
    return read(path, TableReadOptions.DEFAULTS);
  }

  /** Reads a table with options (the sheet of a workbook). */
  public static RawTable read(Path path, TableReadOptions options) {
    Collector c = new Collector();
    scan(path, options, c);
    return c.table(path.toString());
  }

  /**
   * Reads a table and hands it to {@code sink} row by row; neither text nor workbooks are held
   * in memory whole.
   */
  public static void scan(Path path, RowSink sink) {
    scan(path, TableReadOptions.DEFAULTS, sink);
  }

  /** {@link #scan(Path, RowSink)} with options (the sheet of a workbook). */
  public static void scan(Path path, TableReadOptions options, RowSink sink) {
    String file = path.toString();
    String lower = file.toLowerCase(Locale.ROOT);
    InputFiles.requireRegularFile(path, "a CSV, TSV or .xlsx file");
    if (lower.endsWith(".xls")) {
      throw new BadInputException(file + ": old Excel .xls files are not read; save it as .xlsx "
          + "or CSV (UTF-8)");
    }
    try {
      if (lower.endsWith(".xlsx") || isZip(path)) {
        XlsxRows.scan(path, file, options, sink);
        return;
      }
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
        if (ParquetRows.isParquet(ch)) {
          ParquetRows.scan(ch, file, sink);
          return;
        }
        if (lower.endsWith(".parquet")) {
          throw new BadInputException(file + ": not a Parquet file (it does not start with "
              + "PAR1); expected a Parquet file, or rename it if it is CSV");
        }
        scanText(file, new RecordScanner(file, (dst, off, len) -> ch.read(ByteBuffer.wrap(dst,
            off, len)), CHUNK_BYTES), sink);
      }
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Hands an already read table to a sink. */
  public static void replay(RawTable table, RowSink sink) {
    sink.header(table.header(), table.format());
    for (int r = 0; r < table.size(); r++) {
      sink.row(table.rowNumbers()[r], table.rows().get(r));
    }
  }

  private static boolean isZip(Path path) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      return isZip(ch);
    }
  }

  private static boolean isZip(FileChannel ch) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4);
    while (b.hasRemaining() && ch.read(b) > 0) {
      // read up to 4 bytes
    }
    ch.position(0);
    byte[] a = b.array();
    return b.position() == 4 && a[0] == 'P' && a[1] == 'K' && a[2] == 3 && a[3] == 4;
  }

  /** Parses delimited text given as bytes (exposed for tests and for stdin-like sources). */
  public static RawTable readText(String file, byte[] bytes) {
    Collector c = new Collector();
    scanText(file, bytes, c);
    return c.table(file);
  }

  /** Streams delimited text given as bytes to a sink. */
  public static void scanText(String file, byte[] bytes, RowSink sink) {
    try {
      scanText(file, RecordScanner.of(file, bytes), sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: the bytes are in memory
    }
  }

  private static void scanText(String file, RecordScanner s, RowSink sink) throws IOException {
    if (!s.start('\0') || !s.next()) {
      throw new BadInputException(file + ": the file is empty; expected a header row and one "
          + "row per person");
    }
    char delimiter = s.delimiter();
    TableFormat format = new TableFormat(delimiter, delimiter == ';',
        TableFormat.Kind.DELIMITED_TEXT);
    sink.header(List.of(s.cells()), format);
    while (s.next()) {
      sink.row(s.recordLine(), s.cells());
    }
  }

  /**
   * The message for a row whose number of cells differs from the header's, the same for every
   * verb.
   */
  public static InputProblem raggedRow(String file, long row, int width, int found,
                                       TableFormat format) {
    return InputProblem.error(file, row, "", "", width + " cells as in the header; this row has "
        + found + (format.kind() != TableFormat.Kind.DELIMITED_TEXT ? ""
        : " (a " + format.delimiterName() + " inside a value must be quoted)"));
  }

  /**
   * A problem for every header name that occurs more than once (compared without case and
   * surrounding spaces), the same for every verb.
   */
  public static List<InputProblem> duplicateColumns(String file, List<String> header) {
    List<InputProblem> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int c = 0; c < header.size(); c++) {
      String key = header.get(c).strip().toLowerCase(Locale.ROOT);
      if (key.isEmpty()) {
        continue;
      }
      Integer prev = seen.putIfAbsent(key, c);
      if (prev != null) {
        out.add(duplicateColumn(file, header.get(c).strip(), header.get(c), prev));
      }
    }
    return out;
  }

  /** The message for a column name seen twice; {@code previous} is 0-based. */
  public static InputProblem duplicateColumn(String file, String name, String cell,
                                             int previous) {
    return InputProblem.error(file, 1, name, cell, "each column once; it is also column "
        + (previous + 1));
  }

  /** Collects rows into a {@link RawTable}. */
  private static final class Collector implements RowSink {
    private final AtomicReference<List<String>> header = new AtomicReference<>();
    private TableFormat format;
    private final List<String[]> rows = new ArrayList<>();
    private long[] numbers = new long[64];

    @Override
    public void header(List<String> cells, TableFormat f) {
      header.set(cells);
      format = f;
    }

    @Override
    public void row(long rowNumber, String[] cells) {
      if (rows.size() == numbers.length) {
        numbers = java.util.Arrays.copyOf(numbers, numbers.length * 2);
      }
      numbers[rows.size()] = rowNumber;
      rows.add(cells);
    }

    RawTable table(String file) {
      return new RawTable(file, header.get(), rows, java.util.Arrays.copyOf(numbers,
          rows.size()), format);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
