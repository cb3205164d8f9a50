package org.backstrat.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;

/**
 * The fast numeric path of {@link TableReader}: reads the numeric columns of a table straight
 * into one row-major {@code double[]}, with the same splitting rules, encoding checks and
 * messages as every other verb ({@link RecordScanner}); workbooks go through
 * {@link TableReader#scan}.
 *
 * <p>Speed: one quote-aware pass counts the rows (so the matrix is allocated once) and finds
 * record starts that split the file into one byte range per thread; the ranges are then split
 * in parallel, in place in their read buffers, with numbers parsed from bytes with an exact fast
 * path (at most 18 significant digits and a power of ten up to 22, which is correctly rounded),
 * {@link Double#parseDouble} otherwise. Memory: the matrix plus one read buffer.
 *
 * <p>Values: empty cells and {@code NA} are missing; NaN and infinities are not numbers that can
 * be used; values beyond ±{@link #maxMagnitude} are refused (a caller that squares differences
 * sets a bound below 1e154). A column named {@code id} (any case) is kept as row identifiers.
 *
 * @param header whether the first row is a header
 * @param maxMagnitude largest absolute value accepted
 * @param threads worker threads for files of several MB (the result does not depend on it)
 */
public record NumericReader(HeaderRow header, double maxMagnitude, int threads) {
  private static final int MAX_PROBLEMS = 20;
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  /** Header detected, any finite value. */
  public static NumericReader withDefaults() {
    return new NumericReader(HeaderRow.AUTO, Double.MAX_VALUE,
        Runtime.getRuntime().availableProcessors());
  }

  /** Copy with another header rule. */
  public NumericReader withHeader(HeaderRow mode) {
    return new NumericReader(mode, maxMagnitude, threads);
  }

  /** Copy refusing values whose absolute value exceeds {@code bound}. */
  public NumericReader withMaxMagnitude(double bound) {
    return new NumericReader(header, bound, threads);
  }

  /** Copy with another number of worker threads (at least 1). */
  public NumericReader withThreads(int count) {
    return new NumericReader(header, maxMagnitude, Math.max(1, count));
  }

