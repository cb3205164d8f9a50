package org.backstrat.report.model;

import java.util.List;

/**
 * A paragraph or a table the analysis adds to one section of a variant, beside the fixed
 * content: the evidence that is not circular (block-permutation test, prediction strength,
 * split-half reproducibility), Table 1, the strata in words, and the sentences that say plainly
 * what the validation and the decision curves do and do not show. Keeping them as data lets the
 * analysis say more without a new renderer method for every sentence.
 *
 * @param section anchor of the section it belongs to (e.g. "profiles", "validation")
 * @param first true to place it before the section's fixed content, false after it
 * @param text the paragraph, or null for a table
 * @param note whether the paragraph is a side note (smaller type)
 * @param table the table, or null for a paragraph
 */
public record Addition(String section, boolean first, String text, boolean note, TextTable table) {

  /** Exactly one of text and table. */
  public Addition {
    if ((text == null) == (table == null)) {
      throw new IllegalArgumentException("an addition is a paragraph or a table");
    }
  }

  /** A paragraph. */
  public static Addition paragraph(String section, boolean first, String text) {
    return new Addition(section, first, text, false, null);
  }

  /** A table. */
  public static Addition table(String section, boolean first, TextTable table) {
    return new Addition(section, first, null, false, table);
  }

  /**
   * A table of pre-formatted cells; its CSV twin holds the same text.
   *
   * @param what file-name part (the CSV is {@code <variant>_<what>.csv})
   * @param caption caption
   * @param csvNames CSV column names
   * @param headings column headings
   * @param numeric per column, whether it is right-aligned
   * @param rows cells, each row as long as the headings
   */
  public record TextTable(String what, String caption, List<String> csvNames, List<String> headings,
                          List<Boolean> numeric, List<List<String>> rows) {
    /** Checks shapes and copies. */
    public TextTable {
      csvNames = List.copyOf(csvNames);
      headings = List.copyOf(headings);
      numeric = List.copyOf(numeric);
      rows = rows.stream().map(List::copyOf).toList();
      if (headings.size() != csvNames.size() || numeric.size() != csvNames.size()) {
        throw new IllegalArgumentException("table " + what + ": column lists differ in length");
      }
      for (List<String> r : rows) {
        if (r.size() != csvNames.size()) {
          throw new IllegalArgumentException("table " + what + ": a row has " + r.size()
              + " cells for " + csvNames.size() + " columns");
        }
      }
    }
  }
}
