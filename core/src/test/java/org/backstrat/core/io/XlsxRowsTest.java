package org.backstrat.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workbooks are streamed under limits (issue 15): large, hostile and formula-only cells. */
class XlsxRowsTest {
  @TempDir
  Path tmp;

  private Path twoSheets() throws IOException {
    Path p = tmp.resolve("two.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
      Sheet a = wb.createSheet("cohort");
      a.createRow(0).createCell(0).setCellValue("id");
      a.getRow(0).createCell(1).setCellValue("bmi");
      a.createRow(1).createCell(0).setCellValue("P1");
      a.getRow(1).createCell(1).setCellValue(27.5);
      Sheet b = wb.createSheet("Other");
      b.createRow(0).createCell(0).setCellValue("x");
      b.createRow(3).createCell(0).setCellValue(true);
      wb.write(out);
    }
    return p;
  }

  @Test
  void theFirstSheetIsReadUnlessAnotherIsNamedOrNumbered() throws IOException {
    Path p = twoSheets();
    RawTable first = TableReader.read(p);
    assertThat(first.header()).containsExactly("id", "bmi");
    assertThat(first.rows().get(0)).containsExactly("P1", "27.5");
    RawTable second = TableReader.read(p, TableReadOptions.DEFAULTS.withSheet("2"));
    assertThat(second.header()).containsExactly("x");
    assertThat(second.rows().get(0)).containsExactly("true");
    assertThat(second.rowNumbers()).containsExactly(4);
    assertThat(TableReader.read(p, TableReadOptions.DEFAULTS.withSheet("other")).header())
        .containsExactly("x");
    assertThatThrownBy(() -> TableReader.read(p, TableReadOptions.DEFAULTS.withSheet("nope")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("two.xlsx: no sheet named \"nope\"; the workbook has 2: cohort, Other");
  }

  @Test
  void aFormulaWithoutAStoredResultIsRefusedNamingTheCellNotReadAsZero() throws IOException {
    Path p = tmp.resolve("f.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
      Sheet s = wb.createSheet("s");
      s.createRow(0).createCell(0).setCellValue("id");
      s.getRow(0).createCell(1).setCellValue("bmi");
      s.createRow(1).createCell(0).setCellValue("P1");
      s.getRow(1).createCell(1).setCellFormula("1");
      wb.write(out);
    }
    assertThatThrownBy(() -> TableReader.read(p)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("f.xlsx: row 2, column bmi: value \"=1\": expected a value; cell B2"
            + " holds a formula without a stored result");
  }

  @Test
  void aHundredThousandRowWorkbookIsStreamed() throws IOException {
    Path p = tmp.resolve("big.xlsx");
    int rows = 100_000;
    int cols = 12;
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(p)) {
      Sheet s = wb.createSheet("big");
      Row h = s.createRow(0);
      for (int j = 0; j < cols; j++) {
        h.createCell(j).setCellValue("c" + j);
      }
      for (int i = 1; i <= rows; i++) {
        Row r = s.createRow(i);
        r.createCell(0).setCellValue("P" + i);
        for (int j = 1; j < cols; j++) {
          r.createCell(j).setCellValue(i * 0.5 + j);
        }
      }
      wb.write(out);
    }
    long[] count = new long[1];
    String[] last = new String[1];
    TableReader.scan(p, new RowSink() {
      @Override
      public void header(java.util.List<String> cells, TableFormat format) {
        assertThat(cells).hasSize(cols);
      }

      @Override
      public void row(long rowNumber, String[] cells) {
        count[0]++;
        last[0] = rowNumber + ":" + cells[0] + ":" + cells[11];
      }
    });
    assertThat(count[0]).isEqualTo(rows);
    assertThat(last[0]).isEqualTo((rows + 1) + ":P" + rows + ":" + PlainNumber.of(rows * 0.5 + 11));
  }

  @Test
  void aZipBombIsRefusedWithAMessage() throws IOException {
    Path small = twoSheets();
    Path bomb = tmp.resolve("bomb.xlsx");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(small));
         ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] data = in.readAllBytes();
        out.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          String xml = new String(data, StandardCharsets.UTF_8);
          int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
          out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
          byte[] padding = new byte[1 << 20];
          java.util.Arrays.fill(padding, (byte) ' ');
          for (int k = 0; k < 64; k++) {
            out.write(padding); // 64 MiB of spaces, a few hundred KB compressed
          }
          out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
        } else {
          out.write(data);
        }
        out.closeEntry();
      }
    }
    assertThat(Files.size(bomb)).isLessThan(1 << 20);
    assertThatThrownBy(() -> TableReader.read(bomb)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("bomb.xlsx: the workbook expands more than 100-fold");
  }

  @Test
  void notAWorkbookIsBadInput() throws IOException {
    Path p = tmp.resolve("zip.xlsx");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(p))) {
      out.putNextEntry(new ZipEntry("hello.txt"));
      out.write("hi".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    assertThatThrownBy(() -> TableReader.read(p)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("zip.xlsx");
  }

}
