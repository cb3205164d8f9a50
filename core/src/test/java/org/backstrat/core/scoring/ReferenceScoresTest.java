package org.backstrat.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.ValueKind;
import org.backstrat.core.cohort.Variable;
import org.junit.jupiter.api.Test;

/**
 * Compares every derived cell with the independent Python reference scorer
 * (src/test/resources/reference/scoring/score_reference.py, which documents its command):
 * thousands of random response rows with all boundaries and missing cells.
 */
class ReferenceScoresTest {

  private static final String DIR = "/reference/scoring/";

  @Test
  void everyDerivedCellMatchesThePythonReference() {
    CsvCohorts.Fixture f = CsvCohorts.read(DIR + "reference_scores.csv", derivedNames());
    assertThat(f.cohort().size()).isGreaterThan(3000);

    ScoringResult result = CohortScorer.withDefaults().score(f.cohort());

    assertThat(result.skipped()).isEmpty();
    assertThat(f.expected().keySet()).containsExactlyElementsOf(derivedNamesInOrder());
    assertSameCells(result.cohort(), f);
  }

  @Test
  void shuffledItemsUnderCustomNamesMatchThePythonReferenceThroughTheMapping()
      throws IOException {
    String json;
    try (InputStream in = getClass().getResourceAsStream(DIR + "reference_mapping.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    InstrumentMapping mapping = InstrumentMapping.parse(json, "reference_mapping.json");
    CsvCohorts.Fixture f = CsvCohorts.read(DIR + "reference_scores_mapped.csv",
        derivedNames());

    ScoringResult result = CohortScorer.withDefaults().withMapping(mapping).score(f.cohort());

    assertThat(result.scored()).containsExactly(ScoreGroup.SBT, ScoreGroup.OMPSQ);
    assertThat(f.expected()).hasSize(10);
    assertSameCells(result.cohort(), f);
  }

  private static void assertSameCells(Cohort scored, CsvCohorts.Fixture f) {
    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    for (var e : f.expected().entrySet()) {
      String name = e.getKey();
      Variable v = scored.variable(name).orElseThrow();
      List<String> want = e.getValue();
      for (int i = 0; i < want.size(); i++) {
        boolean same;
        if (v.kind() == ValueKind.NUMBER) {
          // exact: the reference computes in decimal, the product rounds to 1e-6 degrees
          double got = scored.values(name)[i];
          same = want.get(i).isEmpty() ? Double.isNaN(got)
              : got == Double.parseDouble(want.get(i));
        } else {
          same = scored.cell(name, i).equals(want.get(i));
        }
        if (!same) {
          mismatches.add(scored.id(i) + " " + name + ": got \"" + scored.cell(name, i)
              + "\", reference \"" + want.get(i) + "\"");
        }
        compared++;
      }
    }
    assertThat(compared).isEqualTo(f.expected().size() * scored.size());
    assertThat(mismatches).isEmpty();
  }

  private static Set<String> derivedNames() {
    return new HashSet<>(derivedNamesInOrder());
  }

  private static List<String> derivedNamesInOrder() {
    return ScoreGroup.allDerived().stream().map(Variable::name).toList();
  }
}
