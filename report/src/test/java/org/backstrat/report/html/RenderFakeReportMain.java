package org.backstrat.report.html;

import java.nio.file.Files;
import java.nio.file.Path;
import org.backstrat.report.FakeReport;

/** Writes the fake report to a directory given as the first argument, for looking at it by eye. */
public final class RenderFakeReportMain {
  private RenderFakeReportMain() {
  }

  /** @param args output directory */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    ReportWriter.writeInto(FakeReport.example(), dir);
    System.out.println(Files.size(dir.resolve("report.html")) + " bytes");
  }
}
