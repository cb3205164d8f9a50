package org.backstrat.core.io;

import java.util.Locale;
import org.backstrat.core.BadInputException;

/**
 * The format of a folder verb's tables ({@code analyze} and {@code cluster},
 * {@code --out-format csv|parquet}, the option the Spark verbs share). A one-file verb decides by
 * its output's name instead ({@link ParquetOutput#wanted}): a folder has no ending to tell.
 */
public enum OutputFormat {
  /** CSV tables (the default). */
  CSV,
  /** Parquet tables, each column typed from its values ({@link ParquetOutput#fromCsvInferred}). */
  PARQUET;

  /**
   * The format named by {@code text} ({@code csv} or {@code parquet}, any case).
   *
   * @throws BadInputException naming the option and the allowed values
   */
  public static OutputFormat parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "csv" -> CSV;
      case "parquet" -> PARQUET;
      default -> throw new BadInputException("--out-format " + text + ": expected csv or parquet");
    };
  }
}
