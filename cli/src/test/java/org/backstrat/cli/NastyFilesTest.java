package org.backstrat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same hostile files fed to {@code validate}, {@code cluster} and {@code dca} get the same
 * verdict from all three (issue 10: one table reader; issue 15: hostile input): files every
 * verb reads the same way are accepted by all three (exit 0); files that are not a readable
 * table are refused by all three with exit 2 and the identical message naming the file and row;
 * unusable values are refused by all three with exit 2 naming the file, the row and a column the
 * verb uses.
 */
class NastyFilesTest {
  @TempDir
  static Path tmp;

  private static final String HEADER = "id,sex,bmi,smoking,sbt_1,sbt_2,sbt_3,sbt_4,sbt_5,sbt_6,"
      + "sbt_7,sbt_8,sbt_9,note,y,p";
  private static final int PEOPLE = 12;

  /** What every verb must answer. */
  record Verdict(boolean accepted, String message, long row, String validateColumn,
                 String clusterColumn, String dcaColumn) {
    static Verdict ok() {
      return new Verdict(true, null, 0, null, null, null);
    }

    /** Refused by every verb with this exact text after "FILE: ". */
    static Verdict refused(String message) {
      return new Verdict(false, message, 0, null, null, null);
    }

    /** Refused by every verb naming this row and, per verb, the column it reads. */
    static Verdict badValue(long row, String validateColumn, String clusterColumn,
                            String dcaColumn) {
      return new Verdict(false, null, row, validateColumn, clusterColumn, dcaColumn);
    }
  }

  record Case(String name, byte[] bytes, Verdict verdict) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Row i (0-based) of the base table, cells in header order. */
  private static List<String> person(int i) {
    List<String> c = new ArrayList<>();
    c.add(String.format("P%02d", i + 1));
    c.add(i % 2 == 0 ? "female" : "male");
    c.add(Double.toString(20 + 1.5 * i));
    c.add(List.of("never", "former", "current").get(i % 3));
    for (int k = 1; k <= 8; k++) {
      c.add(Integer.toString((i + k) % 2));
    }
    c.add(Integer.toString(i % 5));
    c.add("plain " + i);
    c.add(Integer.toString(i % 2));
    c.add(Double.toString(0.1 + 0.05 * i));
    return c;
  }

  private static List<List<String>> table() {
    List<List<String>> t = new ArrayList<>();
    t.add(new ArrayList<>(List.of(HEADER.split(","))));
    for (int i = 0; i < PEOPLE; i++) {
      t.add(person(i));
    }
    return t;
  }