  /**
   * Reads {@code features} (names, case-insensitive) or, when the list is empty, every column
   * that is numeric in all rows (the others are reported in
   * {@link NumericColumns#skippedColumns}).
   *
   * @throws BadInputException naming file, row and column for every problem found (up to 20)
   */
  public NumericColumns read(Path path, List<String> features) {
    String file = path.toString();
    InputFiles.requireRegularFile(path, "a CSV, TSV or .xlsx file");
    String lower = file.toLowerCase(Locale.ROOT);
    try {
      if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
        return readRows(path, file, features);
      }
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
        if (ParquetRows.isParquet(ch)) {
          return readParquet(ch, file, features);
        }
        if (!lower.endsWith(".parquet") && !startsWithZip(ch)) {
          return readText(ch, file, features);
        }
      }
      // a workbook, or a .parquet file without PAR1, which the table reader refuses
      return readRows(path, file, features);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static boolean startsWithZip(FileChannel ch) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4);
    while (b.hasRemaining() && ch.read(b, b.position()) > 0) {
      // up to 4 bytes
    }
    byte[] a = b.array();
    return b.position() == 4 && a[0] == 'P' && a[1] == 'K' && a[2] == 3 && a[3] == 4;
  }

  private static RecordScanner scanner(FileChannel ch, String file) throws IOException {
    ch.position(0);
    return new RecordScanner(file, (dst, off, len) -> ch.read(ByteBuffer.wrap(dst, off, len)),
        TableReader.CHUNK_BYTES);
  }

  private NumericColumns readText(FileChannel ch, String file, List<String> features)
      throws IOException {
    RecordScanner s = scanner(ch, file);
    if (!s.start('\0') || !s.next()) {
      throw new BadInputException(file + ": the file is empty; expected a header row and one "
          + "row per person");
    }
    char delim = s.delimiter();
    List<String> line1 = List.of(s.cells());
    List<String> line2 = s.next() ? List.of(s.cells()) : List.of();
    Layout layout = layout(file, line1, line2, features);
    long size = ch.size();
    int workers = (int) Math.max(1, Math.min(threads, size / (1L << 20)));
    Prescan pre = workers > 1 ? parallelPrescan(ch, size, workers) : null;
    if (pre == null) {
      pre = prescan(ch, size, workers);
    }
    long rowsLong = pre.records - (layout.hasHeader ? 1 : 0);
    if (rowsLong <= 0) {
      throw new BadInputException(file + ": no data rows; expected one row per person below "
          + "the header");
    }
    double[] values = matrix(file, layout, rowsLong);
    String[] ids = layout.idColumn >= 0 ? new String[(int) rowsLong] : null;
    TableFormat format = new TableFormat(delim, delim == ';', TableFormat.Kind.DELIMITED_TEXT);
    int parts = pre.starts.length;
    List<Rows> rows = new ArrayList<>();
    final Prescan pre2 = pre;
    // an Error (OutOfMemoryError above all) is carried to the caller like an exception: a
    // worker that died silently would leave its rows unread and the run would go on
    Throwable[] failed = new Throwable[parts];
    Thread[] pool = new Thread[parts];
    for (int k = 0; k < parts; k++) {
      int startRow = k == 0 ? 0 : (int) (pre2.recordsBefore[k] - (layout.hasHeader ? 1 : 0));
      Rows part = new Rows(file, layout, format, values, ids, startRow);
      rows.add(part);
      final int w = k;
      Runnable job = () -> {
        try {
          long end = w + 1 < parts ? pre2.starts[w + 1] : size;
          RecordScanner rs = rangeScanner(ch, file, pre2.starts[w], end);
          if (w == 0) {
            rs.start(delim);
            if (layout.hasHeader) {
              rs.next();
            }
          } else {
            rs.startRange(delim, pre2.lines[w]);
          }
          while (rs.next()) {
            part.row(rs.recordLine(), rs.buffer(), rs, rs.count());
          }
        } catch (IOException e) {
          failed[w] = new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
          failed[w] = e;
        }
      };
      if (parts == 1) {
        job.run();
      } else {
        pool[k] = new Thread(job, "backstrat-read-" + k);
        pool[k].start();
      }
    }
    for (Thread t : pool) {
      if (t != null) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while reading " + file, e);
        }
      }
    }
    for (Throwable e : failed) {
      rethrow(e); // the first range's error: the one a sequential read would meet first
    }
    return finish(file, layout, rows, values, ids, (int) rowsLong, delim);
  }

  /**
   * Throws what a reader thread caught (nothing when null), unchanged: an Error such as
   * OutOfMemoryError stays one, so the command line reports it as running out of memory.
   */
  static void rethrow(Throwable failure) {
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  /** A scanner over the bytes [start, end) of the file, by positional reads. */
  private static RecordScanner rangeScanner(FileChannel ch, String file, long start, long end) {
    long[] at = {start};
    return new RecordScanner(file, (dst, off, len) -> {
      long left = end - at[0];
      if (left <= 0) {
        return -1;
      }
      int n = ch.read(ByteBuffer.wrap(dst, off, (int) Math.min(len, left)), at[0]);
      if (n < 0) {
        return -1;
      }
      at[0] += n;
      return n;
    }, TableReader.CHUNK_BYTES);
  }

  private NumericColumns readRows(Path path, String file, List<String> features) {
    // a workbook holds at most Excel's 1,048,576 rows: collect it, then parse the strings
    RawTable t = TableReader.read(path);
    List<String> line2 = t.size() > 0 ? List.of(t.rows().get(0)) : List.of();
    Layout layout = layout(file, t.header(), line2, features);
    long n = t.size() + (layout.hasHeader ? 0 : 1);
    if (n <= 0) {
      throw new BadInputException(file + ": no data rows; expected one row per person below "
          + "the header");
    }
    double[] values = matrix(file, layout, n);
    String[] ids = layout.idColumn >= 0 ? new String[(int) n] : null;
    Rows rows = new Rows(file, layout, t.format(), values, ids, 0);
    StringCells cells = new StringCells();
    if (!layout.hasHeader) {
      cells.set(t.header().toArray(new String[0]));
      rows.row(1, cells.bytes, cells, cells.count);
    }
    for (int r = 0; r < t.size(); r++) {
      cells.set(t.rows().get(r));
      rows.row(t.rowNumbers()[r], cells.bytes, cells, cells.count);
    }
    return finish(file, layout, List.of(rows), values, ids, (int) n, '\0');
  }

  /**
   * A Parquet file, streamed one row group at a time: integer and DOUBLE columns are decoded
   * straight to doubles ({@link ParquetRows#scanTyped}), never through text; text columns are
   * parsed as a CSV cell is. The matrix is allocated once, from the row count in the footer.
   * Verdicts and messages are those of the CSV twin (the text of a refused number is the text
   * {@link TableReader} reads).
   */
  private NumericColumns readParquet(FileChannel ch, String file, List<String> features)
      throws IOException {
    ParquetNumbers p = new ParquetNumbers(file, features);
    ParquetRows.scanTyped(ch, file, p::header, p::row);
    if (p.rows == null) {
      p.start(List.of());
    }
    return finish(file, p.layout, List.of(p.rows), p.values, p.ids, (int) p.expected, '\0');
  }

  /** The state of {@link #readParquet}: the layout is decided at the first row. */
  private final class ParquetNumbers {
    final String file;
    final List<String> features;
    List<String> names;
    long dataRows;
    Layout layout;
    double[] values;
    String[] ids;
    Rows rows;
    long expected;

    ParquetNumbers(String file, List<String> features) {
      this.file = file;
      this.features = features;
    }

    /**
     * When the column names decide the layout (a header given, or detected because no name is
     * a number), only the features and the id column are read; else every column, and the
     * layout waits for the first row.
     */
    boolean[] header(List<String> columnNames, long count) {
      names = columnNames;
      dataRows = count;
      boolean decided = header == HeaderRow.PRESENT || (header == HeaderRow.AUTO
          && columnNames.stream().noneMatch(NumericReader::isNumber));
      if (!decided) {
        return null;
      }
      start(List.of());
      boolean[] read = new boolean[names.size()];
      for (int j = 0; j < read.length; j++) {
        read[j] = layout.target[j] >= 0 || j == layout.idColumn;
      }
      return read;
    }

    /** Decides the layout from the column names and the first row's text. */
    void start(List<String> line2) {
      layout = layout(file, names, line2, features);
      expected = dataRows + (layout.hasHeader ? 0 : 1);
      if (expected <= 0) {
        throw new BadInputException(file + ": no data rows; expected one row per person below "
            + "the header");
      }
      values = matrix(file, layout, expected);
      ids = layout.idColumn >= 0 ? new String[(int) expected] : null;
      rows = new Rows(file, layout, TableFormat.PARQUET, values, ids, 0);
      if (!layout.hasHeader) {
        StringCells cells = new StringCells();
        cells.set(names.toArray(new String[0]));
        rows.row(1, cells.bytes, cells, cells.count);
      }
    }

    void row(long rowNumber, ParquetRows.TypedCells cells) {
      if (rows == null) {
        List<String> line2 = new ArrayList<>(cells.count());
        for (int c = 0; c < cells.count(); c++) {
          line2.add(cells.text(c));
        }
        start(line2);
      }
      rows.typedRow(rowNumber, cells);
    }
  }

  /** Column layout decided from the first two rows. */
  private static final class Layout {
    boolean hasHeader;
    List<String> names;
    int idColumn = -1;
    int[] target;
    List<String> targetNames;
    boolean allNumeric;
  }

  private Layout layout(String file, List<String> line1, List<String> line2,
                        List<String> features) {
    Layout l = new Layout();
    l.hasHeader = switch (header) {
      case AUTO -> looksLikeHeader(line1, line2);
      case PRESENT -> true;
      case ABSENT -> false;
    };
    int columns = line1.size();
    l.names = new ArrayList<>();
    for (int j = 0; j < columns; j++) {
      String h = l.hasHeader ? line1.get(j).strip() : "";
      l.names.add(h.isEmpty() ? "V" + (j + 1) : h);
    }
    if (l.hasHeader) {
      List<InputProblem> dup = TableReader.duplicateColumns(file, line1);
      if (!dup.isEmpty()) {
        throw new BadInputException(dup);
      }
      for (int j = 0; j < columns; j++) {
        if (l.names.get(j).equalsIgnoreCase("id")) {
          l.idColumn = j;
          break;
        }
      }
    }
    l.allNumeric = features.isEmpty();
    l.target = new int[columns];
    Arrays.fill(l.target, -1);
    l.targetNames = new ArrayList<>();
    if (l.allNumeric) {
      for (int j = 0; j < columns; j++) {
        if (j != l.idColumn) {
          l.target[j] = l.targetNames.size();
          l.targetNames.add(l.names.get(j));
        }
      }
    } else {
      for (String f : features) {
        int found = -1;
        for (int j = 0; j < columns; j++) {
          if (l.names.get(j).equalsIgnoreCase(f.strip())) {
            found = j;
            break;
          }
        }
        if (found < 0) {
          throw BadInputException.at(file, 0, f, "", "a column of the table; it has "
              + String.join(", ", l.names));
        }
        if (l.target[found] >= 0) {
          throw new BadInputException(file + ": feature " + f + " is listed twice");
        }
        l.target[found] = l.targetNames.size();
        l.targetNames.add(l.names.get(found));
      }
    }
    if (l.targetNames.isEmpty()) {
      throw new BadInputException(file + ": no feature columns");
    }
    return l;
  }

  /** Cells of a row given as strings, as bytes for {@link Rows#row}. */
  private static final class StringCells implements CellSpans {
    byte[] bytes = new byte[256];
    int[] from = new int[16];
    int[] to = new int[16];
    int count;

    void set(String[] cells) {
      count = cells.length;
      if (from.length < count) {
        from = new int[count];
        to = new int[count];
      }
      int p = 0;
      for (int i = 0; i < count; i++) {
        byte[] b = cells[i].getBytes(StandardCharsets.UTF_8);
        if (p + b.length > bytes.length) {
          bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, p + b.length));
        }
        System.arraycopy(b, 0, bytes, p, b.length);
        from[i] = p;
        p += b.length;
        to[i] = p;
      }
    }

    @Override
    public int from(int i) {
      return from[i];
    }

    @Override
    public int to(int i) {
      return to[i];
    }

    @Override
    public boolean escaped(int i) {
      return false;
    }
  }

  /** Parses rows into the preallocated matrix. */
  private final class Rows {
    final String file;
    final Layout l;
    final boolean decimalComma;
    final TableFormat format;
    final int d;
    double[] values;
    String[] ids;
    final List<InputProblem> problems = new ArrayList<>();
    final boolean[] bad;
    final String[] badReason;
    /** All-numeric mode: line of the first empty cell per column, 0 when none. */
    final long[] firstMissing;
    int row;
    final int startRow;
    int status; // of the last number parsed: 0 ok, 1 missing, 2 not a number, 3 not finite

    Rows(String file, Layout l, TableFormat format, double[] values, String[] ids,
         int startRow) {
      this.file = file;
      this.l = l;
      this.format = format;
      this.decimalComma = format.decimalComma();
      this.d = l.targetNames.size();
      this.values = values;
      this.ids = ids;
      this.bad = new boolean[d];
      this.badReason = new String[d];
      this.firstMissing = new long[d];
      this.row = startRow;
      this.startRow = startRow;
    }

    void row(long ln, byte[] b, CellSpans cells, int count) {
      int cols = l.names.size();
      if (count != cols) {
        problem(TableReader.raggedRow(file, ln, cols, count, format));
        return;
      }
      if ((long) (row + 1) * d > values.length) {
        problem(InputProblem.error(file, ln, "", "", "the file unchanged while it is read; it "
            + "has more rows than a moment ago"));
        return;
      }
      int base = row * d;
      for (int j = 0; j < cols; j++) {
        int t = l.target[j];
        int f = cells.from(j);
        int e = cells.to(j);
        if (j == l.idColumn && ids != null) {
          ids[row] = text(b, f, e, cells.escaped(j));
        }
        if (t < 0 || (l.allNumeric && bad[t])) {
          continue;
        }
        double v = cells.escaped(j) ? slow(text(b, f, e, true)) : parse(b, f, e);
        if (status == 0 && Math.abs(v) <= maxMagnitude) {
          values[base + t] = v;
          continue;
        }
        refuse(ln, j, t, text(b, f, e, cells.escaped(j)).strip());
      }
      row++;
    }

    /**
     * One row of a Parquet file ({@link #readParquet}): numbers as decoded, text parsed as in
     * {@link #row}; the same verdicts.
     */
    void typedRow(long ln, ParquetRows.TypedCells cells) {
      // the matrix holds the footer's row count, which is the number of rows decoded
      int base = row * d;
      for (int j = 0; j < l.names.size(); j++) {
        int t = l.target[j];
        if (j == l.idColumn && ids != null) {
          ids[row] = cells.text(j);
        }
        if (t < 0 || (l.allNumeric && bad[t])) {
          continue;
        }
        double v;
        switch (cells.kind(j)) {
          case ParquetRows.TypedCells.INTEGER, ParquetRows.TypedCells.DOUBLE -> {
            v = cells.number(j);
            status = Double.isFinite(v) ? 0 : 3;
          }
          case ParquetRows.TypedCells.TEXT -> v = slow(cells.text(j));
          default -> {
            v = 0;
            status = 1;
          }
        }
        if (status == 0 && Math.abs(v) <= maxMagnitude) {
          values[base + t] = v;
          continue;
        }
        refuse(ln, j, t, cells.text(j).strip());
      }
      row++;
    }

    /** Records why cell {@code j} (target {@code t}) of line {@code ln} cannot be used. */
    private void refuse(long ln, int j, int t, String cell) {
      if (status == 0) {
        problem(InputProblem.error(file, ln, l.names.get(j), cell, "a number between "
            + bound(-maxMagnitude) + " and " + bound(maxMagnitude) + " (larger values "
            + "overflow squared distances; rescale the column)"));
        return;
      }
      String why = switch (status) {
        case 1 -> "a value (missing values cannot be clustered; remove or impute the row)";
        case 3 -> "a finite number (NaN and infinity cannot be clustered)";
        default -> "a number";
      };
      if (l.allNumeric && status == 1) {
        if (firstMissing[t] == 0) {
          firstMissing[t] = ln; // a numeric column with a gap is refused below, not dropped
        }
      } else if (l.allNumeric) {
        if (!bad[t]) {
          bad[t] = true;
          badReason[t] = "row " + ln + ": \"" + cell + "\" is not " + why;
        }
      } else {
        problem(InputProblem.error(file, ln, l.names.get(j), cell, why));
      }
    }

    private void problem(InputProblem p) {
      if (problems.size() < MAX_PROBLEMS) {
        problems.add(p);
      }
    }

    /** Parses a number; sets {@link #status}. */
    double parse(byte[] b, int from, int to) {
      while (from < to && (b[from] == ' ' || b[from] == '\t')) {
        from++;
      }
      while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
        to--;
      }
      if (from == to) {
        status = 1;
        return 0;
      }
      int p = from;
      boolean neg = false;
      if (b[p] == '-' || b[p] == '+') {
        neg = b[p] == '-';
        p++;
      }
      long mant = 0;
      int sig = 0;
      int exp10 = 0;
      boolean digits = false;
      while (p < to && b[p] >= '0' && b[p] <= '9') {
        digits = true;
        if (mant != 0 || b[p] != '0') {
          mant = mant * 10 + (b[p] - '0');
          sig++;
        }
        p++;
      }
      if (p < to && (b[p] == '.' || (b[p] == ',' && decimalComma))) {
        p++;
        while (p < to && b[p] >= '0' && b[p] <= '9') {
          digits = true;
          if (mant != 0 || b[p] != '0') {
            mant = mant * 10 + (b[p] - '0');
            sig++;
          }
          exp10--;
          p++;
        }
      }
      if (digits && p < to && (b[p] == 'e' || b[p] == 'E')) {
        p++;
        boolean eneg = false;
        if (p < to && (b[p] == '-' || b[p] == '+')) {
          eneg = b[p] == '-';
          p++;
        }
        int e = 0;
        boolean ed = false;
        while (p < to && b[p] >= '0' && b[p] <= '9' && e < 100000) {
          e = e * 10 + (b[p] - '0');
          ed = true;
          p++;
        }
        if (!ed) {
          return slow(text(b, from, to, false));
        }
        exp10 += eneg ? -e : e;
      }
      // exact fast path (Clinger): the mantissa and the power of ten are both exact doubles, so
      // one multiplication or division rounds once, correctly
      if (!digits || p != to || sig > 18 || mant > (1L << 53) || exp10 < -22 || exp10 > 22) {
        return slow(text(b, from, to, false));
      }
      status = 0;
      double v = exp10 >= 0 ? mant * POW10[exp10] : mant / POW10[-exp10];
      return neg ? -v : v;
    }

    private double slow(String text) {
      String s = text.strip();
      if (s.isEmpty() || s.equalsIgnoreCase("NA")) {
        status = 1;
        return 0;
      }
      if (decimalComma) {
        s = s.replace(',', '.');
      }
      String lower = s.toLowerCase(Locale.ROOT);
      if (lower.endsWith("d") || lower.endsWith("f") || lower.startsWith("0x")
          || lower.startsWith("-0x") || lower.startsWith("+0x")) {
        status = 2; // Java literal suffixes and hex are not numbers in a data file
        return 0;
      }
      try {
        double v = Double.parseDouble(s);
        status = Double.isFinite(v) ? 0 : 3;
        return v;
      } catch (NumberFormatException e) {
        status = lower.equals("inf") || lower.equals("-inf") || lower.equals("+inf")
            || lower.equals("nan") ? 3 : 2;
        return 0;
      }
    }
  }

  /** Merges the parts read by the workers (in file order) into the result. */
  private static NumericColumns finish(String file, Layout l, List<Rows> parts,
                                       double[] values, String[] ids, int expectedRows,
                                       char delim) {
    List<InputProblem> problems = new ArrayList<>();
    int d = l.targetNames.size();
    boolean[] bad = new boolean[d];
    String[] badReason = new String[d];
    long[] firstMissing = new long[d];
    int n = 0;
    for (Rows part : parts) {
      for (int j = 0; j < d; j++) {
        if (firstMissing[j] == 0) {
          firstMissing[j] = part.firstMissing[j];
        }
      }
      for (InputProblem q : part.problems) {
        if (problems.size() < MAX_PROBLEMS) {
          problems.add(q);
        }
      }
      for (int j = 0; j < d; j++) {
        if (part.bad[j] && !bad[j]) {
          bad[j] = true;
          badReason[j] = part.badReason[j];
        }
      }
      n += part.row - part.startRow;
    }
    if (l.allNumeric) {
      // a numeric column with empty cells is refused, as it is when named as a feature: it is
      // never dropped silently (a text column, which cannot be clustered, is skipped)
      for (int j = 0; j < d; j++) {
        if (firstMissing[j] > 0 && !bad[j] && problems.size() < MAX_PROBLEMS) {
          problems.add(InputProblem.error(file, firstMissing[j], l.targetNames.get(j), "",
              "a value (missing values cannot be clustered; remove or impute the rows, or "
                  + "name the columns to cluster with --features)"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    if (n == 0) {
      throw new BadInputException(file + ": no data rows; expected one row per person below "
          + "the header");
    }
    if (n != expectedRows) {
      throw new BadInputException(file + ": the file changed while it was read (" + n
          + " rows, " + expectedRows + " a moment before); expected it unchanged");
    }
    if ((long) n * d != values.length) {
      values = Arrays.copyOf(values, n * d);
    }
    List<String> skipped = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    double[] out = values;
    int dk = d;
    if (l.allNumeric) {
      int[] keepIdx = new int[d];
      dk = 0;
      for (int j = 0; j < d; j++) {
        if (bad[j]) {
          skipped.add(l.targetNames.get(j) + " (" + badReason[j] + ")");
        } else {
          keepIdx[dk++] = j;
          kept.add(l.targetNames.get(j));
        }
      }
      if (dk == 0) {
        throw new BadInputException(file + ": no column is numeric in every row; skipped: "
            + String.join("; ", skipped));
      }
      if (dk < d) {
        out = new double[n * dk];
        for (int i = 0; i < n; i++) {
          for (int q = 0; q < dk; q++) {
            out[i * dk + q] = values[i * d + keepIdx[q]];
          }
        }
      }
    } else {
      kept.addAll(l.targetNames);
    }
    List<String> idList = ids == null ? null
        : Arrays.asList(ids.length == n ? ids : Arrays.copyOf(ids, n));
    return new NumericColumns(out, n, List.copyOf(kept), idList, List.copyOf(skipped),
        l.hasHeader, delim);
  }

  /** The matrix for {@code rows} rows of the layout's columns. */
  private static double[] matrix(String file, Layout l, long rows) {
    long cells = rows * l.targetNames.size();
    if (cells > Integer.MAX_VALUE - 16) {
      throw new BadInputException(file + ": " + rows + " rows x " + l.targetNames.size()
          + " columns is more than one matrix can hold (2^31 cells)");
    }
    return new double[(int) cells];
  }

  private static String bound(double x) {
    return x == Double.MAX_VALUE || x == -Double.MAX_VALUE ? Double.toString(x)
        : String.format(Locale.ROOT, "%.0e", x);
  }

  private static String text(byte[] b, int from, int to, boolean escaped) {
    String s = new String(b, from, to - from, StandardCharsets.UTF_8);
    return escaped ? s.replace("\"\"", "\"") : s;
  }

  /**
   * Where the worker ranges start: the first record start at or after each of
   * {@code workers - 1} equally spaced byte positions, with its line number and the number of
   * non-blank records before it.
   *
   * @param records non-blank records in the file
   * @param starts byte offset of each range (the first is 0)
   * @param lines line number of each range's first byte
   * @param recordsBefore non-blank records before each range
   */
  private record Prescan(long records, long[] starts, long[] lines, long[] recordsBefore) {
  }

  /**
   * The prescan of a file without double quotes (most numeric tables), in parallel: every line
   * feed ends a record, so ranges aligned to line starts are counted independently. Null when a
   * quote occurs anywhere (then {@link #prescan} counts sequentially, quotes respected).
   */
  private static Prescan parallelPrescan(FileChannel ch, long size, int workers)
      throws IOException {
    long[] starts = new long[workers];
    for (int k = 1; k < workers; k++) {
      starts[k] = alignToLineStart(ch, Math.max(size * k / workers, starts[k - 1]), size);
    }
    long[][] counts = new long[workers][];
    Throwable[] failed = new Throwable[workers];
    Thread[] pool = new Thread[workers];
    for (int k = 0; k < workers; k++) {
      final int w = k;
      pool[k] = new Thread(() -> {
        try {
          counts[w] = countRange(ch, starts[w], w + 1 < workers ? starts[w + 1] : size);
        } catch (IOException | RuntimeException | Error e) {
          failed[w] = e;
        }
      }, "backstrat-count-" + k);
      pool[k].start();
    }
    for (Thread t : pool) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    long[] lines = new long[workers];
    long[] before = new long[workers];
    long line = 1;
    long records = 0;
    for (int k = 0; k < workers; k++) {
      if (failed[k] instanceof IOException io) {
        throw io;
      }
      rethrow(failed[k]);
      if (counts[k][2] != 0) {
        return null;
      }
      lines[k] = line;
      before[k] = records;
      line += counts[k][0];
      records += counts[k][1];
    }
    // ranges that start at the end of the file (tiny files, long lines) are dropped
    int used = 1;
    while (used < workers && starts[used] < size && starts[used] > starts[used - 1]) {
      used++;
    }
    return new Prescan(records, Arrays.copyOf(starts, used), Arrays.copyOf(lines, used),
        Arrays.copyOf(before, used));
  }

  /** The first line start at or after {@code position}, or the file size. */
  private static long alignToLineStart(FileChannel ch, long position, long size)
      throws IOException {
    if (position <= 0) {
      return 0;
    }
    byte[] b = new byte[1 << 16];
    long p = position - 1;
    while (p < size) {
      int n = ch.read(ByteBuffer.wrap(b), p);
      if (n <= 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (b[i] == '\n') {
          return p + i + 1;
        }
      }
      p += n;
    }
    return size;
  }

  /** {line feeds, non-blank records, quotes seen} of the bytes [start, end). */
  private static long[] countRange(FileChannel ch, long start, long end) throws IOException {
    byte[] buf = new byte[(int) Math.min(TableReader.CHUNK_BYTES, Math.max(16, end - start))];
    long pos = start;
    long lines = 0;
    long records = 0;
    long quotes = 0;
    boolean nonBlank = false;
    while (pos < end) {
      int n = ch.read(ByteBuffer.wrap(buf, 0, (int) Math.min(buf.length, end - pos)), pos);
      if (n <= 0) {
        break;
      }
      int i = 0;
      if (pos == 0 && RecordScanner.startsWithUtf8Bom(buf, n)) {
        i = 3;
      }
      // eight bytes at a time while a word holds none of the bytes that need care (quote,
      // space, tab, CR): then every byte but LF is content, and a line is blank only when its
      // LF follows another LF (or a blank state carried in); the byte loop takes over at the
      // first word that holds such a byte, up to the end of the buffer
      for (; i + 8 <= n; i += 8) {
        long w = (long) LONGS.get(buf, i);
        if ((bytesEqual(w, QUOTES) | bytesEqual(w, SPACES) | bytesEqual(w, TABS)
            | bytesEqual(w, CRS)) != 0) {
          break;
        }
        long lf = bytesEqual(w, LFS);
        if (lf == 0) {
          nonBlank = true;
          continue;
        }
        long afterLf = (lf << 8) | (nonBlank ? 0 : 0x80L);
        lines += Long.bitCount(lf);
        records += Long.bitCount(lf) - Long.bitCount(lf & afterLf);
        nonBlank = lf >= 0; // the last byte is not LF: content after the last line end
      }
      for (; i < n; i++) {
        byte c = buf[i];
        if (c > '"') {
          nonBlank = true;
        } else if (c == '\n') {
          lines++;
          if (nonBlank) {
            records++;
          }
          nonBlank = false;
        } else if (c == '"') {
          quotes++;
        } else if (c != ' ' && c != '\t' && c != '\r') {
          nonBlank = true;
        }
      }
      pos += n;
    }
    return new long[] {lines, records + (nonBlank ? 1 : 0), quotes};
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long SPACES = 0x2020202020202020L;
  private static final long TABS = 0x0909090909090909L;
  private static final long CRS = 0x0D0D0D0D0D0D0D0DL;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

  /** The high bit of every byte of {@code w} equal to the byte repeated in {@code pattern}. */
  private static long bytesEqual(long w, long pattern) {
    long x = w ^ pattern; // zero bytes where equal
    return ~(((x & LOW7) + LOW7) | x | LOW7);
  }

  /**
   * One pass over the bytes without splitting cells: counts the non-blank records (a record
   * ends at a line feed outside quotes; blank = only spaces, tabs and CR, as the scanner skips
   * them) and picks the range starts.
   */
  private static Prescan prescan(FileChannel ch, long size, int workers) throws IOException {
    byte[] buf = new byte[TableReader.CHUNK_BYTES];
    List<long[]> starts = new ArrayList<>();
    starts.add(new long[] {0, 1, 0});
    int next = 1;
    long target = workers > 1 ? size * next / workers : Long.MAX_VALUE;
    long pos = 0;
    long records = 0;
    long lines = 1;
    boolean quoted = false;
    boolean nonBlank = false;
    while (true) {
      int n = ch.read(ByteBuffer.wrap(buf), pos);
      if (n <= 0) {
        break;
      }
      int i = 0;
      if (pos == 0 && RecordScanner.startsWithUtf8Bom(buf, n)) {
        i = 3;
      }
      for (; i < n; i++) {
        byte c = buf[i];
        if (c > '"') {
          nonBlank = true;
        } else if (c == '\n') {
          lines++;
          if (!quoted) {
            if (nonBlank) {
              records++;
            }
            nonBlank = false;
            if (pos + i + 1 >= target && pos + i + 1 < size) {
              starts.add(new long[] {pos + i + 1, lines, records});
              next++;
              target = next < workers ? size * next / workers : Long.MAX_VALUE;
            }
          }
        } else if (c == '"') {
          quoted = !quoted;
          nonBlank = true;
        } else if (c != ' ' && c != '\t' && c != '\r') {
          nonBlank = true;
        }
      }
      pos += n;
    }
    records += nonBlank ? 1 : 0;
    int k = starts.size();
    long[] st = new long[k];
    long[] ln = new long[k];
    long[] rb = new long[k];
    for (int j = 0; j < k; j++) {
      st[j] = starts.get(j)[0];
      ln[j] = starts.get(j)[1];
      rb[j] = starts.get(j)[2];
    }
    return new Prescan(records, st, ln, rb);
  }

  private static boolean looksLikeHeader(List<String> line1, List<String> line2) {
    boolean allText = true;
    for (int j = 0; j < line1.size(); j++) {
      boolean num1 = isNumber(line1.get(j));
      allText &= !num1;
      if (!num1 && j < line2.size() && isNumber(line2.get(j))) {
        return true;
      }
    }
    return allText;
  }

  private static boolean isNumber(String s) {
    String t = s.strip().replace(',', '.');
    if (t.isEmpty() || t.equalsIgnoreCase("NA")) {
      return false;
    }
    try {
      Double.parseDouble(t);
      return !t.toLowerCase(Locale.ROOT).matches(".*[a-df-z].*"); // no "NaN", "Infinity", "1d"
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
