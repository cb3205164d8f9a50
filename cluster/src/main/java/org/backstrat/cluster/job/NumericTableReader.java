package org.backstrat.cluster.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.kmeans.Restarts;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;

/**
 * Reads the numeric columns of any delimited text table (CSV, TSV, semicolon- or
 * whitespace-separated; header present or not) straight into a row-major {@code double[]}.
 *
 * <p>Format rules: UTF-8 (a BOM is skipped; UTF-16 and other encodings are refused); LF or CRLF
 * line ends; blank lines skipped; the delimiter is the most frequent of tab, semicolon and comma
 * on the first line, or runs of spaces/tabs when none occurs; fields may be double-quoted (with
 * "" inside); semicolon files may use decimal commas. Without a header columns are named V1..Vn
 * (as R's read.table). A column named {@code id} (any case) is kept as row identifiers and never
 * used as a feature. Empty cells and NA are missing values, which clustering cannot use.
 *
 * <p>Speed: the file is scanned twice in parallel byte ranges (count the data lines, then parse
 * each range into its slice of the preallocated matrix) with positional reads into a small
 * buffer, so memory stays at the size of the matrix; numbers are parsed from bytes with an exact
 * fast path (at most 18 significant digits and a power of ten up to 22, which is correctly
 * rounded) and {@link Double#parseDouble} otherwise.
 *
 * @param header whether the first line is a header
 * @param threads worker threads (the result does not depend on it)
 */
public record NumericTableReader(HeaderMode header, int threads) {

  private static final int MAX_PROBLEMS = 20;
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  /** Header detected, all cores. */
  public static NumericTableReader withDefaults() {
    return new NumericTableReader(HeaderMode.AUTO, Runtime.getRuntime().availableProcessors());
  }

  /** Copy with another header mode. */
  public NumericTableReader withHeader(HeaderMode mode) {
    return new NumericTableReader(mode, threads);
  }

  /** Copy with another thread count. */
  public NumericTableReader withThreads(int t) {
    return new NumericTableReader(header, t);
  }

