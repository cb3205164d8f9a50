package org.backstrat.core.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.core.cohort.ValueKind;
import org.backstrat.core.cohort.Variable;

/** Every cell the generator writes is admissible under the cohort schema, for any seed. */
class SynthRangesProperties {

  private static final CohortSynthesizer SYNTH = CohortSynthesizer.withDefaults();
  private static final List<Variable> COLUMNS = CohortSchema.standard().variables();

  @Property(tries = 60)
  void everyCellIsWithinTheSchema(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int n)
      throws IOException {
    StringWriter w = new StringWriter();
    SYNTH.writeCsv(w, n, seed);
    String[] lines = w.toString().split("\n");
    assertThat(lines).hasSize(n + 1);
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",", -1);
      assertThat(cells).hasSize(COLUMNS.size());
      for (int c = 0; c < cells.length; c++) {
        assertAdmissible(COLUMNS.get(c), cells[c]);
      }
    }
  }

  @Property(tries = 30)
  void theSameSeedGivesTheSameRowsAndTheFileAgreesWithThem(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 200) int n) throws IOException {
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    SYNTH.writeCsv(a, n, seed);
    SYNTH.writeCsv(b, n, seed);
    assertThat(a.toString()).isEqualTo(b.toString());
    int i = 0;
    String[] lines = a.toString().split("\n");
    for (SynthRow row : SYNTH.rows(n, seed)) {
      i++;
      assertThat(lines[i]).startsWith(row.id() + "," + row.sex() + ",")
          .endsWith("," + row.lbpFrequency() + "," + row.lbpBothersomeness() + ","
              + row.stratum());
    }
    assertThat(i).isEqualTo(n);
  }

  private static void assertAdmissible(Variable v, String cell) {
    assertThat(cell).as(v.name()).isNotEmpty();
    if (v.kind() == ValueKind.CATEGORY) {
      assertThat(v.levels()).as(v.name()).contains(cell);
    } else if (v.kind() == ValueKind.INTEGER) {
      assertThat(cell).as(v.name()).matches("\\d+");
      assertThat(Double.parseDouble(cell)).as(v.name()).isBetween(v.min(), v.max());
    } else if (v.kind() == ValueKind.NUMBER) {
      assertThat(Double.parseDouble(cell)).as(v.name()).isBetween(v.min(), v.max());
    } else if (v.name().equals("stratum")) {
      assertThat(cell).isIn("psychosocial", "degenerative", "mixed", "outlier");
    }
  }
}
