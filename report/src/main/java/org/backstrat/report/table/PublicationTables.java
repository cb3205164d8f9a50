package org.backstrat.report.table;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.backstrat.core.CreationTime;

/**
 * Every report table also as a Word document ({@code <name>.docx}, Apache POI XWPF: a caption
 * paragraph, then a table with a bold header row) and as a LaTeX fragment ({@code <name>.tex}:
 * a {@code table} float with {@code booktabs} rules, numeric columns right-aligned), so a table
 * goes into a manuscript without retyping. Cells hold the text the report shows.
 */
public final class PublicationTables {
  private PublicationTables() {
  }

  /** Writes {@code <name>.docx} and {@code <name>.tex} for every table into {@code dir}. */
  public static void writeAll(List<ReportTable> tables, Path dir) {
    try {
      Files.createDirectories(dir);
      for (ReportTable t : tables) {
        try (OutputStream out = Files.newOutputStream(dir.resolve(t.name() + ".docx"))) {
          docx(t, out);
        }
        Files.writeString(dir.resolve(t.name() + ".tex"), latex(t), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the tables in " + dir, e);
    }
  }

  /** The table as a Word document. */
  public static void docx(ReportTable t, OutputStream out) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      // the creation time POI writes into docProps/core.xml honours SOURCE_DATE_EPOCH, so two
      // runs with it set give byte-identical documents
      java.util.Date created = java.util.Date.from(CreationTime.now());
      doc.getProperties().getCoreProperties().setCreated(java.util.Optional.of(created));
      doc.getProperties().getCoreProperties().setModified(java.util.Optional.of(created));
      XWPFParagraph caption = doc.createParagraph();
      XWPFRun run = caption.createRun();
      run.setBold(true);
      run.setText(t.caption());
      XWPFTable table = doc.createTable(t.rows().size() + 1, t.columns().size());
      XWPFTableRow header = table.getRow(0);
      for (int c = 0; c < t.columns().size(); c++) {
        set(header.getCell(c), t.columns().get(c).heading(), true);
      }
      for (int r = 0; r < t.rows().size(); r++) {
        XWPFTableRow row = table.getRow(r + 1);
        for (int c = 0; c < t.columns().size(); c++) {
          set(row.getCell(c), t.rows().get(r).get(c).display(), false);
        }
      }
      doc.write(out);
    }
  }

  private static void set(XWPFTableCell cell, String text, boolean bold) {
    XWPFParagraph p = cell.getParagraphs().get(0);
    XWPFRun run = p.createRun();
    run.setBold(bold);
    run.setText(text);
  }

  /** The table as a LaTeX {@code table} float (needs the booktabs package). */
  public static String latex(ReportTable t) {
    StringBuilder sb = new StringBuilder();
    sb.append("% ").append(t.name()).append(": written by backstrat; needs \\usepackage{booktabs}\n");
    sb.append("\\begin{table}[htbp]\n\\centering\n\\caption{").append(escape(t.caption()))
        .append("}\n\\label{tab:").append(t.name()).append("}\n\\begin{tabular}{");
    for (ReportTable.Column c : t.columns()) {
      sb.append(c.numeric() ? 'r' : 'l');
    }
    sb.append("}\n\\toprule\n");
    for (int c = 0; c < t.columns().size(); c++) {
      sb.append(c == 0 ? "" : " & ").append(escape(t.columns().get(c).heading()));
    }
    sb.append(" \\\\\n\\midrule\n");
    for (List<ReportTable.Cell> row : t.rows()) {
      for (int c = 0; c < row.size(); c++) {
        sb.append(c == 0 ? "" : " & ").append(escape(row.get(c).display()));
      }
      sb.append(" \\\\\n");
    }
    sb.append("\\bottomrule\n\\end{tabular}\n\\end{table}\n");
    return sb.toString();
  }

  /** Escapes LaTeX's special characters; a few common symbols become math. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> sb.append("\\textbackslash{}");
        case '&', '%', '$', '#', '_', '{', '}' -> sb.append('\\').append(ch);
        case '~' -> sb.append("\\textasciitilde{}");
        case '^' -> sb.append("\\textasciicircum{}");
        case '<' -> sb.append("\\textless{}");
        case '>' -> sb.append("\\textgreater{}");
        case '≤' -> sb.append("$\\leq$");
        case '≥' -> sb.append("$\\geq$");
        case '−' -> sb.append("$-$");
        case '±' -> sb.append("$\\pm$");
        case '×' -> sb.append("$\\times$");
        case 'α' -> sb.append("$\\alpha$");
        case 'ε' -> sb.append("$\\varepsilon$");
        case 'χ' -> sb.append("$\\chi$");
        case '²' -> sb.append("\\textsuperscript{2}");
        default -> sb.append(ch);
      }
    }
    return sb.toString();
  }
}
