package org.backstrat.core.cohort;

import org.backstrat.core.io.PlainNumber;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A cohort: one row per person, typed columns stored column-wise as primitive arrays (missing =
 * NaN), plus text columns (the ground-truth stratum, extra columns of the input) carried
 * through. Immutable: derived scores are added by {@link #withColumn}, which returns a new
 * cohort sharing the existing arrays.
 *
 * <p>Column order is the order of insertion and is the order of output.
 */
public final class Cohort {
  private final String source;
  private final String[] ids;
  private final Map<String, Variable> variables;
  private final Map<String, double[]> values;
  private final Map<String, String[]> texts;

  private Cohort(String source, String[] ids, Map<String, Variable> variables,
                 Map<String, double[]> values, Map<String, String[]> texts) {
    this.source = source;
    this.ids = ids;
    this.variables = variables;
    this.values = values;
    this.texts = texts;
  }

  /** A cohort with ids only; columns are added with {@link #withColumn}. */
  public static Cohort of(String source, List<String> ids) {
    Objects.requireNonNull(source, "source");
    Map<String, Variable> vars = new LinkedHashMap<>();
    Variable id = CohortSchema.standard().find("id").orElseThrow();
    vars.put(id.name(), id);
    return new Cohort(source, ids.toArray(String[]::new), vars, new LinkedHashMap<>(),
        new LinkedHashMap<>());
  }

  /** Where the cohort was read from (file name), for messages. */
  public String source() {
    return source;
  }

  /** Number of people. */
  public int size() {
    return ids.length;
  }

  /** The id of the person at row index {@code i} (0-based, in input order). */
  public String id(int i) {
    return ids[i];
  }

  /** All ids in row order (a copy). */
  public List<String> ids() {
    return List.of(ids);
  }

  /** All columns, id first, in output order. */
  public List<Variable> variables() {
    return List.copyOf(variables.values());
  }

  /** True when the cohort has this column. */
  public boolean has(String name) {
    return variables.containsKey(name);
  }

  /** The column of this name, if present. */
  public Optional<Variable> variable(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  /**
   * Stored values of a numeric, boolean or category column (categories as level index; missing
   * as NaN). The array is shared, not copied: callers must not modify it.
   *
   * @throws IllegalArgumentException when the column is absent or is text
   */
  public double[] values(String name) {
    double[] v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no numeric column " + name + " in " + source);
    }
    return v;
  }

  /** Cells of a text column (the stratum, extras); missing as null. Shared, not copied. */
  public String[] texts(String name) {
    String[] t = texts.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no text column " + name + " in " + source);
    }
    return t;
  }

  /** A new cohort with a coded column added, or replaced if the name exists. */
  public Cohort withColumn(Variable variable, double[] columnValues) {
    if (variable.kind() == ValueKind.TEXT || variable.kind() == ValueKind.IDENTIFIER) {
      throw new IllegalArgumentException(variable.name() + " is not a coded column");
    }
    checkLength(variable, columnValues.length);
    Map<String, Variable> vars = new LinkedHashMap<>(variables);
    Map<String, double[]> vals = new LinkedHashMap<>(values);
    Map<String, String[]> txt = new LinkedHashMap<>(texts);
    txt.remove(variable.name());
    vars.put(variable.name(), variable);
    vals.put(variable.name(), columnValues);
    return new Cohort(source, ids, vars, vals, txt);
  }

  /** A new cohort with a text column added, or replaced if the name exists. */
  public Cohort withText(Variable variable, String[] cells) {
    if (variable.kind() != ValueKind.TEXT) {
      throw new IllegalArgumentException(variable.name() + " is not a text column");
    }
    checkLength(variable, cells.length);
    Map<String, Variable> vars = new LinkedHashMap<>(variables);
    Map<String, double[]> vals = new LinkedHashMap<>(values);
    Map<String, String[]> txt = new LinkedHashMap<>(texts);
    vals.remove(variable.name());
    vars.put(variable.name(), variable);
    txt.put(variable.name(), cells);
    return new Cohort(source, ids, vars, vals, txt);
  }

  /**
   * A new cohort with several columns added (or replaced) at once, in the order given: a coded
   * column's values as {@code double[]}, a text column's cells as {@code String[]}. The column
   * maps are copied once, where a {@link #withColumn} per column copies them once per column
   * (quadratic for a table of thousands of columns).
   */
  public Cohort withColumns(List<Variable> columns, List<Object> columnValues) {
    if (columns.size() != columnValues.size()) {
      throw new IllegalArgumentException("one array per column");
    }
    Map<String, Variable> vars = new LinkedHashMap<>(variables);
    Map<String, double[]> vals = new LinkedHashMap<>(values);
    Map<String, String[]> txt = new LinkedHashMap<>(texts);
    for (int i = 0; i < columns.size(); i++) {
      Variable v = columns.get(i);
      Object a = columnValues.get(i);
      if (v.kind() == ValueKind.IDENTIFIER) {
        throw new IllegalArgumentException(v.name() + " is the identifier");
      }
      if (v.kind() == ValueKind.TEXT) {
        String[] cells = (String[]) a;
        checkLength(v, cells.length);
        vals.remove(v.name());
        txt.put(v.name(), cells);
      } else {
        double[] x = (double[]) a;
        checkLength(v, x.length);
        txt.remove(v.name());
        vals.put(v.name(), x);
      }
      vars.put(v.name(), v);
    }
    return new Cohort(source, ids, vars, vals, txt);
  }

  /** The rows at the given indices, in that order (a new cohort; arrays are copied). */
  public Cohort select(int[] rows) {
    String[] newIds = new String[rows.length];
    for (int i = 0; i < rows.length; i++) {
      newIds[i] = ids[rows[i]];
    }
    Map<String, double[]> vals = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : values.entrySet()) {
      double[] src = e.getValue();
      double[] dst = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        dst[i] = src[rows[i]];
      }
      vals.put(e.getKey(), dst);
    }
    Map<String, String[]> txt = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> e : texts.entrySet()) {
      String[] src = e.getValue();
      String[] dst = new String[rows.length];
      for (int i = 0; i < rows.length; i++) {
        dst[i] = src[rows[i]];
      }
      txt.put(e.getKey(), dst);
    }
    return new Cohort(source, newIds, new LinkedHashMap<>(variables), vals, txt);
  }

  /**
   * The text of one cell as it is written to CSV: empty for missing, level names for categories,
   * {@code true}/{@code false} for booleans, integers without a decimal point, other numbers in
   * the shortest form that reads back to the same double.
   */
  public String cell(String name, int row) {
    Variable v = variables.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no column " + name);
    }
    return switch (v.kind()) {
      case IDENTIFIER -> ids[row];
      case TEXT -> {
        String s = texts.get(name)[row];
        yield s == null ? "" : s;
      }
      default -> format(v, values.get(name)[row]);
    };
  }

  /** The text a coded value is written as (see {@link #cell}). */
  public static String format(Variable v, double x) {
    if (Double.isNaN(x)) {
      return "";
    }
    return switch (v.kind()) {
      case CATEGORY, BOOLEAN -> v.levels().get((int) x);
      case INTEGER -> Long.toString((long) x);
      default -> PlainNumber.of(x);
    };
  }

  /** Names of all columns, id first, in output order. */
  public List<String> columnNames() {
    return Collections.unmodifiableList(new ArrayList<>(variables.keySet()));
  }

  private void checkLength(Variable v, int length) {
    if (length != ids.length) {
      throw new IllegalArgumentException(v.name() + ": " + length + " values for "
          + ids.length + " people");
    }
  }

  @Override
  public String toString() {
    return "Cohort[" + source + ", " + ids.length + " people, columns "
        + Arrays.toString(variables.keySet().toArray()) + "]";
  }
}