  private static String join(List<List<String>> t, String delimiter, String eol) {
    StringBuilder sb = new StringBuilder();
    for (List<String> row : t) {
      sb.append(String.join(delimiter, row)).append(eol);
    }
    return sb.toString();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** The base table with one cell replaced (row 0 = header; person i is row i + 1). */
  private static String with(int row, String column, String value) {
    List<List<String>> t = table();
    t.get(row).set(t.get(0).indexOf(column), value);
    return join(t, ",", "\n");
  }

  private static String with(Function<List<List<String>>, List<List<String>>> edit) {
    return join(edit.apply(table()), ",", "\n");
  }

  static Stream<Case> cases() {
    String plain = join(table(), ",", "\n");
    List<Case> c = new ArrayList<>();
    // read the same way by every verb
    c.add(new Case("plain.csv", utf8(plain), Verdict.ok()));
    c.add(new Case("bom.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        utf8(plain)), Verdict.ok()));
    c.add(new Case("crlf.csv", utf8(join(table(), ",", "\r\n")), Verdict.ok()));
    c.add(new Case("no_final_newline.csv", utf8(plain.strip()), Verdict.ok()));
    c.add(new Case("semicolon_decimal_comma.csv", utf8(join(table(), ";", "\n")
        .replaceAll("(\\d)\\.(\\d)", "$1,$2")), Verdict.ok()));
    c.add(new Case("tab.tsv", utf8(join(table(), "\t", "\n")), Verdict.ok()));
    c.add(new Case("quoted_line_break.csv", utf8(with(3, "note", "\"two\nlines, \"\"quoted\"\"\"")),
        Verdict.ok()));
    c.add(new Case("quoted_everything.csv", utf8(with(t -> {
      t.replaceAll(r -> new ArrayList<>(r.stream().map(v -> "\"" + v + "\"").toList()));
      return t;
    })), Verdict.ok()));
    c.add(new Case("blank_lines.csv", utf8(plain.replace("\nP03", "\n\n  \n\t\nP03") + "\n\n"),
        Verdict.ok()));
    c.add(new Case("unicode_text.csv", utf8(with(2, "note", "Jyväskylä – 日本 😀")), Verdict.ok()));
    // not a readable table: the same message from every verb
    c.add(new Case("empty.csv", new byte[0], Verdict.refused("the file is empty; expected a "
        + "header row and one row per person")));
    c.add(new Case("only_blank_lines.csv", utf8("\n\n\r\n\n"), Verdict.refused("the file is "
        + "empty; expected a header row and one row per person")));
    c.add(new Case("header_only.csv", utf8(HEADER + "\n"), Verdict.refused(null)));
    c.add(new Case("nul_early.csv", utf8(with(2, "note", "a\0b")), Verdict.refused(
        "row 3: a NUL byte (0x00); expected UTF-8 text (the file is UTF-16/32 text or binary)")));
    String longNote = "x".repeat(5000);
    c.add(new Case("nul_after_4k.csv", utf8(with(t -> {
      t.get(1).set(13, longNote);
      t.get(9).set(13, "late\0nul");
      return t;
    })), Verdict.refused("row 10: a NUL byte (0x00)")));
    c.add(new Case("cr_only.csv", utf8(join(table(), ",", "\r")), Verdict.refused("row 1: a "
        + "carriage return (CR) without a line feed; the file has CR-only (old Mac) line ends: "
        + "expected LF or CRLF line ends")));
    c.add(new Case("latin1.csv", concat(utf8(with(4, "note", "@@").split("@@")[0]),
        new byte[] {'J', (byte) 0xE4, 'r', 'v', 'i'}, utf8(with(4, "note", "@@").split("@@")[1])),
        Verdict.refused("row 5: byte 0xE4 is not valid UTF-8; expected UTF-8 text")));
    c.add(new Case("utf16.csv", plain.getBytes(StandardCharsets.UTF_16),
        Verdict.refused("the file is UTF-16 encoded; expected UTF-8")));
    c.add(new Case("utf16le_no_bom.csv", plain.getBytes(StandardCharsets.UTF_16LE),
        Verdict.refused("row 1: a NUL byte (0x00)")));
    c.add(new Case("truncated_utf8.csv", concat(utf8(plain.strip() + "x"), new byte[] {(byte) 0xC3}),
        Verdict.refused("row 13: the file ends inside a UTF-8 character")));
    c.add(new Case("unclosed_quote.csv", utf8(with(5, "note", "\"never closed")),
        Verdict.refused("row 6: a quoted value is never closed; expected a closing quote")));
    c.add(new Case("quote_inside_value.csv", utf8(with(5, "note", "say \"hi\"")),
        Verdict.refused("row 6: a quote inside an unquoted value")));
    c.add(new Case("text_after_quote.csv", utf8(with(5, "note", "\"hi\"x")),
        Verdict.refused("row 6: text after a closing quote")));
    c.add(new Case("duplicate_header.csv", utf8(with(0, "note", "BMI")),
        Verdict.refused("row 1, column BMI: value \"BMI\": expected each column once; it is also "
            + "column 3")));
    c.add(new Case("ragged_row.csv", utf8(with(4, "note", "a,b")), Verdict.refused("row 5: "
        + "expected 16 cells as in the header; this row has 17 (a comma inside a value must be "
        + "quoted)")));
    c.add(new Case("short_row.csv", utf8(with(t -> {
      t.get(6).remove(15);
      return t;
    })), Verdict.refused("row 7: expected 16 cells as in the header; this row has 15")));
    StringBuilder wide = new StringBuilder(HEADER);
    for (int j = 0; j < 16_400; j++) {
      wide.append(",extra").append(j);
    }
    c.add(new Case("too_many_columns.csv", utf8(wide + "\n" + plain.substring(plain.indexOf('\n')
        + 1)), Verdict.refused("row 1: more than 16,384 values in one row")));
    // unusable values: every verb names the row and a column it reads
    c.add(new Case("nan_text.csv", utf8(with(t -> {
      t.get(4).set(2, "NaN");
      t.get(4).set(15, "NaN");
      return t;
    })), Verdict.badValue(5, "bmi", "bmi", "p")));
    c.add(new Case("infinity_text.csv", utf8(with(t -> {
      t.get(7).set(2, "-Infinity");
      t.get(7).set(15, "Inf");
      return t;
    })), Verdict.badValue(8, "bmi", "bmi", "p")));
    c.add(new Case("huge_number.csv", utf8(with(t -> {
      t.get(3).set(2, "1e300");
      t.get(3).set(15, "1e300");
      return t;
    })), Verdict.badValue(4, "bmi", "bmi", "p")));
    c.add(new Case("overflowing_number.csv", utf8(with(t -> {
      t.get(3).set(2, "1e999");
      t.get(3).set(15, "1e999");
      return t;
    })), Verdict.badValue(4, "bmi", "bmi", "p")));
    c.add(new Case("java_literal.csv", utf8(with(t -> {
      t.get(9).set(2, "25d");
      t.get(9).set(15, "0x1p-2");
      return t;
    })), Verdict.badValue(10, "bmi", "bmi", "p")));
    return c.stream();
  }

  private static CommandLineTest.Run validate(Path f) {
    return CommandLineTest.run("validate", "--data", f.toString());
  }

  private static CommandLineTest.Run cluster(Path f) throws IOException {
    Path out = Files.createTempDirectory(tmp, "cluster").resolve("out");
    return CommandLineTest.run("cluster", "--data", f.toString(), "--features", "bmi,p", "--k",
        "2", "--restarts", "3", "--out", out.toString(), "--quiet");
  }

  private static CommandLineTest.Run dca(Path f) throws IOException {
    Path out = Files.createTempDirectory(tmp, "dca").resolve("dca.csv");
    return CommandLineTest.run("dca", "--data", f.toString(), "--outcome", "y", "--predictors",
        "p", "--out", out.toString(), "--quiet");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void validateClusterAndDcaGiveTheSameVerdict(Case c) throws IOException {
    Path f = tmp.resolve(c.name());
    Files.write(f, c.bytes());
    CommandLineTest.Run[] runs = {validate(f), cluster(f), dca(f)};
    String[] verbs = {"validate", "cluster", "dca"};
    Verdict v = c.verdict();
    for (int k = 0; k < 3; k++) {
      CommandLineTest.Run r = runs[k];
      String all = r.out() + r.err();
      String as = verbs[k] + " on " + c.name() + ": " + all;
      if (v.accepted()) {
        assertThat(r.exitCode()).as(as).isZero();
        continue;
      }
      assertThat(r.exitCode()).as(as).isEqualTo(2);
      assertThat(all).as(as).doesNotContain("Exception").doesNotContain("\tat ");
      if (v.message() != null) {
        assertThat(all).as(as).contains(f + ": " + v.message());
      } else if (v.row() > 0) {
        String column = k == 0 ? v.validateColumn() : k == 1 ? v.clusterColumn() : v.dcaColumn();
        assertThat(all).as(as).contains(f + ": row " + v.row() + ", column " + column);
      } else {
        assertThat(all).as(as).contains(f.toString()).contains("no data rows");
      }
    }
  }

  static Stream<String[]> specialPaths() throws IOException, InterruptedException {
    List<String[]> c = new ArrayList<>();
    Path folder = Files.createDirectories(tmp.resolve("a_folder.csv"));
    c.add(new String[] {folder.toString(), "is a folder, expected a CSV, TSV or .xlsx file"});
    c.add(new String[] {tmp.resolve("missing.csv").toString(), "no such file"});
    if (Files.exists(Path.of("/dev/zero"))) {
      c.add(new String[] {"/dev/zero", "not a regular file (a device, FIFO or socket); expected "
          + "a CSV, TSV or .xlsx file"});
    }
    Path fifo = tmp.resolve("fifo.csv");
    if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
      c.add(new String[] {fifo.toString(), "not a regular file (a device, FIFO or socket)"});
    }
    return c.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specialPaths")
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void devicesFifosFoldersAndMissingFilesAreRefusedUpFrontByEveryVerb(String path,
                                                                       String message)
      throws IOException {
    Path f = Path.of(path);
    CommandLineTest.Run[] runs = {validate(f), cluster(f), dca(f),
        CommandLineTest.run("score", "--data", path, "--out",
            Files.createTempDirectory(tmp, "score").resolve("s.csv").toString())};
    for (CommandLineTest.Run r : runs) {
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
      assertThat(r.out() + r.err()).as(r.toString()).contains(path + ": " + message)
          .doesNotContain("Exception");
    }
  }
}
