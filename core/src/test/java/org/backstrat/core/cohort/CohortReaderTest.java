package org.backstrat.core.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;
import org.backstrat.core.io.RawTable;
import org.backstrat.core.io.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortReaderTest {

  @TempDir
  Path tmp;

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(CohortReaderTest.class.getResource(name).toURI());
  }

  private static String validText() throws Exception {
    return Files.readString(resource("valid.csv"));
  }

  private static CohortReadResult check(String text) {
    return CohortReader.withDefaults().check(
        TableReader.readText("t.csv", text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void validFileReadsWithoutProblemsAndKeepsExtraColumns() throws Exception {
    CohortReadResult r = CohortReader.withDefaults().read(resource("valid.csv"));
    assertThat(r.problems()).isEmpty();
    Cohort c = r.orThrow();
    assertThat(c.size()).isEqualTo(10);
    assertThat(c.columnNames()).startsWith("id", "sex", "age", "bmi", "smoking", "sbt_1")
        .endsWith("lbp_frequency", "lbp_bothersomeness", "site");
    assertThat(c.texts("site")[0]).isEqualTo("Oulu, FI");
    assertThat(c.variable("sex").orElseThrow().levels()).containsExactly("female", "male");
  }

  @Test
  void twelvePlantedDefectsGiveTwelvePreciseMessages() throws Exception {
    CohortReadResult r = CohortReader.withDefaults().read(resource("twelve_defects.csv"));
    assertThat(r.isValid()).isFalse();
    List<InputProblem> errors = r.errors();
    assertThat(errors).extracting(InputProblem::row, InputProblem::column).containsExactly(
        org.assertj.core.groups.Tuple.tuple(2L, "sex"),
        org.assertj.core.groups.Tuple.tuple(3L, "smoking"),
        org.assertj.core.groups.Tuple.tuple(4L, "sbt_3"),
        org.assertj.core.groups.Tuple.tuple(5L, "bmi"),
        org.assertj.core.groups.Tuple.tuple(6L, "id"),
        org.assertj.core.groups.Tuple.tuple(7L, "id"),
        org.assertj.core.groups.Tuple.tuple(8L, "bmi"),
        org.assertj.core.groups.Tuple.tuple(9L, "ompsq_1"),
        org.assertj.core.groups.Tuple.tuple(10L, "pfirrmann_l4l5"),
        org.assertj.core.groups.Tuple.tuple(11L, "facet_angle_l5s1_left"),
        org.assertj.core.groups.Tuple.tuple(12L, ""),
        org.assertj.core.groups.Tuple.tuple(13L, "sbt_9"));
    assertThat(errors.get(0).message()).endsWith(
        "row 2, column sex: value \"F\": expected one of female, male");
    assertThat(errors.get(4).message()).contains("already appears in row 2");
    assertThat(errors.get(6).message()).contains("value \"95\"")
        .contains("a number from 10 to 80 kg/m2");
    assertThat(errors.get(10).message()).contains("38 cells as in the header; this row has 7");
    assertThat(errors).allSatisfy(p -> assertThat(p.file()).endsWith("twelve_defects.csv"));
    assertThatThrownBy(r::orThrow).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("12 problems");
  }

  @Test
  void columnNamesAreCaseInsensitiveAndWrittenCanonically() throws Exception {
    String text = validText();
    int eol = text.indexOf('\n');
    String upper = text.substring(0, eol).toUpperCase(java.util.Locale.ROOT)
        .replace("SITE", "Site") + text.substring(eol);
    Cohort c = check(upper).orThrow();
    assertThat(c.columnNames()).contains("sbt_1", "facet_angle_l3l4_left", "Site");
  }

  @Test
  void categoryValuesAreCaseInsensitive() throws Exception {
    String text = validText().replaceFirst("\\nP001,(female|male),", "\nP001,FEMALE,");
    Cohort c = check(text).orThrow();
    assertThat(c.values("sex")[0]).isZero();
  }

  @Test
  void semicolonFilesMayUseDecimalCommas() throws Exception {
    String text = validText().replace("\"Oulu, FI\"", "Oulu").replace(',', ';')
        .replaceAll("(\\d)\\.(\\d)", "$1,$2");
    CohortReadResult r = check(text);
    assertThat(r.format().delimiter()).isEqualTo(';');
    Cohort c = r.orThrow();
    Cohort reference = check(validText()).orThrow();
    assertThat(c.values("bmi")).containsExactly(reference.values("bmi"));
    assertThat(c.values("facet_angle_l5s1_right"))
        .containsExactly(reference.values("facet_angle_l5s1_right"));
  }

  @Test
  void tabSeparatedFilesAreDetected() throws Exception {
    String text = validText().replace("\"Oulu, FI\"", "Oulu").replace(',', '\t');
    CohortReadResult r = check(text);
    assertThat(r.format().delimiterName()).isEqualTo("tab");
    assertThat(r.orThrow().size()).isEqualTo(10);
  }

  @Test
  void byteOrderMarkAndCrlfLineEndsAreAccepted() throws Exception {
    byte[] body = validText().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    Cohort c = CohortReader.withDefaults().check(TableReader.readText("t.csv", withBom))
        .orThrow();
    assertThat(c.columnNames().get(0)).isEqualTo("id");
    assertThat(c.texts("site")[9]).isEqualTo("Oulu, FI");
  }

  @Test
  void utf16IsRefusedNotMisDecoded() throws Exception {
    byte[] utf16 = validText().getBytes(StandardCharsets.UTF_16);
    assertThatThrownBy(() -> TableReader.readText("w.csv", utf16))
        .isInstanceOf(BadInputException.class).hasMessageContaining("UTF-16")
        .hasMessageContaining("w.csv");
  }

  @Test
  void latin1IsRefusedNamingTheRow() throws Exception {
    String text = validText().replace("Oulu, FI", "Öulu");
    byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> TableReader.readText("l.csv", latin1))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("l.csv: row 2")
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void emptyFileIsRefused() {
    assertThatThrownBy(() -> TableReader.readText("e.csv", new byte[0]))
        .isInstanceOf(BadInputException.class).hasMessageContaining("e.csv: the file is empty");
  }

  @Test
  void headerWithoutRowsIsAnError() throws Exception {
    String header = validText().substring(0, validText().indexOf('\n') + 1);
    CohortReadResult r = check(header);
    assertThat(r.errors()).singleElement().extracting(InputProblem::expected)
        .asString().contains("at least one person");
  }

  @Test
  void missingRequiredColumnIsNamed() throws Exception {
    String text = validText().replaceFirst("bmi,", "weight,");
    CohortReadResult r = check(text);
    assertThat(r.errors()).anySatisfy(p -> {
      assertThat(p.column()).isEqualTo("bmi");
      assertThat(p.message()).contains("it is required");
    });
  }

  @Test
  void partialQuestionnaireIsAnErrorListingTheMissingItems() throws Exception {
    String text = validText().replaceFirst("ompsq_7,", "item7,");
    CohortReadResult r = check(text);
    assertThat(r.errors()).singleElement().satisfies(p -> {
      assertThat(p.column()).isEqualTo("ompsq_7");
      assertThat(p.expected()).contains("ÖMPSQ-short items");
    });
  }

  @Test
  void absentImagingColumnsAreOnlyAWarning() throws Exception {
    String text = validText().replace("pfirrmann_", "grade_");
    CohortReadResult r = check(text);
    assertThat(r.isValid()).isTrue();
    assertThat(r.warnings()).anySatisfy(p -> assertThat(p.message()).contains("Pfirrmann"));
  }

  @Test
  void missingValuesAreWarningsWithRows() throws Exception {
    String text = validText().replaceFirst("\\nP001,(female|male),4[67],", "\nP001,$1,,");
    CohortReadResult r = check(text);
    assertThat(r.isValid()).isTrue();
    assertThat(r.warnings()).singleElement().satisfies(p -> {
      assertThat(p.column()).isEqualTo("age");
      assertThat(p.message()).contains("1 of 10 values missing (row 2)");
    });
    assertThat(r.orThrow().values("age")[0]).isNaN();
  }

  @Test
  void duplicateColumnIsRefused() throws Exception {
    String text = validText().replaceFirst("site", "SEX");
    CohortReadResult r = check(text);
    assertThat(r.errors()).anySatisfy(p -> {
      assertThat(p.row()).isEqualTo(1);
      assertThat(p.expected()).contains("each column once; it is also column 2");
    });
  }

  @Test
  void numbersAreStrictDecimals() {
    assertThat(CohortReader.parseDecimal("27.5", false)).isEqualTo(27.5);
    assertThat(CohortReader.parseDecimal("-1e2", false)).isEqualTo(-100);
    assertThat(CohortReader.parseDecimal(".5", false)).isEqualTo(0.5);
    assertThat(CohortReader.parseDecimal("27,5", true)).isEqualTo(27.5);
    for (String bad : List.of("NaN", "Infinity", "0x1A", "27d", "27,5", "1e", "--1", "", "1 2",
        "١٢")) {
      assertThat(CohortReader.parseDecimal(bad, false)).as(bad).isNaN();
    }
    assertThat(CohortReader.parseDecimal("1,234.5", true)).isNaN();
  }

  @Test
  void rowNumbersFollowTheSpreadsheetAcrossBlankLinesAndMultilineCells() throws Exception {
    String text = validText();
    String[] lines = text.split("\n");
    StringBuilder sb = new StringBuilder(lines[0]).append('\n').append(lines[1]).append('\n')
        .append('\n'); // blank line: row 3
    sb.append(lines[2].replace("\"Oulu, FI\"", "\"Oulu,\nFI\"")).append('\n'); // rows 4-5
    sb.append(lines[3].replaceFirst(",(female|male),", ",x,")).append('\n'); // row 6
    CohortReadResult r = check(sb.toString());
    assertThat(r.errors()).singleElement().satisfies(p -> {
      assertThat(p.row()).isEqualTo(6);
      assertThat(p.column()).isEqualTo("sex");
    });
  }

  @Test
  void xlsxWorkbookReadsLikeCsv() throws Exception {
    RawTable csv = TableReader.readText("v.csv", validText().getBytes(StandardCharsets.UTF_8));
    Path xlsx = tmp.resolve("v.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
      Sheet sheet = wb.createSheet("cohort");
      Row h = sheet.createRow(0);
      for (int c = 0; c < csv.header().size(); c++) {
        h.createCell(c).setCellValue(csv.header().get(c));
      }
      for (int r = 0; r < csv.size(); r++) {
        Row row = sheet.createRow(r + 1);
        String[] cells = csv.rows().get(r);
        for (int c = 0; c < cells.length; c++) {
          double x = CohortReader.parseDecimal(cells[c], false);
          if (Double.isNaN(x)) {
            row.createCell(c).setCellValue(cells[c]);
          } else {
            row.createCell(c).setCellValue(x);
          }
        }
      }
      wb.write(out);
    }
    Cohort fromXlsx = CohortReader.withDefaults().read(xlsx).orThrow();
    Cohort fromCsv = CohortReader.withDefaults().check(csv).orThrow();
    assertThat(csvText(fromXlsx)).isEqualTo(csvText(fromCsv));
  }

  @Test
  void notAWorkbookIsRefused() throws Exception {
    Path fake = tmp.resolve("fake.xlsx");
    Files.writeString(fake, "id,sex\n1,female\n");
    assertThatThrownBy(() -> CohortReader.withDefaults().read(fake))
        .isInstanceOf(BadInputException.class).hasMessageContaining("fake.xlsx");
  }

  @Test
  void writtenCsvReadsBackIdentically() throws Exception {
    Cohort c = check(validText()).orThrow();
    Path out = tmp.resolve("out.csv");
    CohortWriter.write(c, out, false);
    Cohort back = CohortReader.withDefaults().read(out).orThrow();
    assertThat(csvText(back)).isEqualTo(csvText(c));
    assertThat(Files.readString(out)).isEqualTo(csvText(c)).contains("\"Oulu, FI\"");
  }

  @Test
  void existingOutputIsNotOverwrittenWithoutForce() throws Exception {
    Cohort c = check(validText()).orThrow();
    Path out = tmp.resolve("out.csv");
    Files.writeString(out, "keep me");
    assertThatThrownBy(() -> CohortWriter.write(c, out, false))
        .isInstanceOf(BadInputException.class).hasMessageContaining("--force");
    assertThat(Files.readString(out)).isEqualTo("keep me");
    CohortWriter.write(c, out, true);
    assertThat(Files.readString(out)).isEqualTo(csvText(c));
    try (var files = Files.list(tmp)) {
      assertThat(files).hasSize(1); // no temporary file left behind
    }
  }

  @Test
  void unclosedQuoteIsRefusedNamingTheRowWhereItOpened() {
    byte[] text = "id,sex\na,female\n\"b,male\nc,female\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TableReader.readText("q.csv", text))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("q.csv: row 3: a quoted value is never closed");
  }

  @Test
  void textAfterAClosingQuoteIsRefused() {
    byte[] text = "id,site\na,\"Oulu\" FI\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TableReader.readText("q.csv", text))
        .isInstanceOf(BadInputException.class).hasMessageContaining("q.csv: row 2: text after");
  }

  @Test
  void quotedCellsKeepDelimitersLineBreaksAndDoubledQuotes() {
    byte[] text = "id,note\r\na,\"x, \"\"y\"\"\r\nz\"\r\nb,\r\n".getBytes(
        StandardCharsets.UTF_8);
    RawTable t = TableReader.readText("q.csv", text);
    assertThat(t.rows().get(0)).containsExactly("a", "x, \"y\"\r\nz");
    assertThat(t.rows().get(1)).containsExactly("b", "");
    assertThat(t.rowNumbers()).containsExactly(2, 4);
  }

  private static String csvText(Cohort c) throws IOException {
    StringWriter w = new StringWriter();
    CohortWriter.write(c, w);
    return w.toString();
  }

}