  /**
   * Reads {@code features} (names, case-insensitive) or, when the list is empty, every column
   * that is numeric in all rows (the others are reported in {@link NumericTable#skippedColumns}).
   *
   * @throws BadInputException naming file, row and column for every problem found (up to 20)
   */
  public NumericTable read(Path file, List<String> features) {
    String name = file.toString();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(ch, name, features);
    } catch (NoSuchFileException e) {
      throw new BadInputException(name + ": file not found");
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  private NumericTable read(FileChannel ch, String file, List<String> features) throws IOException {
    long size = ch.size();
    byte[] head = new byte[(int) Math.min(size, 1 << 20)];
    ch.read(ByteBuffer.wrap(head), 0);
    int bom = checkEncoding(head, file);
    List<long[]> firstLines = new ArrayList<>(); // {from, to, startOfNext}
    int p = bom;
    while (firstLines.size() < 2 && p < head.length) {
      int e = p;
      while (e < head.length && head[e] != '\n') {
        e++;
      }
      int to = e > p && head[e - 1] == '\r' ? e - 1 : e;
      if (!blank(head, p, to)) {
        firstLines.add(new long[] {p, to, Math.min(e + 1, head.length)});
      }
      p = e + 1;
    }
    if (firstLines.isEmpty()) {
      throw new BadInputException(file + ": the file is empty");
    }
    long[] l1 = firstLines.get(0);
    char delim = detectDelimiter(head, (int) l1[0], (int) l1[1]);
    List<String> line1 = fields(head, (int) l1[0], (int) l1[1], delim, file);
    boolean hasHeader;
    if (header == HeaderMode.AUTO) {
      List<String> line2 = firstLines.size() > 1
          ? fields(head, (int) firstLines.get(1)[0], (int) firstLines.get(1)[1], delim, file)
          : List.of();
      hasHeader = looksLikeHeader(line1, line2);
    } else {
      hasHeader = header == HeaderMode.PRESENT;
    }
    int columns = line1.size();
    List<String> names = new ArrayList<>();
    for (int j = 0; j < columns; j++) {
      String h = hasHeader ? line1.get(j).trim() : "";
      names.add(h.isEmpty() ? "V" + (j + 1) : h);
    }
    int idColumn = -1;
    if (hasHeader) {
      for (int j = 0; j < columns; j++) {
        if (names.get(j).equalsIgnoreCase("id")) {
          idColumn = j;
          break;
        }
      }
    }
    boolean allNumeric = features.isEmpty();
    int[] target = new int[columns];
    java.util.Arrays.fill(target, -1);
    List<String> targetNames = new ArrayList<>();
    if (allNumeric) {
      for (int j = 0; j < columns; j++) {
        if (j != idColumn) {
          target[j] = targetNames.size();
          targetNames.add(names.get(j));
        }
      }
    } else {
      for (String f : features) {
        int found = -1;
        for (int j = 0; j < columns; j++) {
          if (names.get(j).equalsIgnoreCase(f.trim())) {
            if (found >= 0) {
              throw BadInputException.at(file, 1, f, "", "a unique column name; the header has"
                  + " it twice");
            }
            found = j;
          }
        }
        if (found < 0) {
          throw BadInputException.at(file, 0, f, "", "a column of the table; it has "
              + String.join(", ", names));
        }
        if (target[found] >= 0) {
          throw new BadInputException(file + ": feature " + f + " is listed twice");
        }
        target[found] = targetNames.size();
        targetNames.add(names.get(found));
      }
    }
    int d = targetNames.size();
    if (d == 0) {
      throw new BadInputException(file + ": no feature columns");
    }
    long dataStart = hasHeader ? l1[2] : l1[0];
    long firstLineNumber = lineNumberAt(head, 0, (int) dataStart) + 1;
    // pass 1: data lines and all lines per range
    int workers = (int) Math.max(1, Math.min(threads, size / (1 << 20)));
    long[] starts = new long[workers + 1];
    for (int w = 0; w <= workers; w++) {
      long raw = dataStart + (size - dataStart) * w / workers;
      starts[w] = w == workers ? size : LineScanner.alignToLineStart(ch, raw, dataStart, size);
    }
    List<long[]> counts = Restarts.runAll(workers, 0L, workers, () -> null, (w, s, ig) -> {
      try {
        return LineScanner.countLines(ch, starts[w], starts[w + 1], size);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    long rowsLong = 0;
    long[] rowOffset = new long[workers];
    long[] lineOffset = new long[workers];
    long lines = firstLineNumber;
    for (int w = 0; w < workers; w++) {
      rowOffset[w] = rowsLong;
      lineOffset[w] = lines;
      rowsLong += counts.get(w)[0];
      lines += counts.get(w)[1];
    }
    if (rowsLong == 0) {
      throw new BadInputException(file + ": no data rows");
    }
    if (rowsLong * d > Integer.MAX_VALUE - 16) {
      throw new BadInputException(file + ": " + rowsLong + " rows x " + d
          + " features is more than one matrix can hold (2^31 cells)");
    }
    int n = (int) rowsLong;
    double[] values = new double[n * d];
    String[] ids = idColumn >= 0 ? new String[n] : null;
    final int idCol = idColumn;
    // pass 2: parse each range into its slice
    List<RangeParser> parsers = Restarts.runAll(workers, 0L, workers, () -> null, (w, s, ig) -> {
      RangeParser rp = new RangeParser(file, names, target, d, idCol, delim, allNumeric, values,
          ids, (int) rowOffset[w], lineOffset[w]);
      try {
        LineScanner.forEachLine(ch, starts[w], starts[w + 1], size, rp::line);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return rp;
    });
    List<InputProblem> problems = new ArrayList<>();
    boolean[] bad = new boolean[d];
    String[] badReason = new String[d];
    long[] firstMissing = new long[d];
    for (RangeParser rp : parsers) {
      for (int j = 0; j < d; j++) {
        if (firstMissing[j] == 0) {
          firstMissing[j] = rp.firstMissing[j];
        }
      }
      for (InputProblem q : rp.problems) {
        if (problems.size() < MAX_PROBLEMS) {
          problems.add(q);
        }
      }
      for (int j = 0; j < d; j++) {
        if (rp.bad[j] && !bad[j]) {
          bad[j] = true;
          badReason[j] = rp.badReason[j];
        }
      }
    }
    if (allNumeric) {
      // a numeric column with empty cells is refused, as it is when named in --features: it is
      // never dropped silently (a text column, which cannot be clustered at all, is skipped)
      for (int j = 0; j < d; j++) {
        if (firstMissing[j] > 0 && !bad[j] && problems.size() < MAX_PROBLEMS) {
          problems.add(InputProblem.error(file, firstMissing[j], targetNames.get(j), "",
              "a value (missing values cannot be clustered; remove or impute the rows, or "
                  + "name the columns to cluster with --features)"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    List<String> skipped = new ArrayList<>();
    FeatureMatrix matrix;
    if (allNumeric) {
      List<String> kept = new ArrayList<>();
      int[] keepIdx = new int[d];
      int dk = 0;
      for (int j = 0; j < d; j++) {
        if (bad[j]) {
          skipped.add(targetNames.get(j) + " (" + badReason[j] + ")");
        } else {
          keepIdx[dk++] = j;
          kept.add(targetNames.get(j));
        }
      }
      if (dk == 0) {
        throw new BadInputException(file + ": no column is numeric in every row; skipped: "
            + String.join("; ", skipped));
      }
      if (dk == d) {
        matrix = FeatureMatrix.wrap(n, d, values, kept);
      } else {
        double[] compact = new double[n * dk];
        for (int i = 0; i < n; i++) {
          for (int q = 0; q < dk; q++) {
            compact[i * dk + q] = values[i * d + keepIdx[q]];
          }
        }
        matrix = FeatureMatrix.wrap(n, dk, compact, kept);
      }
    } else {
      matrix = FeatureMatrix.wrap(n, d, values, targetNames);
    }
    return new NumericTable(matrix, ids == null ? null : java.util.Arrays.asList(ids), skipped,
        hasHeader, delim);
  }

  /** Parses the lines of one byte range into rows [rowOffset, ...). */
  private static final class RangeParser {
    final String file;
    final List<String> names;
    final int[] target;
    final int d;
    final int idColumn;
    final char delim;
    final boolean allNumeric;
    final double[] values;
    final String[] ids;
    final List<InputProblem> problems = new ArrayList<>();
    final boolean[] bad;
    final String[] badReason;
    /** All-numeric mode: first empty cell per column (line number), 0 when none. */
    final long[] firstMissing;
    final int[] fieldFrom;
    final int[] fieldTo;
    int row;
    long lineNumber;
    int status; // of the last number parsed: 0 ok, 1 missing, 2 not a number, 3 not finite

    RangeParser(String file, List<String> names, int[] target, int d, int idColumn, char delim,
                boolean allNumeric, double[] values, String[] ids, int rowOffset,
                long lineOffset) {
      this.file = file;
      this.names = names;
      this.target = target;
      this.d = d;
      this.idColumn = idColumn;
      this.delim = delim;
      this.allNumeric = allNumeric;
      this.values = values;
      this.ids = ids;
      this.bad = new boolean[d];
      this.badReason = new String[d];
      this.firstMissing = new long[d];
      this.fieldFrom = new int[names.size() + 1];
      this.fieldTo = new int[names.size() + 1];
      this.row = rowOffset;
      this.lineNumber = lineOffset;
    }

    void line(byte[] b, int from, int to) {
      long ln = lineNumber++;
      if (blank(b, from, to)) {
        return;
      }
      if (fastLine(b, from, to)) {
        row++;
        return;
      }
      int cols = names.size();
      int found = split(b, from, to);
      if (found != cols) {
        problem(ln, "", "", "a row of " + cols + " fields like the first line; found "
            + (found > cols ? "more" : found));
        row++;
        return;
      }
      int base = row * d;
      for (int j = 0; j < cols; j++) {
        int t = target[j];
        if (j == idColumn && ids != null) {
          ids[row] = text(b, fieldFrom[j], fieldTo[j]);
        }
        if (t < 0 || (allNumeric && bad[t])) {
          continue;
        }
        double v = parse(b, fieldFrom[j], fieldTo[j]);
        if (status == 0) {
          values[base + t] = v;
          continue;
        }
        String cell = text(b, fieldFrom[j], fieldTo[j]);
        String why = switch (status) {
          case 1 -> "a value (missing values cannot be clustered; remove or impute the row)";
          case 3 -> "a finite number (NaN and infinity cannot be clustered)";
          default -> "a number";
        };
        if (allNumeric && status == 1) {
          if (firstMissing[t] == 0) {
            firstMissing[t] = ln; // a numeric column with a gap: refused below, not dropped
          }
        } else if (allNumeric) {
          bad[t] = true;
          badReason[t] = "row " + ln + ": \"" + cell + "\" is not " + why.replaceFirst("^a ", "a ");
        } else {
          problem(ln, names.get(j), cell, why);
        }
      }
      row++;
    }

    /**
     * The common case in one pass over the line: every field a plain decimal number (optional
     * sign, digits, optional point and digits; no spaces, quotes or exponent) within the exact
     * fast path of {@link #parse}, separated by the delimiter, exactly one field per column, and
     * no id column. Stores the row and returns true; returns false, storing nothing that the
     * general path would not overwrite, for anything else.
     */
    private boolean fastLine(byte[] b, int from, int to) {
      if (delim == ' ' || ids != null) {
        return false;
      }
      int cols = target.length;
      int base = row * d;
      byte sep = (byte) delim;
      int p = from;
      for (int j = 0; j < cols; j++) {
        boolean neg = false;
        if (p < to && (b[p] == '-' || b[p] == '+')) {
          neg = b[p] == '-';
          p++;
        }
        long mant = 0;
        int sig = 0;
        int digits = 0;
        int exp10 = 0;
        int c;
        while (p < to && (c = b[p] - '0') >= 0 && c <= 9) {
          if ((mant | c) != 0) {
            mant = mant * 10 + c;
            sig++;
          }
          digits++;
          p++;
        }
        if (p < to && b[p] == '.') {
          p++;
          while (p < to && (c = b[p] - '0') >= 0 && c <= 9) {
            if ((mant | c) != 0) {
              mant = mant * 10 + c;
              sig++;
            }
            digits++;
            exp10--;
            p++;
          }
        }
        if (digits == 0 || sig > 18 || mant > (1L << 53) || exp10 < -22) {
          return false;
        }
        if (j < cols - 1) {
          if (p >= to || b[p] != sep) {
            return false;
          }
          p++;
        } else if (p != to) {
          return false;
        }
        int t = target[j];
        if (t >= 0) {
          double v = exp10 == 0 ? mant : mant / POW10[-exp10];
          values[base + t] = neg ? -v : v;
        }
      }
      return true;
    }

    private void problem(long ln, String column, String value, String expected) {
      if (problems.size() < MAX_PROBLEMS) {
        problems.add(InputProblem.error(file, ln, column, value, expected));
      }
    }

    /** Splits a line into fields; returns the number found (capped at columns + 1). */
    private int split(byte[] b, int from, int to) {
      int cap = fieldFrom.length;
      int count = 0;
      int p = from;
      if (delim == ' ') {
        while (true) {
          while (p < to && (b[p] == ' ' || b[p] == '\t')) {
            p++;
          }
          if (p >= to) {
            return count;
          }
          int s = p;
          if (b[p] == '"') {
            p = closingQuote(b, p, to);
          }
          while (p < to && b[p] != ' ' && b[p] != '\t') {
            p++;
          }
          if (count < cap) {
            fieldFrom[count] = s;
            fieldTo[count] = p;
          }
          count++;
          if (count > cap) {
            return count;
          }
        }
      }
      byte sep = (byte) delim;
      while (true) {
        int s = p;
        while (p < to && b[p] == ' ') {
          p++;
        }
        if (p < to && b[p] == '"') {
          p = closingQuote(b, p, to);
        }
        while (p < to && b[p] != sep) {
          p++;
        }
        if (count < cap) {
          fieldFrom[count] = s;
          fieldTo[count] = p;
        }
        count++;
        if (p >= to || count > cap) {
          return count;
        }
        p++; // past the separator
      }
    }

    /** Position just after the closing quote of a quoted field starting at p. */
    private static int closingQuote(byte[] b, int p, int to) {
      p++;
      while (p < to) {
        if (b[p] == '"') {
          if (p + 1 < to && b[p + 1] == '"') {
            p += 2;
            continue;
          }
          return p + 1;
        }
        p++;
      }
      return to;
    }

    /** Parses a number; sets {@link #status}. */
    double parse(byte[] b, int from, int to) {
      while (from < to && (b[from] == ' ' || b[from] == '\t')) {
        from++;
      }
      while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
        to--;
      }
      if (to - from >= 2 && b[from] == '"' && b[to - 1] == '"') {
        from++;
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
      if (p < to && (b[p] == '.' || (b[p] == ',' && delim == ';'))) {
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
          return slow(b, from, to);
        }
        exp10 += eneg ? -e : e;
      }
      // exact fast path (Clinger): the mantissa and the power of ten are both exact doubles, so
      // one multiplication or division rounds once, correctly
      if (!digits || p != to || sig > 18 || mant > (1L << 53) || exp10 < -22 || exp10 > 22) {
        return slow(b, from, to);
      }
      status = 0;
      double v = exp10 >= 0 ? mant * POW10[exp10] : mant / POW10[-exp10];
      return neg ? -v : v;
    }

    private double slow(byte[] b, int from, int to) {
      String s = text(b, from, to).trim();
      if (s.isEmpty() || s.equalsIgnoreCase("NA")) {
        status = 1;
        return 0;
      }
      if (delim == ';') {
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

  // ---- helpers on the first lines ----------------------------------------------------------

  private static int checkEncoding(byte[] head, String file) {
    if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
        || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
      throw new BadInputException(file + ": the file is UTF-16; save it as UTF-8");
    }
    for (int i = 0; i < Math.min(head.length, 4096); i++) {
      if (head[i] == 0) {
        throw new BadInputException(file + ": the file contains NUL bytes; expected a UTF-8"
            + " text table");
      }
    }
    return head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB
        && head[2] == (byte) 0xBF ? 3 : 0;
  }

  private static boolean blank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
        return false;
      }
    }
    return true;
  }

  private static long lineNumberAt(byte[] head, int from, int position) {
    long lines = 0;
    for (int i = from; i < position && i < head.length; i++) {
      if (head[i] == '\n') {
        lines++;
      }
    }
    return lines;
  }

  private static char detectDelimiter(byte[] b, int from, int to) {
    int tabs = 0;
    int semis = 0;
    int commas = 0;
    boolean quoted = false;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == '\t') {
          tabs++;
        } else if (c == ';') {
          semis++;
        } else if (c == ',') {
          commas++;
        }
      }
    }
    if (tabs == 0 && semis == 0 && commas == 0) {
      return ' ';
    }
    if (tabs >= semis && tabs >= commas) {
      return '\t';
    }
    return semis >= commas ? ';' : ',';
  }

  /** Fields of one line as strings (for the header and the detection), unquoted. */
  private static List<String> fields(byte[] b, int from, int to, char delim, String file) {
    RangeParser rp = new RangeParser(file, java.util.Collections.nCopies(4096, ""), new int[0], 0,
        -1, delim, false, new double[0], null, 0, 0);
    int count = rp.split(b, from, to);
    List<String> out = new ArrayList<>();
    for (int j = 0; j < Math.min(count, 4096); j++) {
      String t = text(b, rp.fieldFrom[j], rp.fieldTo[j], file).trim();
      if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
        t = t.substring(1, t.length() - 1).replace("\"\"", "\"");
      }
      out.add(t);
    }
    return out;
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
    String t = s.trim().replace(',', '.');
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

  private static String text(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }

  private static String text(byte[] b, int from, int to, String file) {
    try {
      CharBuffer cb = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, from, to - from));
      return cb.toString();
    } catch (CharacterCodingException e) {
      throw new BadInputException(file + ": the header is not valid UTF-8; save the file as"
          + " UTF-8");
    }
  }
}
