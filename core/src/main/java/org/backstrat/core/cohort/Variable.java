package org.backstrat.core.cohort;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A named column of a cohort with its kind and admissible values: a raw input column of the
 * cohort schema or a derived score. Immutable.
 *
 * @param name canonical lower-case name as written in outputs (extra text columns keep the
 *     user's spelling)
 * @param kind how cells are parsed and stored
 * @param min smallest admissible value (inclusive) for numbers and integers; NaN otherwise
 * @param max largest admissible value (inclusive) for numbers and integers; NaN otherwise
 * @param levels level names for categories (index = stored code); {@code false,true} for booleans
 * @param unit unit of measurement, or empty (e.g. {@code degrees}, {@code kg/m2})
 * @param meaning one phrase for documentation and messages
 */
public record Variable(String name, ValueKind kind, double min, double max, List<String> levels,
                       String unit, String meaning) {

  public Variable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    levels = List.copyOf(levels);
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(meaning, "meaning");
    if (kind != ValueKind.TEXT && !name.equals(name.toLowerCase(Locale.ROOT))) {
      // extra text columns keep the name the user gave them; typed columns are canonical
      throw new IllegalArgumentException("canonical names are lower case: " + name);
    }
    if (kind == ValueKind.CATEGORY && levels.isEmpty()) {
      throw new IllegalArgumentException(name + ": a category needs levels");
    }
  }

  /** A category with the given levels. */
  public static Variable category(String name, String meaning, String... levels) {
    return new Variable(name, ValueKind.CATEGORY, Double.NaN, Double.NaN, List.of(levels), "",
        meaning);
  }

  /** An integer in [min, max]. */
  public static Variable integer(String name, int min, int max, String meaning) {
    return new Variable(name, ValueKind.INTEGER, min, max, List.of(), "", meaning);
  }

  /** A real number in [min, max] with a unit. */
  public static Variable number(String name, double min, double max, String unit,
                                String meaning) {
    return new Variable(name, ValueKind.NUMBER, min, max, List.of(), unit, meaning);
  }

  /** A true/false flag. */
  public static Variable bool(String name, String meaning) {
    return new Variable(name, ValueKind.BOOLEAN, 0, 1, List.of("false", "true"), "", meaning);
  }

  /** Free text. */
  public static Variable text(String name, String meaning) {
    return new Variable(name, ValueKind.TEXT, Double.NaN, Double.NaN, List.of(), "", meaning);
  }

  /** True for kinds whose stored code is a meaningful number (integer, number, boolean). */
  public boolean isNumeric() {
    return kind == ValueKind.INTEGER || kind == ValueKind.NUMBER || kind == ValueKind.BOOLEAN;
  }

  /** What an admissible cell looks like, in words, for error messages. */
  public String expectation() {
    return switch (kind) {
      case IDENTIFIER -> "a non-empty, unique id";
      case CATEGORY -> "one of " + String.join(", ", levels);
      case INTEGER -> "a whole number from " + (long) min + " to " + (long) max;
      case NUMBER -> "a number from " + trim(min) + " to " + trim(max)
          + (unit.isEmpty() ? "" : " " + unit);
      case BOOLEAN -> "true or false";
      case TEXT -> "any text";
    };
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
