package org.backstrat.core.io;

/**
 * How a text table was split into cells: the delimiter detected from the header line and
 * whether numbers may use a decimal comma (semicolon-separated files, as European spreadsheet
 * exports write them). Spreadsheets (.xlsx) and Parquet files have no delimiter.
 *
 * @param delimiter the cell separator; {@code '\0'} for a spreadsheet
 * @param decimalComma true when "27,5" is to be read as 27.5
 * @param kind the file type
 */
public record TableFormat(char delimiter, boolean decimalComma, Kind kind) {

  /** The file type a table came from. */
  public enum Kind { DELIMITED_TEXT, XLSX, PARQUET }

  /** Comma-separated text with a decimal point. */
  public static final TableFormat CSV = new TableFormat(',', false, Kind.DELIMITED_TEXT);

  /** A Parquet file: typed columns, no delimiter. */
  public static final TableFormat PARQUET = new TableFormat('\0', false, Kind.PARQUET);

  /** The delimiter as a word for messages ({@code comma}, {@code semicolon}, {@code tab}). */
  public String delimiterName() {
    return switch (delimiter) {
      case ',' -> "comma";
      case ';' -> "semicolon";
      case '\t' -> "tab";
      case '\0' -> "spreadsheet";
      default -> "'" + delimiter + "'";
    };
  }
}
