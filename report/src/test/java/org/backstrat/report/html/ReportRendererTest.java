package org.backstrat.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import org.backstrat.report.FakeReport;
import org.backstrat.report.model.ReportInput;
import org.backstrat.report.table.ReportTable;
import org.backstrat.report.table.ReportTables;
import org.backstrat.report.table.TableCsvWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRendererTest {
  private static String html;
  private static Document doc;

  @BeforeAll
  static void render() {
    html = ReportRenderer.withDefaults().render(FakeReport.example());
    doc = Jsoup.parse(html);
  }

  @Test
  void everySectionIsPresentInOrderWithItsAnchorAndHeading() {
    List<String> ids = doc.select("main > section.report-section").eachAttr("id");
    assertThat(ids).containsExactlyElementsOf(ReportRenderer.sectionAnchors());
    assertThat(doc.select("main > section > h2").eachText()).containsExactly("1. Cohort overview and exclusions",
        "2. Choice of K", "3. Stratum profiles", "4. Projection", "5. Between-stratum tests", "6. Validation",
        "7. Decision curves", "8. Methods", "9. Limitations");
    for (String variant : List.of("sbt", "ompsq")) {
      for (String section : List.of("k-selection", "profiles", "projection", "tests", "validation", "decision-curves")) {
        assertThat(doc.getElementById(section + "-" + variant)).as(section + " " + variant).isNotNull();
      }
    }
  }

  @Test
  void tableOfContentsLinksResolveAndIdsAreUnique() {
    List<String> hrefs = doc.select("nav.toc a").eachAttr("href");
    assertThat(hrefs).hasSizeGreaterThan(9);
    for (String href : hrefs) {
      assertThat(href).startsWith("#");
      assertThat(doc.getElementById(href.substring(1))).as(href).isNotNull();
    }
    Set<String> seen = new HashSet<>();
    for (Element e : doc.select("[id]")) {
      assertThat(seen.add(e.id())).as("duplicate id " + e.id()).isTrue();
    }
  }

  @Test
  void everyChartIsAnInlineSvgWithTitleDescriptionAndLabels() {
    List<Element> svgs = doc.select("svg");
    assertThat(svgs).hasSizeGreaterThan(30);
    for (Element svg : svgs) {
      assertThat(svg.parent().tagName()).isEqualTo("figure");
      Element title = svg.selectFirst("> title");
      assertThat(title).as(svg.id()).isNotNull();
      assertThat(title.text()).isNotBlank();
      for (String labelled : svg.attr("aria-labelledby").split(" ")) {
        assertThat(svg.getElementById(labelled)).as(labelled).isNotNull();
      }
      assertThat(svg.select("text").size()).as(svg.id()).isGreaterThanOrEqualTo(5);
      assertThat(svg.select(".legend")).as("legend of " + svg.id()).isNotEmpty();
    }
  }

  @Test
  void nothingIsLoadedFromOutsideThePage() {
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.select("link")).isEmpty();
    assertThat(doc.select("img, iframe, object, embed, video, audio, source")).isEmpty();
    assertThat(doc.select("[src]")).isEmpty();
    for (Element e : doc.select("[href]")) {
      assertThat(e.attr("href")).as("href").startsWith("#");
    }
    for (Element e : doc.getAllElements()) {
      for (var a : e.attributes()) {
        if (!a.getKey().equals("xmlns")) {
          assertThat(a.getValue()).as(e.tagName() + "@" + a.getKey()).doesNotContainPattern("(?i)(https?:|//|ftp:)")
              .doesNotContainPattern("(?i)url\\((?!#)");
        }
      }
    }
    String css = doc.select("style").html();
    assertThat(css).doesNotContain("@import").doesNotContain("url(").doesNotContain("@font-face");
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContainPattern("(?i)https?://");
    Element csp = doc.selectFirst("meta[http-equiv=Content-Security-Policy]");
    assertThat(csp).isNotNull();
    assertThat(csp.attr("content")).startsWith("default-src 'none'");
  }

  @Test
  void sameInputGivesTheSameBytesWhateverTheLocaleOrTimeZone() {
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    try {
      Locale.setDefault(new Locale("fi", "FI"));
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
      assertThat(ReportRenderer.withDefaults().render(FakeReport.example())).isEqualTo(html);
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
  }

  @Test
  void hostileNamesAreEscapedEverywhere() {
    ReportInput evil = FakeReport.hostile();
    String page = ReportRenderer.withDefaults().render(evil);
    Document d = Jsoup.parse(page);
    assertThat(d.select("script, img, b")).isEmpty();
    assertThat(d.select("[onerror]")).isEmpty();
    assertThat(d.title()).isEqualTo(evil.title());
    assertThat(d.select("th").eachText()).contains("<script>alert(1)</script> (\"><b>u</b>)");
    assertThat(d.select("td").eachText()).contains("\"><img src=x onerror=alert(2)>");
    assertThat(d.select("svg text").eachText()).anyMatch(t -> t.contains("<script>alert(1)</script>"));
  }

  @Test
  void everyTableNamesItsCsvTwinAndHasItsRows() {
    ReportInput in = FakeReport.example();
    List<ReportTable> tables = ReportTables.all(in);
    List<String> shown = new ArrayList<>();
    for (Element wrap : doc.select("div.table-wrap")) {
      String name = wrap.attr("data-table");
      shown.add(name);
      ReportTable t = tables.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
      assertThat(wrap.selectFirst("p.csv").text()).isEqualTo("CSV: tables/" + name + ".csv");
      assertThat(wrap.select("tbody tr")).hasSize(t.rows().size());
      assertThat(wrap.select("thead th")).hasSize(t.columns().size());
    }
    assertThat(shown).doesNotHaveDuplicates().contains("cohort_exclusions", "variants", "sbt_tests", "ompsq_tests",
        "sbt_validation", "sbt_confusion_all_features", "sbt_confusion_questionnaire_only", "sbt_selection",
        "sbt_settings");
    for (ReportTable t : tables) {
      assertThat(html).as("mention of " + t.fileName()).contains("tables/" + t.fileName());
    }
  }

  @Test
  void smallPValuesShowABoundWithTheExactValueInATooltip() {
    Element cell = doc.select("div[data-table=sbt_tests] td[title]").stream()
        .filter(td -> td.text().equals("< 0.001")).findFirst().orElseThrow();
    assertThat(cell.attr("title")).matches("p = [0-9.]+e-[0-9]+");
    assertThat(cell.hasClass("num")).isTrue();
  }

  @Test
  void syntheticDataIsSaidPlainlyAtTheTopAndInTheLimitations() {
    assertThat(doc.select("header .warning").eachText()).hasSize(2)
        .anyMatch(t -> t.contains("These data are synthetic"))
        .anyMatch(t -> t.contains("trained only on synthetic MRI phantoms"));
    assertThat(doc.getElementById("limitations").text()).contains("These data are synthetic")
        .contains("synthetic MRI phantoms").contains("validated only internally");
  }

  @Test
  void methodsStateVersionCreationTimeAndEverySetting() {
    Element methods = doc.getElementById("methods");
    assertThat(methods.text()).contains("backstrat 0.1.0").contains("2026-11-28T00:00:00Z");
    assertThat(methods.select("div[data-table=sbt_settings] tbody tr")).hasSize(9);
  }

  @Test
  void printStylesBreakPagesBetweenSections() {
    String css = doc.select("style").html();
    assertThat(css).contains("@media print").contains("section.report-section { break-before: page; }");
  }

  @Test
  void noIdentifierReachesThePage() {
    assertThat(html).doesNotContainPattern("(?i)\\bid\\s*[:=]\\s*[A-Za-z]*[0-9]{3,}");
  }

  @Test
  void writerPutsReportAndAllCsvTwinsInTheDirectory(@TempDir Path dir) throws Exception {
    ReportWriter.writeInto(FakeReport.example(), dir);
    assertThat(Files.readString(dir.resolve("report.html"))).isEqualTo(html);
    List<ReportTable> tables = ReportTables.all(FakeReport.example());
    try (var files = Files.list(dir.resolve("tables"))) {
      // each table as CSV, and for manuscripts as .docx and .tex
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactlyElementsOf(tables.stream().flatMap(t -> java.util.stream.Stream.of(
              t.fileName(), t.name() + ".docx", t.name() + ".tex")).sorted().toList());
    }
    ReportTable tests = tables.stream().filter(t -> t.name().equals("sbt_tests")).findFirst().orElseThrow();
    assertThat(Files.readString(dir.resolve("tables/sbt_tests.csv"))).isEqualTo(TableCsvWriter.toCsv(tests))
        .startsWith("variable,test,statistic,df,p,p_adjusted,effect_size_measure,effect_size\r\n");
  }

  @Test
  void tablesWrittenBesideTheFiguresAreTheBytesOfTheTablesWrittenAlone(@TempDir Path dir)
      throws Exception {
    ReportWriter.writeInto(FakeReport.example(), dir.resolve("report"));
    List<ReportTable> tables = ReportTables.all(FakeReport.example());
    org.backstrat.report.table.PublicationTables.writeAll(tables, dir.resolve("alone"));
    for (ReportTable t : tables) {
      assertThat(Files.readAllBytes(dir.resolve("report/tables/" + t.name() + ".tex")))
          .as(t.name() + ".tex")
          .isEqualTo(Files.readAllBytes(dir.resolve("alone/" + t.name() + ".tex")));
      // the Word copies differ only in their creation time (docProps/core.xml: the clock,
      // unless SOURCE_DATE_EPOCH is set)
      assertThat(docxParts(dir.resolve("report/tables/" + t.name() + ".docx")))
          .as(t.name() + ".docx")
          .isEqualTo(docxParts(dir.resolve("alone/" + t.name() + ".docx")));
    }
    try (var files = Files.list(dir.resolve("report/figures"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".png")).count()).isPositive();
    }
  }

  /** The parts of a .docx (a zip) but its creation time, as text by part name. */
  private static java.util.Map<String, String> docxParts(Path docx) throws Exception {
    java.util.Map<String, String> parts = new java.util.TreeMap<>();
    try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(docx))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (!e.getName().equals("docProps/core.xml")) {
          parts.put(e.getName(), new String(zip.readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8));
        }
      }
    }
    assertThat(parts).containsKey("word/document.xml");
    return parts;
  }

  @Test
  void aTableThatCannotBeWrittenFailsTheWriterWhileTheFiguresAreDrawn(@TempDir Path dir)
      throws Exception {
    ReportTable first = ReportTables.all(FakeReport.example()).get(0);
    // a folder where the table's Word copy goes: the tables' thread cannot write it
    Files.createDirectories(dir.resolve("tables").resolve(first.name() + ".docx"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> ReportWriter.writeInto(FakeReport.example(), dir))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("cannot write the tables");
  }
}
