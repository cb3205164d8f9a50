package org.backstrat.report.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The structure of a rendered report as text lines: sections, sub-headings, charts (id and
 * title) and tables (name and shape). Compared with a reviewed golden outline, so a change of
 * structure shows up as a readable diff while styling and numbers may change freely.
 */
final class ReportOutline {
  private ReportOutline() {
  }

  static List<String> of(String html) {
    Document d = Jsoup.parse(html);
    List<String> out = new ArrayList<>();
    out.add("title " + d.title());
    for (Element a : d.select("nav.toc a")) {
      out.add("toc " + a.attr("href") + " " + a.text());
    }
    for (Element section : d.select("main > section")) {
      out.add("section #" + section.id() + " " + section.selectFirst("h2").text());
      for (Element e : section.select("h3, figure > svg, div.table-wrap")) {
        switch (e.tagName()) {
          case "h3" -> out.add("  h3 #" + e.id() + " " + e.text());
          case "svg" -> out.add("  svg #" + e.id() + " " + e.selectFirst("> title").text());
          default -> out.add("  table " + e.attr("data-table") + " " + e.select("tbody tr").size() + "x"
              + e.select("thead th").size());
        }
      }
    }
    return out;
  }
}
