package org.backstrat.analysis.describe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.backstrat.analysis.stats.NumericSummary;
import org.backstrat.analysis.stats.StratumComparison;
import org.backstrat.analysis.stats.VariableScale;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.ValueKind;
import org.backstrat.core.cohort.Variable;

/**
 * Table 1 by stratum, laid out as R tableone / gtsummary print it: an overall column and one
 * column per stratum with its n; categorical variables (sex, smoking, risk groups, the outcome)
 * as n (%) of the people with a value, one row per level, never as means of codes; numeric and
 * ordinal variables as median [Q1, Q3] (type-7 quartiles); the number missing; and a
 * between-stratum test with its name (Kruskal–Wallis; chi-square, or Fisher–Freeman–Halton when
 * expected counts are small). Variables the clustering used are marked "descriptive (used for
 * clustering)": their p-values are printed but not inferential, since the same data chose the
 * strata. Everyone described was kept by the clustering (trimmed outliers are in no column).
 */
public final class TableOne {
  /** The mark of variables that defined the strata. */
  public static final String DESCRIPTIVE = "descriptive (used for clustering)";

  private final List<String> columns;
  private final int[] n;
  private final List<Row> rows;

  private TableOne(List<String> columns, int[] n, List<Row> rows) {
    this.columns = List.copyOf(columns);
    this.n = n.clone();
    this.rows = List.copyOf(rows);
  }

  /**
   * One line of the table.
   *
   * @param variable the variable
   * @param level the level for a categorical line, "" for a numeric one or a variable heading
   * @param statistic "n (%)" or "median [Q1, Q3]" ("" on a categorical heading line)
   * @param cells overall first, then one per stratum ("" on a categorical heading line)
   * @param missing people without a value (on the first line of a variable)
   * @param p the test's p-value (on the first line of a variable; NaN when none)
   * @param test the test's name ("" when none)
   * @param usedForClustering whether the variable defined the strata
   */
  public record Row(String variable, String level, String statistic, List<String> cells,
                    int missing, double p, String test, boolean usedForClustering) {
    public Row {
      cells = List.copyOf(cells);
    }

    /** How to read the p-value: "descriptive (used for clustering)" or "". */
    public String note() {
      return usedForClustering ? DESCRIPTIVE : "";
    }
  }

  /** Column headings: "Overall", then the strata. */
  public List<String> columns() {
    return columns;
  }

  /** n of every column, overall first. */
  public int[] n() {
    return n.clone();
  }

  /** The lines. */
  public List<Row> rows() {
    return rows;
  }

  /**
   * Builds the table.
   *
   * @param cohort the scored cohort
   * @param cohortRows the cohort row of each person described
   * @param strata their stratum, 0-based
   * @param labels stratum names, in stratum order
   * @param variables the variables, in table order; absent ones are skipped
   * @param clustering the variables the clustering used
   */
  public static TableOne of(Cohort cohort, int[] cohortRows, int[] strata, List<String> labels,
                            List<String> variables, Set<String> clustering) {
    int k = labels.size();
    int[] n = new int[k + 1];
    n[0] = cohortRows.length;
    for (int s : strata) {
      n[s + 1]++;
    }
    List<String> cols = new ArrayList<>();
    cols.add("Overall");
    for (int c = 0; c < k; c++) {
      cols.add((c + 1) + " " + labels.get(c));
    }
    StratumComparison comparison = StratumComparison.withDefaults();
    List<Row> rows = new ArrayList<>();
    for (String name : variables) {
      if (!cohort.has(name)) {
        continue;
      }
      Variable v = cohort.variable(name).orElseThrow();
      double[] all = cohort.values(name);
      double[] x = new double[cohortRows.length];
      int missing = 0;
      for (int i = 0; i < x.length; i++) {
        x[i] = all[cohortRows[i]];
        missing += Double.isNaN(x[i]) ? 1 : 0;
      }
      boolean categorical = v.kind() == ValueKind.CATEGORY || v.kind() == ValueKind.BOOLEAN;
      VariableScale scale = categorical ? VariableScale.CATEGORICAL
          : v.kind() == ValueKind.INTEGER ? VariableScale.ORDINAL : VariableScale.NUMERIC;
      double p = Double.NaN;
      String test = "";
      try {
        StratumComparison.TestRow t = comparison.test(name, scale, x, strata);
        p = t.p();
        test = Double.isNaN(p) ? "" : t.test().label();
      } catch (RuntimeException e) {
        // a variable without two non-empty strata or levels gets no test
      }
      boolean used = clustering.contains(name);
      if (categorical) {
        List<String> levels = v.kind() == ValueKind.BOOLEAN ? List.of("no", "yes") : v.levels();
        rows.add(new Row(name, "", "n (%)", List.of(), missing, p, test, used));
        for (int level = 0; level < levels.size(); level++) {
          if (v.kind() == ValueKind.BOOLEAN && level == 0) {
            continue; // a yes/no variable is shown by its "yes" line, as tableone does
          }
          List<String> cells = new ArrayList<>();
          for (int col = 0; col <= k; col++) {
            int count = 0;
            int known = 0;
            for (int i = 0; i < x.length; i++) {
              if (col == 0 || strata[i] == col - 1) {
                if (!Double.isNaN(x[i])) {
                  known++;
                  count += (int) x[i] == level ? 1 : 0;
                }
              }
            }
            cells.add(known == 0 ? "–" : count + " (" + String.format(Locale.ROOT, "%.1f",
                100.0 * count / known) + ")");
          }
          rows.add(new Row(name, levels.get(level), "", cells, 0, Double.NaN, "", used));
        }
      } else {
        List<String> cells = new ArrayList<>();
        for (int col = 0; col <= k; col++) {
          double[] vals = new double[x.length];
          int m = 0;
          for (int i = 0; i < x.length; i++) {
            if ((col == 0 || strata[i] == col - 1) && !Double.isNaN(x[i])) {
              vals[m++] = x[i];
            }
          }
          if (m == 0) {
            cells.add("–");
            continue;
          }
          NumericSummary s = NumericSummary.of(java.util.Arrays.copyOf(vals, m));
          int d = decimals(v, s);
          cells.add(fmt(s.median(), d) + " [" + fmt(s.q1(), d) + ", " + fmt(s.q3(), d) + "]");
        }
        rows.add(new Row(name, "", "median [Q1, Q3]", cells, missing, p, test, used));
      }
    }
    return new TableOne(cols, n, rows);
  }

  private static int decimals(Variable v, NumericSummary s) {
    if (v.kind() == ValueKind.INTEGER) {
      return s.median() == Math.rint(s.median()) && s.q1() == Math.rint(s.q1())
          && s.q3() == Math.rint(s.q3()) ? 0 : 1;
    }
    return 1;
  }

  private static String fmt(double x, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", x);
  }
}
