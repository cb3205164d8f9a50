package org.backstrat.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortReadResult;
import org.backstrat.core.cohort.CohortReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import mapping: renames, missing tokens, recodes, item columns, totals-only input. */
class ImportMappingTest {
  @TempDir
  Path tmp;

  private static final String SBT = "sbt_1,sbt_2,sbt_3,sbt_4,sbt_5,sbt_6,sbt_7,sbt_8,sbt_9";

  private Path write(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void renamesDeclaresMissingTokensAndRecodesBeforeTheTableIsChecked() throws Exception {
    Path data = write("mine.csv", "Patient,Gender,BMI,smoking," + SBT + "\n"
        + "a,F,27.5,1,0,0,0,0,0,0,0,0,1\n"
        + "b,m,NA,2,1,1,0,0,1,1,1,1,4\n"
        + "c,M,-99.0,.,0,1,0,1,0,1,0,1,2\n");
    ImportMapping m = ImportMapping.parse("""
        {"schema": "backstrat.import-mapping/1",
         "columns": {"patient": "id", "Gender": "sex", "BMI": "bmi"},
         "missing": ["NA", ".", "-99"],
         "recode": {"sex": {"F": "female", "M": "male"},
                    "smoking": {"1": "never", "2": "former", "3": "current"}}}
        """, "m.json");
    CohortReadResult r = m.readCohort(data);
    assertThat(r.errors()).isEmpty();
    Cohort c = r.cohort().orElseThrow();
    assertThat(c.ids()).containsExactly("a", "b", "c");
    assertThat(c.values("sex")).containsExactly(0, 1, 1); // female, male, male (levels order)
    assertThat(c.values("bmi")[0]).isEqualTo(27.5);
    assertThat(c.values("bmi")[1]).isNaN();
    assertThat(c.values("bmi")[2]).isNaN(); // -99.0 matches the token -99
    assertThat(c.values("smoking")[2]).isNaN();
    assertThat(r.warnings()).extracting(InputProblem::message)
        .anyMatch(s -> s.contains("column bmi") && s.contains("2 cells read as missing"))
        .anyMatch(s -> s.contains("column sex") && s.contains("3 cells recoded"));
    // without the mapping the same file is refused
    assertThat(CohortReader.withDefaults().read(data).isValid()).isFalse();
  }

  @Test
  void itemColumnsAreReadAsTheirConstructsStandardColumns() throws Exception {
    Path data = write("items.csv", "id,sex,bmi,smoking,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
        + "a,female,22,never,0,0,0,0,1,0,0,0,4\n");
    ImportMapping m = ImportMapping.parse("""
        {"schema": "backstrat.import-mapping/1", "items": {
          "sbt.leg_pain": "q1", "sbt.shoulder_neck_pain": "q2", "sbt.walking": "q3",
          "sbt.dressing": "q4", "sbt.fear": "q5", "sbt.anxiety": "q6", "sbt.catastrophising": "q7",
          "sbt.depression": "q8", "sbt.bothersomeness": "q9"}}
        """, "items.json");
    CohortReadResult r = m.readCohort(data);
    assertThat(r.errors()).isEmpty();
    assertThat(r.cohort().orElseThrow().values("sbt_9")).containsExactly(4);
  }

  @Test
  void mistakesInTheMappingAreAllReportedWithTheirPlace() {
    assertThatThrownBy(() -> ImportMapping.parse("""
        {"schema": "backstrat.import-mapping/1",
         "columns": {"a": "id", "b": "id"},
         "recode": {"sex": {"F": "woman"}},
         "sheet": 0, "colour": "red"}
        """, "bad.json"))
        .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems())
            .extracting(InputProblem::message)
            .anyMatch(s -> s.contains("columns.b") && s.contains("fills id already"))
            .anyMatch(s -> s.contains("recode.sex.F") && s.contains("female, male"))
            .anyMatch(s -> s.contains("sheet"))
            .anyMatch(s -> s.contains("colour"))
            .noneMatch(s -> s.contains("expected expected")));
    assertThatThrownBy(() -> ImportMapping.parse("""
        {"schema": "backstrat.instrument-mapping/1", "items": {"sbt.mood": "q8"}}
        """, "old.json"))
        .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems())
            .extracting(InputProblem::message).isNotEmpty()
            .noneMatch(s -> s.contains("expected expected")));
    assertThatThrownBy(() -> ImportMapping.parse("{not json", "broken.json"))
        .hasMessageContaining("broken.json").hasMessageContaining("an import mapping in JSON")
        .hasMessageNotContaining("expected expected");
  }

  @Test
  void aTotalsOnlyQuestionnaireIsAcceptedWithANoteThatItemsCouldNotBeChecked() throws Exception {
    Path data = write("totals.csv", "id,sex,bmi,smoking,sbt_total,sbt_psychosocial\n"
        + "a,female,22,never,5,3\nb,male,30,current,2,0\n");
    CohortReadResult r = CohortReader.withDefaults().read(data);
    assertThat(r.errors()).isEmpty();
    assertThat(r.cohort().orElseThrow().values("sbt_total")).containsExactly(5, 2);
    assertThat(r.warnings()).extracting(InputProblem::message)
        .anyMatch(s -> s.contains("item-level checks were not possible"));
  }

  @Test
  void totalsThatContradictEachOtherAreRefusedByRow() throws Exception {
    Path data = write("bad-totals.csv", "id,sex,bmi,smoking,sbt_total,sbt_psychosocial\n"
        + "a,female,22,never,2,3\nb,male,30,current,9,5\n");
    CohortReadResult r = CohortReader.withDefaults().read(data);
    assertThat(r.errors()).singleElement().extracting(InputProblem::message).asString()
        .contains("row 2").contains("sbt_psychosocial");
  }
}
