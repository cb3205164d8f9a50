package org.backstrat.report.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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
    Path tablesDir = dir.resolve(ReportRenderer.TABLES_DIR);
    TableCsvWriter.writeAll(tables, tablesDir);
    // The Word and LaTeX copies of the tables are written on their own thread while the figures
    // are drawn (their bitmaps on the common pool): one thread alone would take about two
    // seconds for them, during which a second core would idle. Each file is written by one
    // thread only, so the files are the same as when written one after the other.
    FutureTask<Void> documents = new FutureTask<>(
        () -> PublicationTables.writeAll(tables, tablesDir), null);
    Thread writer = new Thread(documents, "backstrat-tables");
    writer.setDaemon(true);
    writer.start();
    try {
      FigureFiles.writeAll(html, dir);
    } catch (RuntimeException | Error e) {
      awaitQuietly(documents);
      throw e;
    }
    await(documents);
  }

  /** Waits for the task; its failure (an exception or an Error) is thrown here as it was. */
  private static void await(FutureTask<Void> task) {
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the tables", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** Waits for the task without throwing (a failure elsewhere is already on its way). */
  private static void awaitQuietly(FutureTask<Void> task) {
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // the first failure is the one reported
    }
  }
}
