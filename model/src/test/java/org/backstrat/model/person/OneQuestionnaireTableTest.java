package org.backstrat.model.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.model.AssignedRow;
import org.backstrat.model.FrozenModel;
import org.backstrat.model.StratumAssigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table that answered one questionnaire only, assigned with a model that has both variants.
 * Before issue 12 the whole table was refused ("column ompsq_pain: expected for the ompsq
 * variant's features"); now each variant the data allow is assigned and the other gives every
 * person a reason. (A table no variant can use is still refused: StratumAssignerTest.)
 */
class OneQuestionnaireTableTest {
  @TempDir
  Path tmp;

  private static final String SBT_ONLY = """
      id,sex,age,bmi,smoking,sbt_1,sbt_2,sbt_3,sbt_4,sbt_5,sbt_6,sbt_7,sbt_8,sbt_9,\
      pfirrmann_l1l2,pfirrmann_l2l3,pfirrmann_l3l4,pfirrmann_l4l5,pfirrmann_l5s1,\
      facet_angle_l3l4_left,facet_angle_l3l4_right,facet_angle_l4l5_left,\
      facet_angle_l4l5_right,facet_angle_l5s1_left,facet_angle_l5s1_right
      b1,female,47,28.3,never,0,0,0,0,0,0,0,0,0,3,2,3,3,2,39.8,28.6,44.9,35.6,39.7,55.6
      b2,male,46,24.0,current,1,0,1,0,1,1,1,1,4,1,1,2,2,2,40,41,45,46,50,51
      """;

  @Test
  void aTableWithTheStartBackToolOnlyIsAssignedInTheSbtVariant() {
    FrozenModel model = FixtureModel.model(tmp);
    Cohort scored = FixtureModel.scored("sbt-only.csv", SBT_ONLY, model);
    List<AssignedRow> rows = StratumAssigner.assign(model, scored);
    assertThat(rows).hasSize(4);
    assertThat(rows.subList(0, 2)).allMatch(r -> r.variant().equals("sbt") && r.assigned());
    assertThat(rows.subList(2, 4)).allMatch(r -> r.variant().equals("ompsq") && !r.assigned());
    assertThat(rows.get(2).reason()).isEqualTo("missing ompsq_pain ompsq_function "
        + "ompsq_distress ompsq_rtw ompsq_fear");
  }

  @Test
  void aTableWithoutImagingColumnsGetsTheFallbackInTheSbtVariant() {
    FrozenModel model = FixtureModel.model(tmp);
    String noImagingColumns = "id,sex,bmi,smoking,sbt_1,sbt_2,sbt_3,sbt_4,sbt_5,sbt_6,sbt_7,"
        + "sbt_8,sbt_9\nc1,female,25,never,0,0,0,0,0,0,0,0,0\n";
    Cohort scored = FixtureModel.scored("none.csv", noImagingColumns, model);
    List<AssignedRow> rows = StratumAssigner.assign(model, scored);
    assertThat(rows.get(0).placement().orElseThrow().basis())
        .isEqualTo(org.backstrat.model.Placement.Basis.FALLBACK);
    assertThat(rows.get(0).reason()).isEqualTo("fallback: missing dd_sum ft_max");
    assertThat(rows.get(1).assigned()).isFalse();
  }

}
