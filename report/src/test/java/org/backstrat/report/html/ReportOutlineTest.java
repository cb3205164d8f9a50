package org.backstrat.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backstrat.report.FakeReport;
import org.junit.jupiter.api.Test;

/**
 * The fake report's structure equals the reviewed golden outline in
 * {@code src/test/resources/org/backstrat/report/golden/fake-report-outline.txt}. After an
 * intended change, regenerate it with
 * {@code mvn -pl report test -Dtest=ReportOutlineTest -Dbackstrat.writeGolden=/abs/path/fake-report-outline.txt},
 * read the diff, and commit it.
 */
class ReportOutlineTest {

  @Test
  void fakeReportHasTheReviewedStructure() throws Exception {
    List<String> outline = ReportOutline.of(ReportRenderer.withDefaults().render(FakeReport.example()));
    String target = System.getProperty("backstrat.writeGolden");
    if (target != null) {
      Files.write(Path.of(target), outline, StandardCharsets.UTF_8);
    }
    List<String> golden;
    try (InputStream in = getClass().getResourceAsStream("/org/backstrat/report/golden/fake-report-outline.txt")) {
      golden = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    assertThat(outline).containsExactlyElementsOf(golden);
  }
}
