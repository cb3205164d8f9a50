package org.backstrat.report.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backstrat.report.model.ReportInput;
import org.backstrat.report.table.PublicationTables;
import org.backstrat.report.table.ReportTable;
import org.backstrat.report.table.ReportTables;
import org.backstrat.report.table.TableCsvWriter;

/**
 * Writes {@code report.html} and {@code tables/*.csv} into a directory. It writes in place:
 * callers that need all-or-nothing output (the CLI) pass a temporary directory from
 * {@code AtomicOutput.write} and let it rename the result into place.
 */
public final class ReportWriter {
  /** File name of the report inside the output directory. */
  public static final String REPORT_FILE = "report.html";

  private ReportWriter() {
  }

  /**
   * Renders the report and writes it with its CSV twins into {@code dir} (created if absent),
   * each table also as .docx and .tex beside its CSV, and each figure as
   * {@code figures/<id>.svg}.
   *
   * @throws UncheckedIOException when a file cannot be written
   */
  public static void writeInto(ReportInput input, Path dir) {
    String html = ReportRenderer.withDefaults().render(input);
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(REPORT_FILE), html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(REPORT_FILE), e);
    }
    List<ReportTable> tables = ReportTables.all(input);
    TableCsvWriter.writeAll(tables, dir.resolve(ReportRenderer.TABLES_DIR));
    PublicationTables.writeAll(tables, dir.resolve(ReportRenderer.TABLES_DIR));
    FigureFiles.writeAll(html, dir);
  }
}
