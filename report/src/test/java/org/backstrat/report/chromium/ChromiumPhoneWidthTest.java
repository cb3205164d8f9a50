package org.backstrat.report.chromium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backstrat.report.html.ReportWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a real analysis is readable on a 390 px phone screen: rendered by headless
 * Chromium in a 390 x 844 frame, the page is no wider than the frame (no horizontal scroll;
 * wide tables scroll inside their own box), and a screenshot is taken for a person to look at.
 * The page itself has no script; a wrapper page holding it in the frame measures it.
 */
@Tag("slow") // headless Chromium, twice: an end-to-end class, run by -Pall-tests and CI
class ChromiumPhoneWidthTest {
  private static final Path CHROMIUM = Path.of(System.getProperty("backstrat.chromium",
      "/usr/bin/chromium"));
  private static final int PHONE_WIDTH = 390;

  /** A4 width less the print style's 12 mm side margins, in CSS px (96 per inch). */
  private static final int A4_TEXT_WIDTH = (int) Math.floor((210 - 2 * 12) / 25.4 * 96);

  private static String realReportHtml(Path tmp) throws Exception {
    java.io.StringWriter csv = new java.io.StringWriter();
    org.backstrat.core.synth.CohortSynthesizer.withDefaults().writeCsv(csv, 300, 3);
    org.backstrat.core.cohort.Cohort cohort = org.backstrat.core.cohort.CohortReader
        .withDefaults().check(org.backstrat.core.io.TableReader.readText("synthetic.csv",
            csv.toString().getBytes(StandardCharsets.UTF_8))).orThrow();
    org.backstrat.core.cohort.Cohort scored = org.backstrat.core.scoring.CohortScorer
        .withDefaults().score(cohort).cohort();
    org.backstrat.analysis.config.AnalysisConfig config =
        org.backstrat.analysis.config.AnalysisConfig.builder().restarts(4)
            .stabilityResamples(0).gapReferences(0).k(3).repeats(1).dcaBootstrap(0).permutations(19)
            .build();
    Path out = tmp.resolve("real");
    ReportWriter.writeInto(org.backstrat.report.output.ReportAssembler.assemble(
        org.backstrat.analysis.pipeline.StratificationAnalysis.of(config).run(scored),
        java.time.Instant.parse("2026-11-28T00:00:00Z"), true), out);
    return Files.readString(out.resolve(ReportWriter.REPORT_FILE), StandardCharsets.UTF_8);
  }

