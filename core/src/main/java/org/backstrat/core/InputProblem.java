package org.backstrat.core;

import java.util.Objects;

/**
 * One problem found in a user's input: where it is (file, 1-based row as a spreadsheet shows
 * it, column), what was there and what was expected. Problems are collected so that a user sees
 * every defect of a file at once instead of fixing them one run at a time.
 *
 * <p>{@code row} is 0 when the problem concerns the whole file or a whole column (for example a
 * missing required column); {@code column} is empty when it concerns a whole row or file.
 *
 * @param file the input file as the user named it
 * @param row 1-based line number in the file (the header is row 1); 0 when not row-specific
 * @param column canonical column name, or empty
 * @param value the offending cell text, or empty
 * @param expected what would have been acceptable, in words (for a warning: what was noticed)
 * @param severity whether the problem fails the input or is only reported
 */
public record InputProblem(String file, long row, String column, String value, String expected,
                           Severity severity) {

  /** Whether a problem makes the input unusable ({@link #ERROR}) or is only worth knowing. */
  public enum Severity { ERROR, WARNING }

  public InputProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(severity, "severity");
    if (row < 0) {
      throw new IllegalArgumentException("row must be >= 0: " + row);
    }
  }

  /** An error at a cell. */
  public static InputProblem error(String file, long row, String column, String value,
                                   String expected) {
    return new InputProblem(file, row, column, value, expected, Severity.ERROR);
  }

  /** A warning at a cell. */
  public static InputProblem warning(String file, long row, String column, String value,
                                     String expected) {
    return new InputProblem(file, row, column, value, expected, Severity.WARNING);
  }

  /** True when this problem makes the input unusable. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * One readable line, e.g. {@code c.csv: row 12, column bmi: value "abc": expected a number
   * from 10 to 80 kg/m2}; warnings read {@code ...: warning: <text>}.
   */
  public String message() {
    StringBuilder sb = new StringBuilder();
    sb.append(file);
    boolean located = false;
    if (row > 0) {
      sb.append(": row ").append(row);
      located = true;
    }
    if (!column.isEmpty()) {
      sb.append(located ? ", " : ": ").append("column ").append(column);
      located = true;
    }
    sb.append(": ");
    if (!value.isEmpty()) {
      sb.append("value \"").append(value).append("\": ");
    }
    if (severity == Severity.WARNING) {
      sb.append("warning: ");
    } else if (!expected.startsWith("expected ")) {
      sb.append("expected "); // never "expected expected" when a caller worded it itself
    }
    sb.append(expected);
    return sb.toString();
  }

  @Override
  public String toString() {
    return message();
  }
}
