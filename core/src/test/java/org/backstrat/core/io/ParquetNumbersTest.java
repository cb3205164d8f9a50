package org.backstrat.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;
import org.backstrat.core.cohort.CohortWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The numeric path's Parquet reading (issue 13): integer and DOUBLE columns decoded straight to
 * doubles, row group by row group, give the same matrix, ids, skipped columns and refusals as the
 * file's CSV twin (the text {@link TableReader} reads from it, written as CSV).
 */
class ParquetNumbersTest {
  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message m { "
      + "required binary id (STRING); optional int32 a; optional int64 b; optional double c; "
      + "optional float f; optional binary s (STRING); optional int32 dec (DECIMAL(9,2)); "
      + "optional binary word (STRING); }");

  @TempDir
  Path tmp;

  /** Writes rows of {@code SCHEMA}, in row groups of about 4 KB (many of them). */
  private Path parquet(String name, int rows, IntFunction<Group> row) throws IOException {
    Path pq = tmp.resolve(name);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(pq))
        .withConf(new PlainParquetConfiguration()).withCodecFactory(new ParquetCodecs())
        .withCompressionCodec(CompressionCodecName.SNAPPY).withType(SCHEMA)
        .withRowGroupSize(4096L).withPageSize(1024).build()) {
      for (int i = 0; i < rows; i++) {
        w.write(row.apply(i));
      }
    }
    return pq;
  }

  /** The CSV twin: the cells the table reader reads from the Parquet file, as CSV. */
  private Path csvTwin(Path pq) throws IOException {
    RawTable t = TableReader.read(pq);
    Path csv = tmp.resolve(pq.getFileName() + ".csv");
    try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write(String.join(",", t.header().stream().map(CohortWriter::quote).toList()) + "\n");
      for (String[] r : t.rows()) {
        w.write(String.join(",", List.of(r).stream().map(CohortWriter::quote).toList()) + "\n");
      }
    }
    return csv;
  }

  private static Group good(SimpleGroupFactory f, int i) {
    Group g = f.newGroup().append("id", i % 5 == 0 ? "p,\"" + i + "\"" : "p" + i)
        .append("a", i * 37 - 5000)
        .append("b", (i % 3 == 0 ? (1L << 53) + 2L * i + 1 : -7L * i))
        .append("c", i % 4 == 0 ? 0.1 * i : (i % 4 == 1 ? 1e-300 * i : -0.0 + 1e99 / (i + 1)))
        .append("f", 0.1f * i)
        .append("s", i % 2 == 0 ? " " + (i / 8.0) + " " : (i + 1) + "e-3")
        .append("dec", i * 13)
        .append("word", "w" + i);
    return g;
  }

  @Test
  void integerAndDoubleColumnsReadAsTheirCsvTwinsNumbers() throws IOException {
    SimpleGroupFactory f = new SimpleGroupFactory(SCHEMA);
    Path pq = parquet("good.parquet", 3000, i -> good(f, i));
    Path csv = csvTwin(pq);
    List<String> features = List.of("a", "b", "c", "f", "s", "dec");
    NumericColumns x = NumericReader.withDefaults().read(csv, features);
    NumericColumns y = NumericReader.withDefaults().read(pq, features);
    assertThat(y.rows()).isEqualTo(3000).isEqualTo(x.rows());
    assertThat(y.names()).isEqualTo(x.names());
    assertThat(y.ids()).isEqualTo(x.ids());
    assertThat(y.values()).containsExactly(x.values());
    assertThat(y.headerPresent()).isTrue();
    assertThat(y.values()[1]).isEqualTo((double) ((1L << 53) + 1)); // row 1's b, exact
    // every numeric column: the text column is skipped with the CSV's reason
    NumericColumns all = NumericReader.withDefaults().read(pq, List.of());
    NumericColumns allCsv = NumericReader.withDefaults().read(csv, List.of());
    assertThat(all.names()).containsExactly("a", "b", "c", "f", "s", "dec");
    assertThat(all.skippedColumns()).isEqualTo(allCsv.skippedColumns()).hasSize(1);
    assertThat(all.skippedColumns().get(0)).startsWith("word (row 2: \"w0\" is not a number");
    assertThat(all.values()).containsExactly(allCsv.values());
  }

  @Test
  void aBadValueIsRefusedNamingFileRowAndColumnAsInTheCsvTwin() throws IOException {
    SimpleGroupFactory f = new SimpleGroupFactory(SCHEMA);
    Path pq = parquet("bad.parquet", 400, i -> {
      Group g = f.newGroup().append("id", "p" + i).append("word", "w");
      if (i != 5) {
        g.append("a", i);
      }
      g.append("b", i == 300 ? 0 : (long) i);
      g.append("c", i == 7 ? Double.NaN : i == 8 ? Double.NEGATIVE_INFINITY
          : i == 350 ? 2e100 : i);
      g.append("s", i == 9 ? "1,5" : i == 10 ? "NA" : "1");
      return g;
    });
    Path csv = csvTwin(pq);
    List<String> features = List.of("a", "b", "c", "s");
    BadInputException fromCsv = catchThrowableOfType(BadInputException.class,
        () -> NumericReader.withDefaults().withMaxMagnitude(1e100).read(csv, features));
    BadInputException fromParquet = catchThrowableOfType(BadInputException.class,
        () -> NumericReader.withDefaults().withMaxMagnitude(1e100).read(pq, features));
    List<String> messages = fromParquet.problems().stream().map(InputProblem::message).toList();
    assertThat(messages).containsExactlyElementsOf(fromCsv.problems().stream()
        .map(p -> p.message().replace(csv.toString(), pq.toString())).toList());
    assertThat(messages).hasSize(6);
    assertThat(messages.get(0)).startsWith(pq + ": row 7, column a").contains("a value");
    assertThat(messages.get(1)).startsWith(pq + ": row 9, column c").contains("\"NaN\"")
        .contains("a finite number");
    assertThat(messages).anyMatch(m -> m.startsWith(pq + ": row 10, column c")
        && m.contains("\"-Infinity\""));
    assertThat(messages).anyMatch(m -> m.startsWith(pq + ": row 11, column s")
        && m.contains("\"1,5\"") && m.contains("a number"));
    assertThat(messages).anyMatch(m -> m.startsWith(pq + ": row 12, column s"));
    assertThat(messages).anyMatch(m -> m.startsWith(pq + ": row 352, column c")
        && m.contains("between"));
  }

  @Test
  void aMissingValueInAnEveryNumericColumnReadIsRefusedNamingItsFirstRow() throws IOException {
    SimpleGroupFactory f = new SimpleGroupFactory(SCHEMA);
    Path pq = parquet("gap.parquet", 50, i -> {
      Group g = f.newGroup().append("id", "p" + i).append("a", i).append("b", 2L * i)
          .append("word", "w");
      if (i != 20 && i != 30) {
        g.append("c", i / 3.0);
      }
      return g;
    });
    Path csv = csvTwin(pq);
    String a = catchThrowableOfType(BadInputException.class,
        () -> NumericReader.withDefaults().read(csv, List.of())).getMessage();
    String b = catchThrowableOfType(BadInputException.class,
        () -> NumericReader.withDefaults().read(pq, List.of())).getMessage();
    assertThat(b).isEqualTo(a.replace(csv.toString(), pq.toString()))
        .contains(pq + ": row 22, column c");
  }

  @Test
  void numberedColumnNamesAndAnAbsentHeaderReadAsInTheCsvTwin() throws IOException {
    MessageType schema = org.apache.parquet.schema.Types.buildMessage()
        .required(PrimitiveTypeName.INT32).named("1")
        .required(PrimitiveTypeName.DOUBLE).named("2")
        .required(PrimitiveTypeName.BINARY)
        .as(org.apache.parquet.schema.LogicalTypeAnnotation.stringType()).named("3")
        .named("m");
    Path pq = tmp.resolve("numbered.parquet");
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(pq))
        .withConf(new PlainParquetConfiguration()).withCodecFactory(new ParquetCodecs())
        .withType(schema).build()) {
      SimpleGroupFactory f = new SimpleGroupFactory(schema);
      for (int i = 0; i < 30; i++) {
        w.write(f.newGroup().append("1", i).append("2", i * 0.5).append("3", "x" + i));
      }
    }
    Path csv = csvTwin(pq);
    for (HeaderRow mode : HeaderRow.values()) {
      NumericReader r = NumericReader.withDefaults().withHeader(mode);
      NumericColumns x = r.read(csv, List.of());
      NumericColumns y = r.read(pq, List.of());
      assertThat(y.names()).as(mode.name()).isEqualTo(x.names());
      assertThat(y.rows()).as(mode.name()).isEqualTo(x.rows());
      assertThat(y.skippedColumns()).as(mode.name()).isEqualTo(x.skippedColumns());
      assertThat(y.values()).as(mode.name()).containsExactly(x.values());
    }
  }

  /** Reads a file's columns a, b, c in this (child) JVM and prints the rows and a checksum. */
  public static final class ReadMain {
    private ReadMain() {
    }

    /** {@code args[0]}: the file. */
    public static void main(String[] args) {
      NumericColumns c = NumericReader.withDefaults().withThreads(1)
          .read(Path.of(args[0]), List.of("a", "b", "c"));
      double sum = 0;
      for (double v : c.values()) {
        sum += v;
      }
      System.out.println(c.rows() + " " + sum);
    }
  }

  @Test
  void aLargeFileIsReadInAHeapTooSmallForItsCellsAsText() throws Exception {
    // 400,000 rows x 3 columns: 9.6 MB as doubles, about 80 MB as the strings of every cell
    MessageType schema = MessageTypeParser.parseMessageType("message m { required int32 a; "
        + "required int64 b; required double c; }");
    Path pq = tmp.resolve("big.parquet");
    int rows = 400_000;
    double expected = 0;
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(pq))
        .withConf(new PlainParquetConfiguration()).withCodecFactory(new ParquetCodecs())
        .withCompressionCodec(CompressionCodecName.SNAPPY).withType(schema)
        .withRowGroupSize(4L << 20).build()) {
      SimpleGroupFactory f = new SimpleGroupFactory(schema);
      for (int i = 0; i < rows; i++) {
        w.write(f.newGroup().append("a", i).append("b", 3L * i).append("c", i / 7.0));
        expected += i + 3.0 * i + i / 7.0;
      }
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    java.lang.Process p = new ProcessBuilder(java, "-Xmx40m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), ReadMain.class.getName(), pq.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    String[] parts = out.strip().split(" ");
    assertThat(Integer.parseInt(parts[0])).isEqualTo(rows);
    assertThat(Double.parseDouble(parts[1])).isCloseTo(expected,
        org.assertj.core.data.Percentage.withPercentage(1e-9));
  }
}
