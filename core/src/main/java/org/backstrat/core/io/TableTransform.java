package org.backstrat.core.io;

import java.util.List;
import org.backstrat.core.InputProblem;

/**
 * Changes a table between the reader and whoever checks it: renames header cells, turns
 * missing-value tokens into empty cells, recodes values. It works on the {@link RowSink} stream,
 * so any reader (delimited text, a workbook) feeds it and a million rows pass without being held.
 */
public interface TableTransform {

  /** Passes the table on unchanged. */
  TableTransform NONE = (file, downstream) -> new Session() {
    @Override
    public void header(List<String> cells, TableFormat format) {
      downstream.header(cells, format);
    }

    @Override
    public void row(long rowNumber, String[] cells) {
      downstream.row(rowNumber, cells);
    }

    @Override
    public List<InputProblem> problems() {
      return List.of();
    }
  };

  /**
   * A sink that transforms each row and hands it to {@code downstream}.
   *
   * @param file the table's name as the user gave it (for messages)
   * @param downstream where the transformed rows go
   */
  Session open(String file, RowSink downstream);

  /** One pass of a table through the transform. */
  interface Session extends RowSink {
    /**
     * What the transform found, after the last row: errors (a mapped column the table lacks)
     * and warnings saying what it changed (cells recoded, tokens read as missing).
     */
    List<InputProblem> problems();
  }
}
