package org.backstrat.cluster.job;

import java.nio.file.Path;
import java.util.List;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.core.BadInputException;
import org.backstrat.core.io.HeaderRow;
import org.backstrat.core.io.NumericColumns;
import org.backstrat.core.io.NumericReader;

/**
 * Reads the numeric columns of a table for clustering through the one table reader's numeric
 * path ({@link NumericReader}: the same splitting rules, encoding checks and messages as every
 * other verb) into a {@link FeatureMatrix}. Values beyond ±{@link #MAX_MAGNITUDE} are refused:
 * squared distances between them would overflow to infinity.
 *
 * @param header whether the first line is a header
 * @param threads worker threads for reading (the result does not depend on it)
 */
public record NumericTableReader(HeaderMode header, int threads) {
  /** Largest absolute value a feature may take (its square times 10^4 features is finite). */
  public static final double MAX_MAGNITUDE = 1e100;

  /** Header detected, all cores. */
  public static NumericTableReader withDefaults() {
    return new NumericTableReader(HeaderMode.AUTO, Runtime.getRuntime().availableProcessors());
  }

  /** Copy with another header mode. */
  public NumericTableReader withHeader(HeaderMode mode) {
    return new NumericTableReader(mode, threads);
  }

  /** Copy with another thread count. */
  public NumericTableReader withThreads(int t) {
    return new NumericTableReader(header, t);
  }

  /**
   * Reads {@code features} (names, case-insensitive) or, when the list is empty, every column
   * that is numeric in all rows (the others are reported in {@link NumericTable#skippedColumns}).
   *
   * @throws BadInputException naming file, row and column for every problem found (up to 20)
   */
  public NumericTable read(Path file, List<String> features) {
    HeaderRow mode = switch (header) {
      case AUTO -> HeaderRow.AUTO;
      case PRESENT -> HeaderRow.PRESENT;
      case ABSENT -> HeaderRow.ABSENT;
    };
    NumericColumns c = NumericReader.withDefaults().withHeader(mode)
        .withMaxMagnitude(MAX_MAGNITUDE).withThreads(threads).read(file, features);
    // the reader refuses NaN, infinities and values beyond MAX_MAGNITUDE, naming row and column
    FeatureMatrix m = FeatureMatrix.wrapFinite(c.rows(), c.names().size(), c.values(),
        c.names());
    return new NumericTable(m, c.ids(), c.skippedColumns(), c.headerPresent(), c.delimiter());
  }
}
