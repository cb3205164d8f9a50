package org.backstrat.report.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backstrat.report.table.ReportTable.Cell;
import org.backstrat.report.table.ReportTable.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableCsvWriterTest {
  private static final ReportTable TABLE = new ReportTable("demo", "Demo",
      List.of(new Column("name", "Name", false), new Column("value", "Value", true)),
      List.of(List.of(Cell.text("plain"), new Cell("0.5", "0.50", "")),
          List.of(Cell.text("comma, \"quote\""), new Cell("", "–", "")),
          List.of(Cell.text("line\nbreak"), new Cell("1e-300", "< 0.001", "")),
          List.of(Cell.text("Öström ε²"), new Cell("3", "3", ""))));

  @Test
  void writesRfc4180WithCrlfQuotingAndMachineValues() {
    assertThat(TableCsvWriter.toCsv(TABLE)).isEqualTo("name,value\r\nplain,0.5\r\n\"comma, \"\"quote\"\"\",\r\n"
        + "\"line\nbreak\",1e-300\r\nÖström ε²,3\r\n");
  }

  @Test
  void writesOneUtf8FilePerTableWithoutBom(@TempDir Path dir) throws Exception {
    TableCsvWriter.writeAll(List.of(TABLE), dir.resolve("tables"));
    byte[] bytes = Files.readAllBytes(dir.resolve("tables/demo.csv"));
    assertThat(bytes[0]).isEqualTo((byte) 'n');
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(TableCsvWriter.toCsv(TABLE));
  }

  @Test
  void refusesTwoTablesWithOneName(@TempDir Path dir) {
    assertThatThrownBy(() -> TableCsvWriter.writeAll(List.of(TABLE, TABLE), dir))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("demo");
  }

  @Test
  void refusesUnsafeNamesAndRaggedRows() {
    assertThatThrownBy(() -> new ReportTable("../x", "c", List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReportTable("x", "c", List.of(new Column("a", "A", false)),
        List.of(List.of(Cell.text("1"), Cell.text("2"))))).isInstanceOf(IllegalArgumentException.class);
  }
}
