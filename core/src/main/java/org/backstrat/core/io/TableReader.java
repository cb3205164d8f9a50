package org.backstrat.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.backstrat.core.BadInputException;

/**
 * Reads a table from CSV, TSV, semicolon-separated text or an Excel .xlsx workbook into a
 * {@link RawTable}. Text must be UTF-8 (a byte-order mark and CRLF line ends are fine); any other
 * encoding is refused with the line where it was detected, never mis-decoded. The delimiter
 * (comma, semicolon or tab) is detected from the header line; semicolon files may use decimal
 * commas, as European spreadsheet exports do.
 */
public final class TableReader {

  private TableReader() {
  }

  /** Reads a table; the file name shown in messages is {@code path} as given. */
  public static RawTable read(Path path) {
    return read(path, Optional.empty());
  }

  /**
   * Reads a table; for a workbook, {@code sheet} names the sheet (by name, or its number from 1
   * as text); empty reads the first. A sheet named for a text file is ignored.
   */
  public static RawTable read(Path path, Optional<String> sheet) {
    String file = path.toString();
    if (!Files.exists(path)) {
      throw new BadInputException(file + ": no such file");
    }
    if (Files.isDirectory(path)) {
      throw new BadInputException(file + ": is a folder, expected a CSV, TSV or .xlsx file");
    }
    String lower = file.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".xls")) {
      throw new BadInputException(file + ": old Excel .xls files are not read; save it as .xlsx "
          + "or CSV (UTF-8)");
    }
    if (lower.endsWith(".parquet")) {
      throw new BadInputException(file + ": Parquet input is not supported yet; export CSV");
    }
    byte[] bytes = readBytes(path, file);
    if (lower.endsWith(".xlsx") || isZip(bytes)) {
      return readXlsx(file, bytes, sheet);
    }
    return readText(file, bytes);
  }

  /** The whole file; a missing file is bad input, any other failure an I/O error. */
  private static byte[] readBytes(Path path, String file) {
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a table and hands it to {@code sink} row by row: delimited text is streamed (the cells
   * of earlier rows are not kept), a workbook is read whole and then replayed.
   */
  public static void scan(Path path, RowSink sink) {
    scan(path, Optional.empty(), sink);
  }

  /** As {@link #scan(Path, RowSink)}, reading the named sheet of a workbook (see {@link #read}). */
  public static void scan(Path path, Optional<String> sheet, RowSink sink) {
    String file = path.toString();
    String lower = file.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".parquet")
        || !Files.isRegularFile(path)) {
      replay(read(path, sheet), sink);
      return;
    }
    byte[] bytes = readBytes(path, file);
    if (isZip(bytes)) {
      replay(readXlsx(file, bytes, sheet), sink);
      return;
    }
    scanText(file, bytes, sink);
  }

  /** Hands an already read table to a sink. */
  public static void replay(RawTable table, RowSink sink) {
    sink.header(table.header(), table.format());
    for (int r = 0; r < table.size(); r++) {
      sink.row(table.rowNumbers()[r], table.rows().get(r));
    }
  }

  private static boolean isZip(byte[] b) {
    return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
  }

  /** Parses delimited text given as bytes (exposed for tests and for stdin-like sources). */
  public static RawTable readText(String file, byte[] bytes) {
    AtomicReference<List<String>> header = new AtomicReference<>();
    AtomicReference<TableFormat> format = new AtomicReference<>();
    List<String[]> rows = new ArrayList<>();
    List<Long> numbers = new ArrayList<>();
    scanText(file, bytes, new RowSink() {
      @Override
      public void header(List<String> cells, TableFormat f) {
        header.set(cells);
        format.set(f);
      }

      @Override
      public void row(long rowNumber, String[] cells) {
        rows.add(cells);
        numbers.add(rowNumber);
      }
    });
    long[] rowNumbers = numbers.stream().mapToLong(Long::longValue).toArray();
    return new RawTable(file, header.get(), rows, rowNumbers, format.get());
  }

  /** Streams delimited text given as bytes to a sink. */
  public static void scanText(String file, byte[] bytes, RowSink sink) {
    String text = decodeUtf8(file, bytes);
    if (text.isBlank()) {
      throw new BadInputException(file + ": the file is empty; expected a header row and one "
          + "row per person");
    }
    int eol = text.indexOf('\n');
    String headerLine = eol < 0 ? text : text.substring(0, eol);
    char delimiter = detectDelimiter(headerLine);
    TableFormat format = new TableFormat(delimiter, delimiter == ';',
        TableFormat.Kind.DELIMITED_TEXT);
    DelimitedTokenizer tokens = new DelimitedTokenizer(file, text, delimiter);
    int headerSize = -1;
    for (String[] cells = tokens.next(); cells != null; cells = tokens.next()) {
      if (headerSize < 0) {
        headerSize = cells.length;
        sink.header(List.of(cells), format);
        continue;
      }
      if (cells.length == 1 && cells[0].isBlank() && headerSize > 1) {
        continue; // a line of blanks
      }
      sink.row(tokens.recordLine, cells);
    }
    if (headerSize < 0) {
      throw new BadInputException(file + ": the file is empty; expected a header row");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  /**
   * Counts comma, semicolon and tab outside quotes in the header line; the most frequent wins
   * (ties: comma, then semicolon, then tab). A one-column file is read as comma-separated.
   */
  static char detectDelimiter(String headerLine) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < headerLine.length(); i++) {
      char c = headerLine.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == ',') {
          commas++;
        } else if (c == ';') {
          semicolons++;
        } else if (c == '\t') {
          tabs++;
        }
      }
    }
    if (tabs > commas && tabs > semicolons) {
      return '\t';
    }
    if (semicolons > commas) {
      return ';';
    }
    return ',';
  }

  /**
   * Decodes strict UTF-8 after removing a UTF-8 byte-order mark. UTF-16/32 (recognised by
   * their byte-order marks or NUL bytes) and invalid UTF-8 are refused, naming the line.
   */
  static String decodeUtf8(String file, byte[] bytes) {
    int start = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      start = 3;
    } else if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
        || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
      throw new BadInputException(file + ": the file is UTF-16 encoded; expected UTF-8 (save "
          + "it as \"CSV UTF-8\")");
    }
    for (int i = start; i < Math.min(bytes.length, 4096); i++) {
      if (bytes[i] == 0) {
        throw new BadInputException(file + ": the file contains NUL bytes (UTF-16/32 text or "
            + "a binary file); expected UTF-8 text");
      }
    }
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start);
    CoderResult r = dec.decode(in, out, true);
    if (r.isError()) {
      int at = in.position();
      long line = 1;
      for (int i = start; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new BadInputException(file + ": row " + line + ": byte 0x"
          + String.format(Locale.ROOT, "%02X", bytes[at] & 0xFF)
          + " is not valid UTF-8; expected UTF-8 text (the file looks like Latin-1/Windows-1252: "
          + "save it as \"CSV UTF-8\")");
    }
    try {
      r = dec.flush(out);
      if (r.isError()) {
        r.throwException();
      }
    } catch (CharacterCodingException e) {
      throw new BadInputException(file + ": the file ends inside a UTF-8 character; expected "
          + "UTF-8 text");
    }
    out.flip();
    return out.toString();
  }

  private static RawTable readXlsx(String file, byte[] bytes, Optional<String> sheetName) {
    DataFormatter formatter = new DataFormatter(Locale.ROOT);
    try (InputStream in = new java.io.ByteArrayInputStream(bytes);
         XSSFWorkbook wb = new XSSFWorkbook(in)) {
      if (wb.getNumberOfSheets() == 0) {
        throw new BadInputException(file + ": the workbook has no sheet");
      }
      Sheet sheet = pickSheet(file, wb, sheetName);
      List<String> header = null;
      List<String[]> rows = new ArrayList<>();
      List<Long> numbers = new ArrayList<>();
      for (Row row : sheet) {
        int last = row.getLastCellNum();
        if (header != null) {
          last = Math.max(last, header.size());
        }
        String[] cells = new String[Math.max(last, 0)];
        boolean any = false;
        for (int c = 0; c < cells.length; c++) {
          Cell cell = row.getCell(c, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL);
          cells[c] = cell == null ? "" : cellText(cell, formatter);
          any |= !cells[c].isEmpty();
        }
        if (!any) {
          continue;
        }
        if (header == null) {
          header = List.of(trimTrailingEmpty(cells));
          continue;
        }
        rows.add(trimTrailingEmptyBeyond(cells, header.size()));
        numbers.add((long) row.getRowNum() + 1);
      }
      if (header == null) {
        throw new BadInputException(file + ": sheet \"" + sheet.getSheetName()
            + "\" is empty; expected a header row");
      }
      long[] rowNumbers = numbers.stream().mapToLong(Long::longValue).toArray();
      return new RawTable(file, header, rows, rowNumbers,
          new TableFormat('\0', false, TableFormat.Kind.XLSX));
    } catch (NotOfficeXmlFileException e) {
      throw new BadInputException(file + ": not an Excel .xlsx workbook");
    } catch (IOException | org.apache.poi.ooxml.POIXMLException | IllegalArgumentException e) {
      throw new BadInputException(file + ": cannot read the .xlsx workbook: "
          + rootMessage(e));
    }
  }

  /** The sheet named (by name, ignoring case, or by its number from 1), or the first. */
  private static Sheet pickSheet(String file, XSSFWorkbook wb, Optional<String> name) {
    if (name.isEmpty()) {
      return wb.getSheetAt(0);
    }
    String wanted = name.get().strip();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < wb.getNumberOfSheets(); i++) {
      String n = wb.getSheetName(i);
      names.add(n);
      if (n.equalsIgnoreCase(wanted)) {
        return wb.getSheetAt(i);
      }
    }
    if (wanted.matches("[0-9]{1,6}")) {
      int index = Integer.parseInt(wanted);
      if (index >= 1 && index <= wb.getNumberOfSheets()) {
        return wb.getSheetAt(index - 1);
      }
    }
    throw new BadInputException(file + ": no sheet \"" + wanted + "\"; expected a sheet name "
        + "or a number from 1 to " + wb.getNumberOfSheets() + "; the workbook has "
        + String.join(", ", names));
  }

  private static String cellText(Cell cell, DataFormatter formatter) {
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
        : cell.getCellType();
    if (type == CellType.NUMERIC) {
      double v = cell.getNumericCellValue();
      return PlainNumber.of(v);
    }
    if (type == CellType.BOOLEAN) {
      return Boolean.toString(cell.getBooleanCellValue());
    }
    if (type == CellType.STRING) {
      return cell.getCellType() == CellType.FORMULA ? cell.getStringCellValue()
          : cell.getStringCellValue();
    }
    return formatter.formatCellValue(cell);
  }

  private static String[] trimTrailingEmpty(String[] cells) {
    int n = cells.length;
    while (n > 0 && cells[n - 1].isEmpty()) {
      n--;
    }
    return java.util.Arrays.copyOf(cells, n);
  }

  private static String[] trimTrailingEmptyBeyond(String[] cells, int width) {
    int n = cells.length;
    while (n > width && cells[n - 1].isEmpty()) {
      n--;
    }
    return java.util.Arrays.copyOf(cells, n);
  }
}
