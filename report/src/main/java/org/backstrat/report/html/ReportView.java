package org.backstrat.report.html;

import java.util.List;
import org.backstrat.report.table.ReportTable;

/**
 * The page model handed to the Pebble template: the report already laid out as sections of
 * blocks, every number already formatted. Public only because the template engine reads it by
 * reflection; build reports through {@link ReportRenderer}.
 *
 * @param title page title
 * @param createdAt creation time, ISO-8601 UTC
 * @param softwareVersion backstrat version
 * @param warnings plain statements shown at the top (synthetic data, synthetic imaging models)
 * @param contents table of contents
 * @param sections sections in order
 */
public record ReportView(String title, String createdAt, String softwareVersion, List<String> warnings,
                         List<TocEntry> contents, List<Section> sections) {

  /**
   * One table-of-contents line.
   *
   * @param anchor in-page anchor (without '#')
   * @param text line text
   * @param children sub-entries (one per variant)
   */
  public record TocEntry(String anchor, String text, List<TocEntry> children) {
  }

  /**
   * One top-level section.
   *
   * @param anchor its id
   * @param heading its heading
   * @param blocks its content
   */
  public record Section(String anchor, String heading, List<Block> blocks) {
  }

  /** A piece of section content; {@link #kind()} tells the template how to draw it. */
  public sealed interface Block permits Subheading, Paragraph, Figure, FigureGrid, Table {
    /** @return heading, paragraph, figure, grid or table */
    String kind();
  }

  /**
   * A variant's sub-heading.
   *
   * @param anchor its id
   * @param text its text
   */
  public record Subheading(String anchor, String text) implements Block {
    @Override
    public String kind() {
      return "heading";
    }
  }

  /**
   * A paragraph of plain text.
   *
   * @param text the text (escaped by the template)
   * @param note true for a smaller explanatory note
   */
  public record Paragraph(String text, boolean note) implements Block {
    @Override
    public String kind() {
      return "paragraph";
    }
  }

  /**
   * One chart.
   *
   * @param svg the inline SVG (trusted: escaped by the chart library)
   * @param caption caption text
   * @param dataFile CSV file holding the chart's numbers, relative to the report ("" = none)
   */
  public record Figure(String svg, String caption, String dataFile) implements Block {
    @Override
    public String kind() {
      return "figure";
    }
  }

  /**
   * Several smaller charts side by side (one column in print).
   *
   * @param figures the charts
   */
  public record FigureGrid(List<Figure> figures) implements Block {
    @Override
    public String kind() {
      return "grid";
    }
  }

  /**
   * One table with its CSV twin's file name.
   *
   * @param table the table
   * @param dataFile its CSV twin, relative to the report
   */
  public record Table(ReportTable table, String dataFile) implements Block {
    @Override
    public String kind() {
      return "table";
    }
  }
}
