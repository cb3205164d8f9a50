package org.backstrat.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;
import org.backstrat.core.cohort.CohortReadResult;
import org.backstrat.core.cohort.CohortReader;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.core.cohort.CohortWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Parquet input and output (issue 13): a Parquet twin of a CSV reads as the same cells and the
 * same problems; damaged, nested and repeated files are refused with a message (exit 2).
 */
class ParquetTableTest {
  @TempDir
  Path tmp;

  static Path cohortResource(String name) throws Exception {
    return Path.of(ParquetTableTest.class.getResource("/org/backstrat/core/cohort/" + name)
        .toURI());
  }

  static final Function<String, ParquetOutput.ColumnType> SCHEMA_TYPES = name ->
      CohortSchema.standard().find(name).map(CohortWriter::parquetType).orElse(null);

  private Path twin(Path csv) throws IOException {
    Path out = tmp.resolve(csv.getFileName().toString().replace(".csv", ".parquet"));
    ParquetOutput.fromCsv(csv, out, SCHEMA_TYPES);
    return out;
  }

  /** The schema in a Parquet file's footer. */
  static MessageType schemaOf(Path parquet) throws IOException {
    byte[] all = Files.readAllBytes(parquet);
    int len = java.nio.ByteBuffer.wrap(all, all.length - 8, 4)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    return new ParquetMetadataConverter().fromParquetMetadata(Util.readFileMetaData(
        new ByteArrayInputStream(all, all.length - 8 - len, len), len)).getFileMetaData()
        .getSchema();
  }

  @Test
  void parquetTwinOfTheValidCohortReadsAsTheSameCellsWithTypedColumns() throws Exception {
    Path csv = cohortResource("valid.csv");
    Path pq = twin(csv);
    RawTable a = TableReader.read(csv);
    RawTable b = TableReader.read(pq);
    assertThat(b.header()).isEqualTo(a.header());
    assertThat(b.size()).isEqualTo(a.size());
    for (int r = 0; r < a.size(); r++) {
      assertThat(b.rows().get(r)).as("row " + r).containsExactly(a.rows().get(r));
      assertThat(b.rowNumbers()[r]).isEqualTo(a.rowNumbers()[r]);
    }
    assertThat(b.format().kind()).isEqualTo(TableFormat.Kind.PARQUET);
    MessageType s = schemaOf(pq);
    assertThat(s.getType("sbt_1").asPrimitiveType().getPrimitiveTypeName())
        .isEqualTo(PrimitiveTypeName.INT64);
    assertThat(s.getType("age").asPrimitiveType().getPrimitiveTypeName())
        .isEqualTo(PrimitiveTypeName.DOUBLE);
    // "25.0" would read back as "25": the column stays text, so the cells are unchanged
    assertThat(s.getType("bmi").asPrimitiveType().getPrimitiveTypeName())
        .isEqualTo(PrimitiveTypeName.BINARY);
    assertThat(s.getType("id").asPrimitiveType().getPrimitiveTypeName())
        .isEqualTo(PrimitiveTypeName.BINARY);
  }

  @Test
  void parquetTwinOfTheTwelveDefectsGivesTheSameProblemsAsTheCsv() throws Exception {
    Path csv = cohortResource("twelve_defects.csv");
    Path pq = twin(csv);
    CohortReadResult a = CohortReader.withDefaults().read(csv);
    CohortReadResult b = CohortReader.withDefaults().read(pq);
    assertThat(a.errors()).hasSize(12);
    // a Parquet file has no ragged rows: the CSV's short row 12 becomes a row of empty cells
    // (missing values, warned about); every other error is the same, with the same row number
    assertThat(b.errors()).extracting(InputProblem::message).containsExactlyElementsOf(
        a.errors().stream().filter(p -> !p.message().contains("cells as in the header"))
            .map(p -> p.message().replace(csv.toString(), pq.toString())).toList());
    assertThat(b.errors()).hasSize(11);
    assertThat(b.warnings()).extracting(InputProblem::message)
        .anyMatch(m -> m.contains("column sbt_3: warning: 1 of 12 values missing (row 12)"));
  }

  @Test
  void aCellThatWouldNotReadBackTheSameStaysText() throws Exception {
    Path csv = tmp.resolve("t.csv");
    Files.writeString(csv, "id,age,bmi\n007,41,27.50\n8,,1e3\n", StandardCharsets.UTF_8);
    Path pq = tmp.resolve("t.parquet");
    ParquetOutput.fromCsv(csv, pq, n -> n.equals("id") ? ParquetOutput.ColumnType.INT64
        : SCHEMA_TYPES.apply(n));
    RawTable b = TableReader.read(pq);
    assertThat(b.rows().get(0)).containsExactly("007", "41", "27.50");
    assertThat(b.rows().get(1)).containsExactly("8", "", "1e3");
    MessageType s = schemaOf(pq);
    assertThat(s.getType("id").asPrimitiveType().getPrimitiveTypeName())
        .isEqualTo(PrimitiveTypeName.BINARY);
    assertThat(s.getType("age").asPrimitiveType().getPrimitiveTypeName())
        .isEqualTo(PrimitiveTypeName.DOUBLE);
    assertThat(s.getType("bmi").asPrimitiveType().getPrimitiveTypeName())
        .isEqualTo(PrimitiveTypeName.BINARY);
  }