  @Test
  void reportFitsA390PixelPhoneScreenWithoutHorizontalScroll(@TempDir Path tmp)
      throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not found at " + CHROMIUM
        + " (install Debian's 'chromium' package, or set -Dbackstrat.chromium); skipping");
    String html = realReportHtml(tmp);
    // the report in a 390 px wide frame (headless Chromium will not open a window narrower
    // than 500 px); the wrapper measures the framed page, which itself runs no script
    String wrapper = "<!DOCTYPE html><html><body style=\"margin:0\"><iframe id=\"f\" "
        + "style=\"border:0\" width=\"" + PHONE_WIDTH + "\" height=\"844\" srcdoc=\""
        + escapeAttribute(html) + "\"></iframe><script>window.onload = function () { "
        + "var d = document.getElementById('f').contentDocument; document.body.setAttribute("
        + "'data-scroll-width', d.documentElement.scrollWidth); };</script></body></html>";
    Path page = tmp.resolve("phone-frame.html");
    Files.writeString(page, wrapper, StandardCharsets.UTF_8);

    String dom = chromium(tmp, "--dump-dom", page.toUri().toString());
    Matcher m = Pattern.compile("data-scroll-width=\"(\\d+)\"").matcher(dom);
    assertThat(m.find()).as("the measuring script ran").isTrue();
    assertThat(Integer.parseInt(m.group(1))).as("width of the report in a " + PHONE_WIDTH
        + " px frame").isLessThanOrEqualTo(PHONE_WIDTH);

    Path shot = tmp.resolve("phone.png");
    chromium(tmp, "--screenshot=" + shot, page.toUri().toString()); // the report as framed
    assertThat(shot).exists();
    assertThat(Files.size(shot)).isPositive();
  }

  /**
   * Printed on A4, every table fits the text width: the report's print rules (its
   * {@code @media print} block less {@code @page}) are applied as screen rules in a frame as
   * wide as A4 less the margins, and no table may reach past it (in print, wide tables cannot
   * scroll in their box). The page-number rule is checked in the style itself.
   */
  @Test
  void printedReportHasPageNumbersAndTablesThatFitTheA4TextWidth(@TempDir Path tmp)
      throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not found at " + CHROMIUM
        + " (install Debian's 'chromium' package, or set -Dbackstrat.chromium); skipping");
    String html = realReportHtml(tmp);
    int at = html.indexOf("@media print {");
    assertThat(at).as("the report has print rules").isPositive();
    int open = html.indexOf('{', at);
    int depth = 0;
    int close = open;
    for (int i = open; i < html.length(); i++) {
      depth += html.charAt(i) == '{' ? 1 : html.charAt(i) == '}' ? -1 : 0;
      if (depth == 0) {
        close = i;
        break;
      }
    }
    String printRules = html.substring(open + 1, close);
    assertThat(printRules).contains("counter(page)").contains("counter(pages)");
    String screenRules = printRules.replaceAll("@page\\s*\\{(?:[^{}]|\\{[^{}]*\\})*\\}", "");
    String asPrinted = html.replace("</head>", "<style>" + screenRules + "</style></head>");
    String wrapper = "<!DOCTYPE html><html><body style=\"margin:0\"><iframe id=\"f\" "
        + "style=\"border:0\" width=\"" + A4_TEXT_WIDTH + "\" height=\"1000\" srcdoc=\""
        + escapeAttribute(asPrinted) + "\"></iframe><script>window.onload = function () { "
        + "var d = document.getElementById('f').contentDocument; var widest = 0; "
        + "var tables = d.querySelectorAll('table'); for (var i = 0; i < tables.length; i++) {"
        + " widest = Math.max(widest, Math.ceil(tables[i].getBoundingClientRect().right)); } "
        + "document.body.setAttribute('data-tables', tables.length); "
        + "document.body.setAttribute('data-widest', widest); "
        + "document.body.setAttribute('data-scroll-width', d.documentElement.scrollWidth); };"
        + "</script></body></html>";
    Path page = tmp.resolve("print-frame.html");
    Files.writeString(page, wrapper, StandardCharsets.UTF_8);
    String dom = chromium(tmp, "--dump-dom", page.toUri().toString());
    assertThat(attribute(dom, "data-tables")).as("tables measured").isPositive();
    assertThat(attribute(dom, "data-widest")).as("right edge of the widest table, A4 text "
        + "width " + A4_TEXT_WIDTH + " px").isLessThanOrEqualTo(A4_TEXT_WIDTH);
    assertThat(attribute(dom, "data-scroll-width")).isLessThanOrEqualTo(A4_TEXT_WIDTH);
  }

  private static int attribute(String dom, String name) {
    Matcher m = Pattern.compile(name + "=\"(\\d+)\"").matcher(dom);
    assertThat(m.find()).as("the measuring script set " + name).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static String escapeAttribute(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")
        .replace(">", "&gt;");
  }

  private static String chromium(Path tmp, String... args) throws Exception {
    Path stdout = tmp.resolve("stdout.txt");
    Path stderr = tmp.resolve("stderr.txt");
    List<String> cmd = new java.util.ArrayList<>(List.of(CHROMIUM.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--hide-scrollbars", "--window-size=800,900",
        "--user-data-dir=" + tmp.resolve("profile")));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile());
    pb.environment().put("HOME", tmp.toString());
    pb.directory(tmp.toFile());
    Process p = pb.start();
    boolean done = p.waitFor(90, TimeUnit.SECONDS);
    if (!done) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    assertThat(done).as("chromium finished within 90 s").isTrue();
    assertThat(p.exitValue()).as("chromium exit code; stderr:\n"
        + Files.readString(stderr, StandardCharsets.UTF_8)).isZero();
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }
}
