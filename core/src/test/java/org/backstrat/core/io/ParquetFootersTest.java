package org.backstrat.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.parquet.format.Encoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetFootersTest {
  @TempDir
  Path tmp;

  /** 3,000 rows: a repeated label (dictionary), a distinct double, a flag and gaps. */
  Path written(String name) throws Exception {
    Path file = tmp.resolve(name);
    try (ParquetOutput.TypedWriter w = ParquetOutput.TypedWriter.open(file,
        List.of("id", "cluster", "distance", "outlier"),
        List.of(ParquetOutput.ColumnType.STRING, ParquetOutput.ColumnType.INT32,
            ParquetOutput.ColumnType.DOUBLE, ParquetOutput.ColumnType.BOOLEAN))) {
      for (int i = 0; i < 3000; i++) {
        w.row("p" + i, i % 7 == 0 ? null : 1 + i % 3, Math.sqrt(i) / 3, i % 20 == 0);
      }
    }
    return file;
  }

  /** The encodings of every column chunk of {@code file}, in footer order. */
  static List<List<Encoding>> encodings(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    int length = java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 4)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    List<List<Encoding>> out = new ArrayList<>();
    ParquetFooters.forEachColumn(org.apache.parquet.format.Util.readFileMetaData(
            new java.io.ByteArrayInputStream(bytes, bytes.length - 8 - length, length)),
        c -> out.add(List.copyOf(c.getEncodings())));
    return out;
  }

  static boolean ascending(List<Encoding> e) {
    for (int i = 1; i < e.size(); i++) {
      if (e.get(i - 1).getValue() > e.get(i).getValue()) {
        return false;
      }
    }
    return true;
  }

  @Test
  void everyWrittenColumnChunkListsItsEncodingsInAscendingOrder() throws Exception {
    List<List<Encoding>> all = encodings(written("a.parquet"));
    assertThat(all).hasSize(4).anyMatch(e -> e.size() >= 2).allMatch(ParquetFootersTest::ascending);
  }

  @Test
  void aFooterInAnotherOrderIsSortedInPlaceToTheSameBytesAndValues() throws Exception {
    Path file = written("b.parquet");
    byte[] sorted = Files.readAllBytes(file);
    // the order parquet-java may give in another JVM run: every list reversed
    ParquetFooters.rewrite(file, md -> ParquetFooters.forEachColumn(md,
        c -> Collections.reverse(c.getEncodings())));
    byte[] reversed = Files.readAllBytes(file);
    assertThat(reversed).hasSameSizeAs(sorted).isNotEqualTo(sorted);
    assertThat(encodings(file)).anyMatch(e -> !ascending(e));
    ParquetFooters.sortEncodings(file);
    assertThat(Files.readAllBytes(file)).isEqualTo(sorted);
    RawTable t = TableReader.read(file);
    assertThat(t.header()).containsExactly("id", "cluster", "distance", "outlier");
    List<String> row7 = new ArrayList<>(List.of(t.rows().get(7)));
    assertThat(row7).containsExactly("p7", "", String.valueOf(Math.sqrt(7) / 3), "false");
  }

  @Test
  void aFileThatIsNotParquetIsRefusedWithItsName() throws Exception {
    Path file = tmp.resolve("x.parquet");
    Files.writeString(file, "not parquet at all");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ParquetFooters.sortEncodings(file))
        .hasMessageContaining(file.toString());
  }
}
