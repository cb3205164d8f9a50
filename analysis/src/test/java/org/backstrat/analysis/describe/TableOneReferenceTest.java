package org.backstrat.analysis.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backstrat.analysis.validation.SharedTestData;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.Variable;
import org.junit.jupiter.api.Test;

/**
 * Table 1 on real data against base R (reference/describe/table_one_heymans.R): the Heymans
 * low-back-pain example grouped by Carrying; medians and quartiles (type 7), counts and
 * percentages of those with a value, missing counts and the Kruskal-Wallis / chi-square p.
 */
class TableOneReferenceTest {

  private static final List<String> NUMERIC = List.of("age", "bmi", "pain", "tampascale");
  private static final List<String> CATEGORICAL = List.of("gender", "smoking", "chronic",
      "radiation");

  @Test
  void tableOneMatchesBaseROnTheHeymansData() throws IOException {
    List<String> lines = Files.readAllLines(
        SharedTestData.file("heymans_lbp_example/lbp_orig_159x15.csv"));
    List<String> header = List.of(lines.get(0).replace("\"", "").toLowerCase(java.util.Locale.ROOT).split(","));
    List<String[]> data = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      data.add(l.split(",", -1));
    }
    // names as the cohort wants them (lower case); the R fixture's are matched the same way
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      ids.add("p" + i);
    }
    Cohort cohort = Cohort.of("heymans.csv", ids);
    for (String v : header) {
      double[] x = new double[data.size()];
      int j = header.indexOf(v);
      for (int i = 0; i < x.length; i++) {
        String s = data.get(i)[j].trim();
        x[i] = s.isEmpty() || s.equals("NA") ? Double.NaN : Double.parseDouble(s);
      }
      Variable var = CATEGORICAL.contains(v) ? Variable.category(v, v, "0", "1")
          : Variable.number(v, -1e9, 1e9, "", v);
      cohort = cohort.withColumn(var, x);
    }
    double[] carrying = cohort.values("carrying");
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < carrying.length; i++) {
      if (!Double.isNaN(carrying[i])) {
        rows.add(i);
      }
    }
    int[] cohortRows = rows.stream().mapToInt(Integer::intValue).toArray();
    int[] strata = new int[cohortRows.length];
    for (int i = 0; i < strata.length; i++) {
      strata[i] = (int) carrying[cohortRows[i]] - 1;
    }
    List<String> variables = new ArrayList<>(NUMERIC);
    variables.addAll(CATEGORICAL);
    TableOne t = TableOne.of(cohort, cohortRows, strata, List.of("one", "two", "three"),
        variables, Set.of("bmi"));

    Map<String, double[]> ref = new HashMap<>();
    List<String> refLines = SharedTestData.resourceLines("/reference/describe/table_one_heymans.csv");
    for (String l : refLines.subList(1, refLines.size())) {
      String[] f = l.replace("\"", "").split(",", -1);
      ref.put(f[0].toLowerCase(java.util.Locale.ROOT) + "/" + f[1] + "/" + f[2], new double[] {num(f[3]), num(f[4]), num(f[5])});
    }
    String[] columns = {"overall", "1", "2", "3"};
    int checked = 0;
    for (TableOne.Row r : t.rows()) {
      String key = r.variable() + "/" + (r.level().isEmpty() ? "" : r.level());
      if (r.level().isEmpty()) {
        assertThat((double) r.missing()).as(key + " missing").isEqualTo(ref.get(key + "/missing")[0]);
        assertThat(r.test()).isEqualTo(NUMERIC.contains(r.variable()) ? "kruskal-wallis" : "chi-square");
        assertThat(r.p()).as(key + " p").isCloseTo(ref.get(key + "/p")[0],
            within(1e-9 * Math.max(1e-3, ref.get(key + "/p")[0])));
        checked++;
      }
      if (r.cells().isEmpty()) {
        continue;
      }
      for (int c = 0; c < columns.length; c++) {
        double[] want = ref.get(key + "/" + columns[c]);
        String cell = r.cells().get(c);
        if (NUMERIC.contains(r.variable())) {
          String[] got = cell.replace("[", "").replace("]", "").replace(",", "").split(" ");
          for (int q = 0; q < 3; q++) {
            assertThat(Double.parseDouble(got[q])).as(key + " " + columns[c] + " " + cell)
                .isCloseTo(want[q], within(0.05 + 1e-9));
          }
        } else {
          String[] got = cell.replace("(", "").replace(")", "").split(" ");
          assertThat(Double.parseDouble(got[0])).as(key + " " + columns[c]).isEqualTo(want[0]);
          assertThat(Double.parseDouble(got[1])).as(key + " " + columns[c] + " %")
              .isCloseTo(want[1], within(0.05 + 1e-9));
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(8 + 4 * 4 + 4 * 2 * 4);
    assertThat(t.rows().get(NUMERIC.indexOf("bmi")).note()).isEqualTo(TableOne.DESCRIPTIVE);
  }

  private static double num(String s) {
    return s.isEmpty() || s.equals("NA") ? Double.NaN : Double.parseDouble(s);
  }
}
