package org.backstrat.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder verbs' and {@code dca}'s Parquet tables (issue 13): each column typed from its
 * values (INT32, INT64, DOUBLE, BOOLEAN, else UTF-8 text), every column optional, the same
 * values as the CSV, and the same bytes from the same CSV.
 */
class ParquetOutputTypesTest {
  @TempDir
  Path tmp;

  private Path csv(String text) throws IOException {
    Path csv = tmp.resolve("t.csv");
    Files.writeString(csv, text, StandardCharsets.UTF_8);
    return csv;
  }

  @Test
  void columnsAreTypedFromTheirValuesAndKeepThem() throws IOException {
    Path csv = csv("row,id,big,distance,p,flag,code,word,empty,mixed\n"
        + "1,007,3000000000,1.0E-5,0.25,true,12,a,,3\n"
        + "2,8,-4,0.0,1,false,12.50,\"b,c\",,x\n"
        + "3,9,,2.5,,,7,,,\n");
    Path pq = tmp.resolve("t.parquet");
    ParquetOutput.fromCsvInferred(csv, pq);
    MessageType s = ParquetTableTest.schemaOf(pq);
    assertThat(type(s, "row")).isEqualTo(PrimitiveTypeName.INT32);
    assertThat(type(s, "id")).as("007 is not an integer's canonical text")
        .isEqualTo(PrimitiveTypeName.BINARY);
    assertThat(type(s, "big")).isEqualTo(PrimitiveTypeName.INT64);
    assertThat(type(s, "distance")).isEqualTo(PrimitiveTypeName.DOUBLE);
    assertThat(type(s, "p")).isEqualTo(PrimitiveTypeName.DOUBLE);
    assertThat(type(s, "flag")).isEqualTo(PrimitiveTypeName.BOOLEAN);
    assertThat(type(s, "code")).as("12.50 would read back as 12.5")
        .isEqualTo(PrimitiveTypeName.BINARY);
    assertThat(type(s, "word")).isEqualTo(PrimitiveTypeName.BINARY);
    assertThat(type(s, "empty")).isEqualTo(PrimitiveTypeName.BINARY);
    assertThat(type(s, "mixed")).isEqualTo(PrimitiveTypeName.BINARY);
    for (Type t : s.getFields()) {
      assertThat(t.isRepetition(Type.Repetition.OPTIONAL)).as(t.getName()).isTrue();
    }
    RawTable a = TableReader.read(csv);
    RawTable b = TableReader.read(pq);
    assertThat(b.header()).isEqualTo(a.header());
    assertThat(b.size()).isEqualTo(3);
    for (int r = 0; r < a.size(); r++) {
      for (int c = 0; c < a.header().size(); c++) {
        String x = a.rows().get(r)[c];
        String y = b.rows().get(r)[c];
        if (type(s, a.header().get(c)) == PrimitiveTypeName.DOUBLE && !x.isEmpty()) {
          assertThat(Double.parseDouble(y)).as(r + "," + c).isEqualTo(Double.parseDouble(x));
        } else {
          assertThat(y).as(r + "," + c).isEqualTo(x);
        }
      }
    }
    assertThat(b.rows().get(1)[3]).isEqualTo("0"); // 0.0, the same value in PlainNumber's form
  }

  @Test
  void theSameCsvGivesTheSameBytes() throws IOException {
    StringBuilder sb = new StringBuilder("row,id,cluster,outlier,distance\n");
    for (int i = 1; i <= 5000; i++) {
      sb.append(i).append(",p").append(i).append(',').append(1 + i % 3).append(',')
          .append(i % 17 == 0).append(',').append(Math.sqrt(i) / 7).append('\n');
    }
    Path csv = csv(sb.toString());
    Path a = tmp.resolve("a.parquet");
    Path b = tmp.resolve("b.parquet");
    ParquetOutput.fromCsvInferred(csv, a);
    ParquetOutput.fromCsvInferred(csv, b);
    assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
  }

  @Test
  void replaceCsvLeavesOnlyTheParquetTwin() throws IOException {
    Path csv = csv("a,b\n1,x\n");
    Path pq = ParquetOutput.replaceCsv(csv);
    assertThat(pq.getFileName().toString()).isEqualTo("t.parquet");
    assertThat(csv).doesNotExist();
    assertThat(TableReader.read(pq).rows().get(0)).containsExactly("1", "x");
  }

  private static PrimitiveTypeName type(MessageType s, String column) {
    return s.getType(column).asPrimitiveType().getPrimitiveTypeName();
  }
}
