package org.backstrat.cluster.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backstrat.cluster.SharedData;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumericTableReaderTest {
  @TempDir
  Path tmp;

  private Path write(String name, String content) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, content.getBytes(StandardCharsets.UTF_8));
    return p;
  }

  private static NumericTable read(Path p, String... features) {
    return NumericTableReader.withDefaults().read(p, List.of(features));
  }

  /** The core reader without the clustering bound, for parsing near the double range. */
  private static FeatureMatrix parseOnly(Path p, String... features) {
    org.backstrat.core.io.NumericColumns c =
        org.backstrat.core.io.NumericReader.withDefaults().read(p, List.of(features));
    return FeatureMatrix.wrap(c.rows(), c.names().size(), c.values(), c.names());
  }

  @Test
  void theReadersMatrixIsKnownFiniteSoTheEngineNeedNotScanItAgain() throws IOException {
    // the reader refuses NaN and infinities itself (row and column named), so the matrix it
    // returns says so, and rows selected from it (a bootstrap) keep saying so
    Path ok = write("ok.csv", "a,b\n1,2\n3,4\n5,7\n");
    FeatureMatrix m = read(ok).data();
    assertThat(m.knownFinite()).isTrue();
    assertThat(m.selectRows(new int[] {2, 0, 2}).knownFinite()).isTrue();
    assertThat(FeatureMatrix.wrap(1, 1, new double[] {1}, List.of("a")).knownFinite()).isFalse();
    Path nan = write("nan.csv", "a,b\n1,2\nNaN,4\n5,7\n");
    assertThatThrownBy(() -> read(nan, "a", "b"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("nan.csv: row 3, column a").hasMessageContaining("finite");
  }

  @Test
  void readsTheHeaderlessWhitespaceVertebralFileAsRDoes() {
    Path file = SharedData.dir().resolve("uci_vertebral_column/column_3C.dat");
    NumericTable t = read(file);
    assertThat(t.headerPresent()).isFalse();
    assertThat(t.delimiter()).isEqualTo(' ');
    assertThat(t.data().rows()).isEqualTo(310);
    assertThat(t.data().names()).containsExactly("V1", "V2", "V3", "V4", "V5", "V6");
    assertThat(t.skippedColumns()).singleElement().asString().startsWith("V7");
    // first line of the file: 63.03 22.55 39.61 40.48 98.67 -0.25 DH
    assertThat(t.data().row(0)).containsExactly(63.03, 22.55, 39.61, 40.48, 98.67, -0.25);
    FeatureMatrix naive = SharedData.vertebral();
    for (int i = 0; i < 310; i++) {
      assertThat(t.data().row(i)).containsExactly(naive.row(i));
    }
    assertThat(read(file, "V2", "V6").data().row(1)).containsExactly(10.06, 4.56);
  }

  @Test
  void everyNumberFormReadsAsDoubleParseDoubleReadsItOnTheFastAndTheGeneralPath()
      throws IOException {
    String[] cells = {"1.5", "-0.000001", "+.5", "5.", "-0", "0.1", "123456789012345678",
        "1234567890123456789", "9007199254740993", "0.30000000000000004", "1e3", "-2.5E-3",
        "\"7.25\"", " 8.5", "3.141592653589793238", "0.000000000000000000000001", "-12.345678",
        "49.999999", "00012.5000", "1.7976931348623157e308"};
    StringBuilder csv = new StringBuilder("a,b\n");
    StringBuilder plain = new StringBuilder("a,b\n");
    for (String c : cells) {
      csv.append(c).append(",1\n"); // a mix of lines on the fast and the general path
      plain.append("2,").append(c).append('\n');
    }
    FeatureMatrix t = parseOnly(write("forms.csv", csv.toString()));
    FeatureMatrix u = parseOnly(write("forms2.csv", plain.toString()));
    for (int i = 0; i < cells.length; i++) {
      double expected = Double.parseDouble(cells[i].replace("\"", "").trim());
      assertThat(t.get(i, 0)).as(cells[i]).isEqualTo(expected);
      assertThat(u.get(i, 1)).as(cells[i]).isEqualTo(expected);
    }
  }

  @Test
  void linesAreCountedWithBlankLinesCrLfAndNoFinalLineEnd() throws IOException {
    NumericTable t = read(write("crlf.csv", "x,y\r\n1,2\r\n\r\n  \t\r\n3,4\r\n5,6"));
    assertThat(t.data().rows()).isEqualTo(3);
    assertThat(t.data().row(2)).containsExactly(5.0, 6.0);
    Path bad = write("bad.csv", "x,y\n1,2\n\n3,oops\n");
    assertThatThrownBy(() -> read(bad, "x", "y")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("oops").hasMessageContaining("row 4");
  }

  @Test
  void detectsHeaderCommaAndIdColumn() throws IOException {
    Path p = write("a.csv", "ID,x,label,y\np1,1.5,a,2\np2,-3e2,b,4.25\n");
    NumericTable t = read(p);
    assertThat(t.headerPresent()).isTrue();
    assertThat(t.ids()).containsExactly("p1", "p2");
    assertThat(t.data().names()).containsExactly("x", "y");
    assertThat(t.skippedColumns()).singleElement().asString()
        .isEqualTo("label (row 2: \"a\" is not a number)");
    assertThat(t.data().row(1)).containsExactly(-300.0, 4.25);
  }

  @Test
  void readsSemicolonFilesWithDecimalCommasBomCrlfAndQuotes() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    String body = "\"a\";\"b\"\r\n1,5;\"2,25\"\r\n\r\n-0,125;3\r\n";
    Path p = tmp.resolve("eu.csv");
    Files.write(p, concat(bom, body.getBytes(StandardCharsets.UTF_8)));
    NumericTable t = read(p, "A", "b");
    assertThat(t.delimiter()).isEqualTo(';');
    assertThat(t.data().rows()).isEqualTo(2);
    assertThat(t.data().row(0)).containsExactly(1.5, 2.25);
    assertThat(t.data().row(1)).containsExactly(-0.125, 3.0);
  }

  @Test
  void readsTabSeparatedWithoutHeaderAndLastLineWithoutNewline() throws IOException {
    NumericTable t = read(write("t.tsv", "1\t2\n3\t4"));
    assertThat(t.headerPresent()).isFalse();
    assertThat(t.data().row(1)).containsExactly(3.0, 4.0);
  }

  @Test
  void parsesNumbersExactlyAsJavaDoes() throws IOException {
    String[] cells = {"0.1", "123456789012345678", "1.7976931348623157e308", "4.9e-324",
        "2.2250738585072014E-308", "0.30000000000000004", "1e22", "1e23", "-0", "9007199254740993",
        "123.456e-5", ".5", "5.", "+7"};
    StringBuilder sb = new StringBuilder("v\n");
    for (String c : cells) {
      sb.append(c).append('\n');
    }
    FeatureMatrix t = parseOnly(write("n.csv", sb.toString()), "v");
    for (int i = 0; i < cells.length; i++) {
      assertThat(t.get(i, 0)).as(cells[i]).isEqualTo(Double.parseDouble(cells[i]));
    }
  }

  @Test
  void nonNumericNamedFeatureIsReportedWithRowAndColumn() throws IOException {
    Path p = write("b.csv", "x,y\n1,2\n3,abc\n5,6\n");
    assertThatThrownBy(() -> read(p, "x", "y")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("b.csv: row 3, column y: value \"abc\"")
        .hasMessageEndingWith("a number");
  }

  @Test
  void missingAndNonFiniteCellsAreRefused() throws IOException {
    assertThatThrownBy(() -> read(write("m.csv", "x,y\n1,\n3,4\n"), "x", "y"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("row 2, column y")
        .hasMessageContaining("missing");
    assertThatThrownBy(() -> read(write("nan.csv", "x,y\n1,NaN\n3,4\n"), "x", "y"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("row 2, column y")
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> read(write("inf.csv", "x,y\n1,2\n3,-Inf\n"), "x", "y"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("row 3, column y");
  }

  @Test
  void unknownFeatureAndRaggedRowsAreRefused() throws IOException {
    Path p = write("c.csv", "x,y\n1,2\n3,4,5\n");
    assertThatThrownBy(() -> read(p, "z")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("column z").hasMessageContaining("x, y");
    assertThatThrownBy(() -> read(p, "x")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("row 3").hasMessageContaining("2 cells as in the header");
  }

  @Test
  void valuesWhoseSquaresOverflowAreRefusedNamingRowAndColumn() throws IOException {
    // issue 15: values near 1e300 wrote Infinity distances, a column near 1e200 crashed z-scoring
    Path p = write("huge.csv", "x,y\n1,2\n3,1e300\n5,6\n");
    assertThatThrownBy(() -> read(p, "x", "y")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("huge.csv: row 3, column y: value \"1e300\"")
        .hasMessageContaining("between -1e+100 and 1e+100");
    Path q = write("big.csv", "x,y\n1,2e200\n3,-1e200\n5,6\n");
    assertThatThrownBy(() -> read(q)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("big.csv: row 2, column y");
  }

  @Test
  void aQuotedLineBreakIsOneValueAndRowsAfterItKeepTheirNumbers() throws IOException {
    // issue 10: the numeric reader could not read a quoted line break
    Path p = write("q.csv", "id,note,x\n1,\"two\nlines\",1.5\n2,plain,x2\n");
    assertThatThrownBy(() -> read(p, "x")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("q.csv: row 4, column x: value \"x2\"");
    Path ok = write("q2.csv", "id,note,x\n1,\"two\nlines\",1.5\n2,plain,2.5\n");
    NumericTable t = read(ok, "x");
    assertThat(t.data().rowMajorView()).containsExactly(1.5, 2.5);
    assertThat(t.ids()).containsExactly("1", "2");
  }

  @Test
  void aLatin1ByteIsRefusedEvenInAColumnNotClustered() throws IOException {
    Path p = tmp.resolve("l1.csv");
    Files.write(p, concat("id,x\n".getBytes(StandardCharsets.UTF_8),
        new byte[] {'J', (byte) 0xE9, ',', '1', '\n', 'K', ',', '2', '\n'}));
    assertThatThrownBy(() -> read(p, "x")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("l1.csv: row 2: byte 0xE9 is not valid UTF-8");
  }

  @Test
  void utf16IsRefused() throws IOException {
    Path p = tmp.resolve("u16.csv");
    Files.write(p, "x,y\n1,2\n".getBytes(StandardCharsets.UTF_16));
    assertThatThrownBy(() -> read(p)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("UTF-16");
  }

  @Test
  void resultDoesNotDependOnThreadCountOnALargerFile() throws IOException {
    StringBuilder sb = new StringBuilder("a,b,c\n");
    java.util.SplittableRandom r = new java.util.SplittableRandom(1);
    for (int i = 0; i < 120_000; i++) {
      sb.append(r.nextInt(1000) / 7.0).append(',').append(-r.nextDouble()).append(',')
          .append(i).append('\n');
      if (i % 5000 == 0) {
        sb.append('\n');
      }
    }
    Path p = write("big.csv", sb.toString());
    NumericTable one = NumericTableReader.withDefaults().withThreads(1).read(p, List.of());
    NumericTable four = NumericTableReader.withDefaults().withThreads(4).read(p, List.of());
    assertThat(four.data().rows()).isEqualTo(120_000);
    assertThat(four.data().rowMajorView()).isEqualTo(one.data().rowMajorView());
    assertThat(four.data().get(119_999, 2)).isEqualTo(119_999.0);
  }

  @Test
  void blankAndWhitespaceLinesAndCrlfCountTheSameInTheWordAtATimeLineCount()
      throws IOException {
    // blank lines (runs of LF of every length, so some fall across 8-byte words), lines of
    // spaces and tabs, CRLF line ends and non-ASCII text between numeric rows: the parallel
    // line count (eight bytes at a time) must find the same rows and line numbers as the
    // sequential one
    StringBuilder sb = new StringBuilder("\uFEFFa,b,c\n");
    java.util.SplittableRandom r = new java.util.SplittableRandom(7);
    int rows = 0;
    int line = 2;
    for (int i = 0; i < 200_000; i++) {
      int kind = r.nextInt(40);
      if (kind == 0) {
        int blanks = 1 + r.nextInt(9);
        sb.append("\n".repeat(blanks));
        line += blanks;
      } else if (kind == 1) {
        sb.append(r.nextBoolean() ? "  \t \n" : " \r\n");
        line++;
      } else {
        sb.append(r.nextInt(100_000) / 8.0).append(',').append(-r.nextInt(50)).append(',')
            .append(i).append(kind == 2 ? "\r\n" : "\n");
        rows++;
        line++;
      }
    }
    Path p = write("blanks.csv", sb.toString());
    NumericTable one = NumericTableReader.withDefaults().withThreads(1).read(p, List.of());
    NumericTable four = NumericTableReader.withDefaults().withThreads(4).read(p, List.of());
    assertThat(four.data().rows()).isEqualTo(rows);
    assertThat(four.data().rowMajorView()).isEqualTo(one.data().rowMajorView());
    Path bad = write("blanks_bad.csv", sb.append("1,é,3\n").toString());
    for (int threads : new int[] {1, 4}) {
      assertThatThrownBy(() -> NumericTableReader.withDefaults().withThreads(threads)
          .read(bad, List.of("a", "b", "c"))).isInstanceOf(BadInputException.class)
          .hasMessageContaining("row " + line);
    }
  }

  @Test
  void quotedLineBreaksSplitAcrossReadRangesGiveTheSameRowsForAnyThreadCount()
      throws IOException {
    StringBuilder sb = new StringBuilder("id,note,x,y\n");
    for (int i = 0; i < 60_000; i++) {
      sb.append(i).append(i % 3 == 0 ? ",\"a\nb, \"\"c\"\"\"," : ",plain,").append(i * 0.25)
          .append(',').append(-i).append('\n');
    }
    Path p = write("quoted.csv", sb.toString());
    NumericTable one = NumericTableReader.withDefaults().withThreads(1).read(p, List.of("x", "y"));
    NumericTable four = NumericTableReader.withDefaults().withThreads(4).read(p, List.of("x", "y"));
    assertThat(four.data().rows()).isEqualTo(60_000);
    assertThat(four.data().rowMajorView()).isEqualTo(one.data().rowMajorView());
    assertThat(four.ids()).isEqualTo(one.ids());
    assertThat(four.data().get(59_999, 0)).isEqualTo(59_999 * 0.25);
    Path bad = write("quoted_bad.csv", sb.append("60000,\"x\n\",zz,1\n").toString());
    // header on line 1, 60,000 rows on 80,000 lines (a third take two), the bad row next
    assertThatThrownBy(() -> NumericTableReader.withDefaults().withThreads(4).read(bad,
        List.of("x", "y"))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("row " + (60_000 + 20_000 + 2) + ", column x: value \"zz\"");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  @Test
  void allNumericRefusesANumericColumnWithEmptyCellsAsFeaturesDoesInsteadOfDroppingIt()
      throws IOException {
    Path p = write("gaps.csv", "a,b,c\n1,2,x\n3,,y\n5,6,z\n7,NA,w\n");
    assertThatThrownBy(() -> read(p)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("row 3").hasMessageContaining("b")
        .hasMessageContaining("missing values cannot be clustered");
    assertThatThrownBy(() -> read(p, "a", "b")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("row 3").hasMessageContaining("missing values cannot be clustered");
  }
}
