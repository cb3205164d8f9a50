package org.backstrat.report.chromium;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backstrat.testkit.Prerequisites;
import org.backstrat.report.FakeReport;
import org.backstrat.report.html.ReportRenderer;
import org.backstrat.report.html.ReportWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in real headless Chromium (Debian package {@code chromium}) and checks that
 * every section is in the browser's DOM, the console stays silent (no errors, no CSP
 * violations) and the page makes no network request. Skips where Chromium is not installed,
 * unless {@code BACKSTRAT_REQUIRE_BROWSER=1} (set by {@code .ci/run}), where it fails instead.
 */
@Tag("slow")
class ChromiumReportTest {
  private static final Path CHROMIUM = Path.of(System.getProperty("backstrat.chromium", "/usr/bin/chromium"));

  @Test
  void reportRendersOfflineWithEverySectionAndASilentConsole(@TempDir Path tmp) throws Exception {
    requireChromium();
    Path out = tmp.resolve("out");
    ReportWriter.writeInto(FakeReport.example(), out);
    assertRendersOffline(out.resolve(ReportWriter.REPORT_FILE), tmp);
  }

  @Test
  void reportOfARealAnalysisRendersOfflineWithEverySection(@TempDir Path tmp) throws Exception {
    requireChromium();
    java.io.StringWriter csv = new java.io.StringWriter();
    org.backstrat.core.synth.CohortSynthesizer.withDefaults().writeCsv(csv, 400, 3);
    org.backstrat.core.cohort.Cohort cohort = org.backstrat.core.cohort.CohortReader.withDefaults()
        .check(org.backstrat.core.io.TableReader.readText("synthetic.csv",
            csv.toString().getBytes(StandardCharsets.UTF_8))).orThrow();
    org.backstrat.core.cohort.Cohort scored = org.backstrat.core.scoring.CohortScorer.withDefaults()
        .score(cohort).cohort();
    org.backstrat.analysis.config.AnalysisConfig config =
        org.backstrat.analysis.config.AnalysisConfig.builder().restarts(5).stabilityResamples(5)
            .gapReferences(3).kRange(2, 4).repeats(2).dcaBootstrap(20).permutations(19).build();
    org.backstrat.analysis.pipeline.StratificationResult result =
        org.backstrat.analysis.pipeline.StratificationAnalysis.of(config).run(scored);
    Path out = tmp.resolve("real");
    ReportWriter.writeInto(org.backstrat.report.output.ReportAssembler.assemble(result,
        java.time.Instant.parse("2026-11-28T00:00:00Z"), true), out);
    assertRendersOffline(out.resolve(ReportWriter.REPORT_FILE), tmp);
  }

  private static void assertRendersOffline(Path report, Path tmp) throws Exception {
    Path netLog = tmp.resolve("netlog.json");
    Path stdout = tmp.resolve("dom.html");
    Path stderr = tmp.resolve("stderr.txt");
    ProcessBuilder pb = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio",
        "--user-data-dir=" + tmp.resolve("profile"), "--enable-logging=stderr", "--v=0",
        "--log-net-log=" + netLog, "--dump-dom", report.toUri().toString()))
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    pb.environment().put("HOME", tmp.toString());
    pb.directory(tmp.toFile());
    Process p = pb.start();
    boolean done = p.waitFor(90, TimeUnit.SECONDS);
    if (!done) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertThat(done).as("chromium finished within 90 s; stderr:\n" + err).isTrue();
    assertThat(p.exitValue()).as("chromium exit code; stderr:\n" + err).isZero();

    Document dom = Jsoup.parse(Files.readString(stdout, StandardCharsets.UTF_8));
    Document source = Jsoup.parse(Files.readString(report, StandardCharsets.UTF_8));
    assertThat(dom.title()).isEqualTo(source.title());
    for (String anchor : ReportRenderer.sectionAnchors()) {
      assertThat(dom.getElementById(anchor)).as("section " + anchor + " in the browser DOM").isNotNull();
      assertThat(dom.getElementById(anchor).text()).as("section " + anchor + " text").isNotBlank();
    }
    assertThat(dom.select("svg")).hasSameSizeAs(source.select("svg")).isNotEmpty();
    assertThat(dom.select("table")).hasSameSizeAs(source.select("table")).isNotEmpty();

    assertThat(ChromiumLogs.consoleMessages(err)).as("console messages").isEmpty();
    String log = Files.readString(netLog, StandardCharsets.UTF_8);
    assertThat(ChromiumLogs.isCompleteNetLog(log)).as("net log written completely to " + netLog).isTrue();
    assertThat(ChromiumLogs.pageRequests(log)).as("network requests made by the page").isEmpty();
  }

  private static void requireChromium() {
    Prerequisites.require(Files.isExecutable(CHROMIUM), Prerequisites.REQUIRE_BROWSER,
        "Chromium at " + CHROMIUM + " (install Debian's 'chromium' package, or set -Dbackstrat.chromium)");
  }
}