  @ParameterizedTest
  @EnumSource(value = CompressionCodecName.class,
      names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW"})
  void everyPureJavaCodecReadsWithNullsAsEmptyCells(CompressionCodecName codec) throws Exception {
    MessageType schema = MessageTypeParser.parseMessageType("message m { required binary id "
        + "(STRING); optional int32 age; optional double bmi; optional float f; "
        + "optional boolean smoker; optional int64 n; }");
    Path pq = tmp.resolve("c.parquet");
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(pq))
        .withConf(new PlainParquetConfiguration()).withCodecFactory(new ParquetCodecs())
        .withCompressionCodec(codec).withType(schema).withDictionaryEncoding(true).build()) {
      SimpleGroupFactory f = new SimpleGroupFactory(schema);
      for (int i = 0; i < 2000; i++) {
        Group g = f.newGroup().append("id", "p" + (i % 7));
        if (i % 3 != 0) {
          g.append("age", 20 + i % 50).append("bmi", 20.25 + i % 4).append("f", 0.1f)
              .append("smoker", i % 2 == 0).append("n", (long) i << 33);
        }
        w.write(g);
      }
    }
    RawTable t = TableReader.read(pq);
    assertThat(t.header()).containsExactly("id", "age", "bmi", "f", "smoker", "n");
    assertThat(t.size()).isEqualTo(2000);
    assertThat(t.rows().get(0)).containsExactly("p0", "", "", "", "", "");
    assertThat(t.rows().get(1)).containsExactly("p1", "21", "21.25", "0.1", "false",
        Long.toString(1L << 33));
    assertThat(t.rowNumbers()[1999]).isEqualTo(2001);
  }

  @Test
  void aTruncatedParquetFileIsRefusedWithAMessage() throws Exception {
    Path pq = twin(cohortResource("valid.csv"));
    byte[] all = Files.readAllBytes(pq);
    Path cut = tmp.resolve("cut.parquet");
    Files.write(cut, Arrays.copyOf(all, all.length / 2));
    assertThatThrownBy(() -> TableReader.read(cut)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("cut.parquet").hasMessageContaining("truncated");
  }

  @Test
  void aFooterPlacingAColumnChunkBeyondTheFileIsRefusedBeforeAnythingIsAllocated()
      throws Exception {
    Path pq = twin(cohortResource("valid.csv"));
    byte[] all = Files.readAllBytes(pq);
    int len = java.nio.ByteBuffer.wrap(all, all.length - 8, 4)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    int dataEnd = all.length - 8 - len;
    org.apache.parquet.format.FileMetaData footer =
        Util.readFileMetaData(new ByteArrayInputStream(all, dataEnd, len));
    // damaged metadata: the first column chunk claims 1.5 GB, far past the file's end
    footer.getRow_groups().get(0).getColumns().get(0).getMeta_data()
        .setTotal_compressed_size(1_500_000_000L);
    java.io.ByteArrayOutputStream f = new java.io.ByteArrayOutputStream();
    f.write(all, 0, dataEnd);
    java.io.ByteArrayOutputStream meta = new java.io.ByteArrayOutputStream();
    Util.writeFileMetaData(footer, meta);
    meta.writeTo(f);
    f.write(java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .putInt(meta.size()).array());
    f.write("PAR1".getBytes(StandardCharsets.US_ASCII));
    Path bad = tmp.resolve("huge-chunk.parquet");
    Files.write(bad, f.toByteArray());
    assertThatThrownBy(() -> TableReader.read(bad)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("huge-chunk.parquet").hasMessageContaining("outside the file");
  }

  @Test
  void aPageClaimingMoreBytesThanTheHeapAllowsIsRefusedNotAllocated() {
    long limit = ParquetCodecs.maxPageBytes(Runtime.getRuntime().maxMemory());
    assertThat(limit).isPositive().isLessThanOrEqualTo(512L << 20);
    assertThatThrownBy(() -> ParquetCodecs.decompress(CompressionCodecName.SNAPPY,
        new byte[16], Integer.MAX_VALUE - 16)).isInstanceOf(IOException.class)
        .hasMessageContaining("bytes uncompressed");
    assertThat(ParquetCodecs.maxPageBytes(64L << 20)).isEqualTo(16L << 20);
  }

  @Test
  void damagedPagesAreRefusedWithAMessageNeverAnotherException() throws Exception {
    Path pq = twin(cohortResource("valid.csv"));
    byte[] all = Files.readAllBytes(pq);
    int len = java.nio.ByteBuffer.wrap(all, all.length - 8, 4)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    int dataEnd = all.length - 8 - len;
    java.util.Random random = new java.util.Random(13);
    for (int trial = 0; trial < 400; trial++) {
      byte[] bad = all.clone();
      // half the trials damage the pages, half the footer (the file's metadata)
      int from = trial % 2 == 0 ? 4 : dataEnd;
      int to = trial % 2 == 0 ? dataEnd : all.length - 8;
      for (int k = 0; k < 8; k++) {
        int at = from + random.nextInt(to - from);
        bad[at] = (byte) random.nextInt(256);
      }
      Path p = tmp.resolve("bad.parquet");
      Files.write(p, bad);
      try {
        TableReader.read(p);
      } catch (BadInputException e) {
        assertThat(e.getMessage()).contains("bad.parquet");
      }
    }
  }

  @Test
  void nestedAndRepeatedColumnsAreRefusedNamingTheColumn() throws Exception {
    for (String[] c : new String[][] {
        {"message m { required binary id (STRING); optional group visit { optional int32 age; }"
            + " }", "visit", "nested"},
        {"message m { required binary id (STRING); repeated int32 scores; }", "scores",
            "repeated"}}) {
      MessageType schema = MessageTypeParser.parseMessageType(c[0]);
      Path pq = tmp.resolve(c[1] + ".parquet");
      try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(pq))
          .withConf(new PlainParquetConfiguration()).withCodecFactory(new ParquetCodecs())
          .withType(schema).build()) {
        w.write(new SimpleGroupFactory(schema).newGroup().append("id", "a"));
      }
      assertThatThrownBy(() -> TableReader.read(pq)).isInstanceOf(BadInputException.class)
          .hasMessageContaining("\"" + c[1] + "\"").hasMessageContaining(c[2]);
    }
  }

  @Test
  void aDotParquetFileThatIsNotParquetIsRefused() throws Exception {
    Path p = tmp.resolve("x.parquet");
    Files.writeString(p, "id,age\na,1\n");
    assertThatThrownBy(() -> TableReader.read(p)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("not a Parquet file");
    assertThat(List.of(TableReader.read(cohortResource("valid.csv")).header())).isNotEmpty();
  }

  static Path fixture(String name) throws Exception {
    return Path.of(ParquetTableTest.class.getResource("parquet/" + name).toURI());
  }

  /** Files written by DuckDB (make_fixtures.jsh beside them), not by parquet-java. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"duckdb_types_zstd.parquet",
      "duckdb_types_snappy.parquet", "duckdb_types_gzip.parquet"})
  void filesWrittenByAnotherImplementationReadAsTheirCsvCells(String name) throws Exception {
    RawTable t = TableReader.read(fixture(name));
    assertThat(t.header()).containsExactly("id", "age", "bmi", "f", "smoker", "n", "d", "day",
        "site");
    assertThat(t.size()).isEqualTo(5);
    assertThat(t.rows().get(0)).containsExactly("P001", "41", "27.5", "0.5", "true",
        "8589934592", "12.30", "2024-03-01", "Oulu, FI");
    assertThat(t.rows().get(1)).containsExactly("P002", "", "31.25", "", "false", "-3", "", "",
        "");
    assertThat(t.rows().get(2)).containsExactly("P003", "7", "", "2", "", "", "-0.05",
        "1966-07-01", "x \"q\"");
    assertThat(t.rows().get(3)).containsExactly("P004", "60", "19", "0.25", "true", "0", "1.00",
        "2000-01-31", "");
    assertThat(t.rows().get(4)).containsExactly("P005", "33", "22.125", "-1.5", "false", "42",
        "99.99", "2024-12-31", "Helsinki");
    assertThat(t.rowNumbers()).containsExactly(2, 3, 4, 5, 6);
  }

  @Test
  void aCohortThatDuckDbTypedReadsAsTheSameCohortAsItsCsv() throws Exception {
    org.backstrat.core.cohort.Cohort a = CohortReader.withDefaults()
        .read(cohortResource("valid.csv")).orThrow();
    CohortReadResult read = CohortReader.withDefaults().read(fixture("duckdb_valid.parquet"));
    assertThat(read.errors()).isEmpty();
    org.backstrat.core.cohort.Cohort b = read.orThrow();
    assertThat(b.columnNames()).isEqualTo(a.columnNames());
    assertThat(b.ids()).isEqualTo(a.ids());
    for (org.backstrat.core.cohort.Variable v : a.variables()) {
      if (v.kind() == org.backstrat.core.cohort.ValueKind.IDENTIFIER) {
        continue; // the ids, compared above
      }
      if (v.kind() == org.backstrat.core.cohort.ValueKind.TEXT) {
        assertThat(b.texts(v.name())).as(v.name()).containsExactly(a.texts(v.name()));
      } else {
        assertThat(b.values(v.name())).as(v.name()).containsExactly(a.values(v.name()));
      }
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"duckdb_struct.parquet, visit, nested",
      "duckdb_list.parquet, scores, nested"})
  void nestedColumnsWrittenByDuckDbAreRefused(String name, String column, String why)
      throws Exception {
    assertThatThrownBy(() -> TableReader.read(fixture(name)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("\"" + column + "\"")
        .hasMessageContaining(why);
  }
}
