package org.backstrat.analysis.describe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.Variable;
import org.junit.jupiter.api.Test;

class TableOneTest {

  private static Cohort cohort() {
    List<String> ids = List.of("a", "b", "c", "d", "e", "f");
    return Cohort.of("t.csv", ids)
        .withColumn(Variable.category("sex", "sex", "female", "male"),
            new double[] {0, 1, 1, 0, 1, Double.NaN})
        .withColumn(Variable.category("smoking", "smoking", "never", "former", "current"),
            new double[] {0, 0, 2, 1, 2, 2})
        .withColumn(Variable.number("age", 0, 120, "years", "age"),
            new double[] {30, 40, 50, 60, 70, 80});
  }

  @Test
  void categoricalVariablesAreCountsAndPercentagesOfTheirLabelsNotMeansOfCodes() {
    TableOne t = TableOne.of(cohort(), new int[] {0, 1, 2, 3, 4, 5}, new int[] {0, 0, 0, 1, 1, 1},
        List.of("first", "second"), List.of("age", "sex", "smoking", "absent"), Set.of("sex"));
    assertThat(t.columns()).containsExactly("Overall", "1 first", "2 second");
    assertThat(t.n()).containsExactly(6, 3, 3);
    List<TableOne.Row> rows = t.rows();
    // age: median [Q1, Q3] (type 7) overall and per stratum
    assertThat(rows.get(0).cells()).containsExactly("55.0 [42.5, 67.5]", "40.0 [35.0, 45.0]",
        "70.0 [65.0, 75.0]");
    assertThat(rows.get(0).test()).isEqualTo("kruskal-wallis");
    assertThat(rows.get(0).note()).isEmpty();
    // sex: heading line, then one line per label; percentages of those with a value
    assertThat(rows.get(1).variable()).isEqualTo("sex");
    assertThat(rows.get(1).missing()).isEqualTo(1);
    assertThat(rows.get(1).note()).isEqualTo(TableOne.DESCRIPTIVE);
    assertThat(rows.get(2).level()).isEqualTo("female");
    assertThat(rows.get(2).cells()).containsExactly("2 (40.0)", "1 (33.3)", "1 (50.0)");
    assertThat(rows.get(3).level()).isEqualTo("male");
    assertThat(rows.get(3).cells()).containsExactly("3 (60.0)", "2 (66.7)", "1 (50.0)");
    assertThat(rows.get(4).variable()).isEqualTo("smoking");
    assertThat(rows.subList(5, 8)).extracting(TableOne.Row::level)
        .containsExactly("never", "former", "current");
    assertThat(rows).hasSize(8); // the absent variable is skipped
  }
}
