package org.backstrat.model.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.backstrat.core.BadInputException;
import org.backstrat.core.InputProblem;
import org.backstrat.core.cohort.CohortSchema;
import org.junit.jupiter.api.Test;

/** One person's fields are checked one by one, and every problem names its field. */
class PersonRecordTest {

  static PersonRecord.Builder sbtOnly(String id) {
    PersonRecord.Builder b = PersonRecord.builder(id).category("sex", "female")
        .number("bmi", 26).category("smoking", "never");
    for (int i = 1; i <= 8; i++) {
      b.number("sbt_" + i, i % 2);
    }
    return b.number("sbt_9", 3);
  }

  private static List<InputProblem> problems(PersonRecord.Builder b) {
    try {
      b.build();
    } catch (BadInputException e) {
      return e.problems();
    }
    throw new AssertionError("expected the person to be refused");
  }

  @Test
  void aPersonWithOneQuestionnaireIsAccepted() {
    PersonRecord p = sbtOnly("p1").build();
    assertThat(p.has(CohortSchema.Group.SBT)).isTrue();
    assertThat(p.has(CohortSchema.Group.OMPSQ)).isFalse();
    assertThat(p.toCohort().has("sbt_9")).isTrue();
    assertThat(p.toCohort().has("ompsq_1")).isFalse();
    assertThat(p.toCohort().values("smoking")[0]).isZero();
  }

  @Test
  void everyBadFieldIsNamedWithItsValueAndWhatWasExpected() {
    List<InputProblem> ps = problems(sbtOnly("p1").number("sbt_5", 2).number("bmi", 9)
        .category("sex", "x").number("age", Double.NaN).number("pfirrmann_l4l5", 3.5));
    assertThat(ps).extracting(InputProblem::column)
        .contains("sbt_5", "bmi", "sex", "age", "pfirrmann_l4l5");
    InputProblem sbt5 = ps.stream().filter(p -> p.column().equals("sbt_5")).findFirst()
        .orElseThrow();
    assertThat(sbt5.value()).isEqualTo("2");
    assertThat(sbt5.expected()).isEqualTo("a whole number from 0 to 1");
  }

  @Test
  void aPartialGroupNamesEachMissingItem() {
    List<InputProblem> ps = problems(sbtOnly("p1").number("pfirrmann_l4l5", 3)
        .number("ompsq_1", 2));
    assertThat(ps).extracting(InputProblem::column).contains("pfirrmann_l1l2",
        "pfirrmann_l5s1", "ompsq_2", "ompsq_10").doesNotContain("pfirrmann_l4l5", "sbt_1");
  }

  @Test
  void requiredDemographicsAndAQuestionnaireAreAskedFor() {
    List<InputProblem> ps = problems(PersonRecord.builder("p1"));
    assertThat(ps).extracting(InputProblem::column).contains("sex", "bmi", "smoking",
        "sbt_1..sbt_9 or ompsq_1..ompsq_10");
  }

  @Test
  void unknownFieldsAndTypeMixupsAreRefused() {
    assertThat(problems(sbtOnly("p1").number("stratum", 1).number("sex", 1)
        .category("bmi", "high"))).extracting(InputProblem::column)
        .contains("stratum", "sex", "bmi");
  }

  @Test
  void aBlankIdIsRefused() {
    assertThatThrownBy(() -> sbtOnly(" ").build()).isInstanceOf(BadInputException.class)
        .hasMessageContaining("person_id");
  }
}
