package org.backstrat.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backstrat.analysis.pipeline.StratificationResult;
import org.backstrat.analysis.pipeline.VariantAnalysis;

/**
 * The report page written beside the machine-readable outputs. Until the full report lands this
 * is a minimal, honest page pointing to summary.json and tables/.
 */
final class ReportPage {
  private ReportPage() {
  }

  static void write(StratificationResult result, Path dir) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>backstrat report</title></head><body>\n<h1>backstrat analysis</h1>\n"
        + "<p>The full graphical report is not built yet; every number is in summary.json and "
        + "tables/*.csv.</p>\n<ul>\n");
    for (VariantAnalysis v : result.variants()) {
      sb.append("<li>").append(v.name()).append(": K = ").append(v.k()).append(", ")
          .append(v.nClustered()).append(" people clustered, ").append(v.nOutliers())
          .append(" trimmed</li>\n");
    }
    sb.append("</ul>\n</body></html>\n");
    Files.writeString(dir.resolve("report.html"), sb.toString(), StandardCharsets.UTF_8);
  }
}
