package org.backstrat.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams the rows of one sheet of an .xlsx workbook with POI's event API (the sheet's XML is
 * parsed with SAX, never built as a tree), so a workbook of a million rows reads in constant
 * memory. Limits, checked while reading: an entry may not expand more than
 * {@link #MAX_EXPANSION}-fold or beyond {@link #MAX_ENTRY_BYTES} when unzipped (zip bombs), at
 * most 1,048,576 rows and {@link RecordScanner#MAX_COLUMNS} columns (Excel's own limits). A
 * formula cell without a stored result is refused naming the cell, never read as 0.
 *
 * <p>Cells: numbers as {@link PlainNumber} writes them (dates as their serial number), booleans
 * as {@code true}/{@code false}, text as written, error values as Excel shows them
 * ({@code #DIV/0!}).
 */
final class XlsxRows {
  /** Largest expansion of a zip entry: POI's own default ratio (compressed/expanded 0.01). */
  static final int MAX_EXPANSION = 100;
  /** Largest unzipped entry (a sheet's XML): 2 GiB. */
  static final long MAX_ENTRY_BYTES = 2L << 30;
  /** Excel's row limit. */
  static final int MAX_ROWS = 1 << 20;

  static {
    // POI keeps these limits in static settings; backstrat sets them once, to fixed values
    ZipSecureFile.setMinInflateRatio(1.0 / MAX_EXPANSION);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
  }

  private XlsxRows() {
  }

  static void scan(Path path, String file, TableReadOptions options, RowSink sink) {
    try (OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
      List<String> names = new ArrayList<>();
      String wanted = options.sheet().strip();
      int position = wanted.chars().allMatch(Character::isDigit) ? Integer.parseInt(wanted) : -1;
      while (it.hasNext()) {
        try (InputStream sheet = it.next()) {
          String name = it.getSheetName();
          names.add(name);
          if (names.size() == position || position < 0 && name.equalsIgnoreCase(wanted)) {
            Handler h = new Handler(file, strings, sink);
            parse(sheet, h);
            h.finish(name);
            return;
          }
        }
      }
      if (names.isEmpty()) {
        throw new BadInputException(file + ": the workbook has no sheet");
      }
      throw new BadInputException(file + ": no sheet " + (position > 0 ? "number " + position
          : "named \"" + wanted + "\"") + "; the workbook has " + names.size() + ": "
          + String.join(", ", names));
    } catch (NotOfficeXmlFileException | InvalidFormatException e) {
      throw new BadInputException(file + ": not an Excel .xlsx workbook");
    } catch (IOException | OpenXML4JException | OpenXML4JRuntimeException | SAXException
             | org.apache.poi.ooxml.POIXMLException | IllegalArgumentException
             | IllegalStateException e) {
      String why = TableReader.rootMessage(e);
      if (why.contains("Zip bomb") || why.contains("max. ratio") || why.contains("exceeds the max")) {
        throw new BadInputException(file + ": the workbook expands more than "
            + MAX_EXPANSION + "-fold or beyond " + (MAX_ENTRY_BYTES >> 30) + " GiB when unzipped "
            + "(a zip bomb?); expected an ordinary .xlsx workbook (or save the sheet as CSV)");
      }
      throw new BadInputException(file + ": cannot read the .xlsx workbook: " + why);
    }
  }

  private static void parse(InputStream in, DefaultHandler h)
      throws IOException, SAXException {
    try {
      SAXParserFactory f = SAXParserFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      XMLReader xml = f.newSAXParser().getXMLReader();
      xml.setContentHandler(h);
      xml.parse(new org.xml.sax.InputSource(in));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Turns the sheet's row/cell elements into rows for the sink. */
  private static final class Handler extends DefaultHandler {
    private final String file;
    private final ReadOnlySharedStringsTable strings;
    private final RowSink sink;
    private List<String> header;
    private long rowNumber;
    private String[] cells = new String[16];
    private int width;
    private int col;
    private String type;
    private String ref;
    private boolean inValue;
    private boolean inFormula;
    private boolean inInline;
    private boolean hasFormula;
    private boolean hasValue;
    private final StringBuilder value = new StringBuilder();
    private final StringBuilder formula = new StringBuilder();

    Handler(String file, ReadOnlySharedStringsTable strings, RowSink sink) {
      this.file = file;
      this.strings = strings;
      this.sink = sink;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes a) {
      switch (local) {
        case "row" -> {
          String r = a.getValue("r");
          rowNumber = r == null ? rowNumber + 1 : Long.parseLong(r);
          if (rowNumber > MAX_ROWS) {
            throw new BadInputException(file + ": row " + rowNumber + ": more than "
                + MAX_ROWS + " rows; expected at most Excel's 1,048,576");
          }
          width = 0;
          col = 0;
        }
        case "c" -> {
          ref = a.getValue("r");
          type = a.getValue("t");
          if (ref != null) {
            col = columnIndex(ref);
          }
          hasFormula = false;
          hasValue = false;
          value.setLength(0);
          formula.setLength(0);
        }
        case "v" -> {
          inValue = true;
          hasValue = true;
        }
        case "f" -> {
          inFormula = true;
          hasFormula = true;
        }
        case "is" -> {
          inInline = true;
          hasValue = true;
        }
        default -> {
          // other elements carry no cell content
        }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue || inInline) {
        value.append(ch, start, length);
      } else if (inFormula) {
        formula.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      switch (local) {
        case "v" -> inValue = false;
        case "f" -> inFormula = false;
        case "is" -> inInline = false;
        case "c" -> endCell();
        case "row" -> endRow();
        default -> {
          // nothing to do
        }
      }
    }

    private void endCell() {
      if (col >= RecordScanner.MAX_COLUMNS) {
        throw new BadInputException(file + ": row " + rowNumber + ": a cell beyond column "
            + RecordScanner.MAX_COLUMNS + "; expected at most Excel's 16,384 columns");
      }
      String text;
      if (hasFormula && !hasValue) {
        String column = header != null && col < header.size() ? header.get(col)
            : ref == null ? "" : ref.replaceAll("[0-9]", "");
        throw new BadInputException(InputProblem.error(file, rowNumber, column,
            "=" + formula, "a value; cell " + (ref == null ? "" : ref + " ") + "holds a "
                + "formula without a stored result (open and save the workbook in Excel or "
                + "LibreOffice, or paste the values)"));
      }
      String v = value.toString();
      String t = type == null ? "n" : type;
      switch (t) {
        case "s" -> {
          try {
            text = strings.getItemAt(Integer.parseInt(v.strip())).getString();
          } catch (RuntimeException e) {
            throw new BadInputException(file + ": row " + rowNumber + ": a text cell points at "
                + "no shared string (" + v + "); expected a valid .xlsx workbook");
          }
        }
        case "b" -> text = v.strip().equals("1") ? "true" : v.strip().equals("0") ? "false" : v;
        case "n" -> {
          if (v.isEmpty()) {
            text = "";
          } else {
            try {
              text = PlainNumber.of(Double.parseDouble(v));
            } catch (NumberFormatException e) {
              text = v;
            }
          }
        }
        default -> text = v; // inlineStr, str (formula text), e (error value)
      }
      if (col >= cells.length) {
        cells = Arrays.copyOf(cells, Math.min(RecordScanner.MAX_COLUMNS,
            Math.max(col + 1, cells.length * 2)));
      }
      for (int i = width; i < col; i++) {
        cells[i] = "";
      }
      cells[col] = text;
      width = Math.max(width, col + 1);
      col++;
    }

    private void endRow() {
      boolean any = false;
      for (int i = 0; i < width; i++) {
        any |= !cells[i].isEmpty();
      }
      if (!any) {
        return;
      }
      if (header == null) {
        int n = width;
        while (n > 0 && cells[n - 1].isEmpty()) {
          n--;
        }
        header = List.of(Arrays.copyOf(cells, n));
        sink.header(header, new TableFormat('\0', false, TableFormat.Kind.XLSX));
        return;
      }
      int n = width;
      while (n > header.size() && cells[n - 1].isEmpty()) {
        n--;
      }
      String[] row = new String[Math.max(n, header.size())];
      System.arraycopy(cells, 0, row, 0, n);
      for (int i = n; i < row.length; i++) {
        row[i] = "";
      }
      sink.row(rowNumber, row);
    }

    void finish(String sheetName) {
      if (header == null) {
        throw new BadInputException(file + ": the sheet " + sheetName + " is empty; expected a "
            + "header row");
      }
    }

    /** 0-based column of a cell reference such as {@code AB12}. */
    private int columnIndex(String r) {
      int c = 0;
      for (int i = 0; i < r.length(); i++) {
        char ch = Character.toUpperCase(r.charAt(i));
        if (ch < 'A' || ch > 'Z') {
          break;
        }
        c = c * 26 + (ch - 'A' + 1);
        if (c > RecordScanner.MAX_COLUMNS) {
          break;
        }
      }
      return c - 1;
    }
  }

}
