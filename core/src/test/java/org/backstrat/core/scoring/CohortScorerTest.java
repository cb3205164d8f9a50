package org.backstrat.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.ValueKind;
import org.backstrat.core.cohort.Variable;
import org.junit.jupiter.api.Test;

/** The score stage on whole cohorts: columns appended, groups skipped, bad input refused. */
class CohortScorerTest {

  private static final String SBT_HEADER = "sbt_1,sbt_2,sbt_3,sbt_4,sbt_5,sbt_6,sbt_7,sbt_8,sbt_9";
  private static final String OMPSQ_HEADER =
      "ompsq_1,ompsq_2,ompsq_3,ompsq_4,ompsq_5,ompsq_6,ompsq_7,ompsq_8,ompsq_9,ompsq_10";
  private static final String DD_HEADER =
      "pfirrmann_l1l2,pfirrmann_l2l3,pfirrmann_l3l4,pfirrmann_l4l5,pfirrmann_l5s1";
  private static final String FT_HEADER = "facet_angle_l3l4_left,facet_angle_l3l4_right,"
      + "facet_angle_l4l5_left,facet_angle_l4l5_right,facet_angle_l5s1_left,"
      + "facet_angle_l5s1_right";
  private static final String OUTCOME_HEADER = "lbp_frequency,lbp_bothersomeness";

  /** Two people with every raw column; the second has some missing cells. */
  private static Cohort full() {
    return CsvCohorts.of("c.csv",
        "id,sex," + SBT_HEADER + "," + OMPSQ_HEADER + "," + DD_HEADER + "," + FT_HEADER + ","
            + OUTCOME_HEADER + ",notes",
        "a,female,1,1,0,0,1,1,1,1,3," + "1,2,3,4,5,6,7,8,9,10," + "1,2,3,4,5,"
            + "40,43,50,58,35,35.5," + "3,7,hello",
        "b,male,0,0,0,0,0,0,0,0,," + "5,5,5,5,5,5,5,5,5,," + "1,1,,1,1,"
            + "40,,50,50,35,35," + "2,,");
  }

  @Test
  void appendsEveryDerivedColumnNamedAsInTheDesign() {
    Cohort scored = CohortScorer.withDefaults().score(full()).cohort();
    List<String> names = scored.columnNames();
    List<String> expected = List.of("sbt_total", "sbt_psychosocial", "sbt_risk", "ompsq_total",
        "ompsq_high_risk", "ompsq_pain", "ompsq_function", "ompsq_distress", "ompsq_rtw",
        "ompsq_fear", "dd_sum", "dd_max", "dd_n_degenerated", "ft_l3l4", "ft_l4l5", "ft_l5s1",
        "ft_max", "ft_any_7", "ft_any_10", "lbp_bothersome_frequent");
    assertThat(names.subList(names.size() - expected.size(), names.size()))
        .containsExactlyElementsOf(expected);
    assertThat(ScoreGroup.allDerived().stream().map(Variable::name).toList())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void derivedColumnsHaveKindsRangesAndUnits() {
    Cohort scored = CohortScorer.withDefaults().score(full()).cohort();
    Variable risk = scored.variable("sbt_risk").orElseThrow();
    assertThat(risk.kind()).isEqualTo(ValueKind.CATEGORY);
    assertThat(risk.levels()).containsExactly("low", "medium", "high");
    Variable total = scored.variable("ompsq_total").orElseThrow();
    assertThat(total.kind()).isEqualTo(ValueKind.INTEGER);
    assertThat(total.min()).isEqualTo(1);
    assertThat(total.max()).isEqualTo(100);
    assertThat(scored.variable("ompsq_pain").orElseThrow().min()).isEqualTo(1);
    assertThat(scored.variable("ompsq_fear").orElseThrow().max()).isEqualTo(20);
    assertThat(scored.variable("ft_max").orElseThrow().unit()).isEqualTo("degrees");
    assertThat(scored.variable("ft_any_7").orElseThrow().kind()).isEqualTo(ValueKind.BOOLEAN);
    assertThat(scored.variable("dd_sum").orElseThrow().max()).isEqualTo(25);
    for (Variable v : ScoreGroup.allDerived()) {
      assertThat(v.meaning()).as(v.name()).isNotBlank();
    }
  }

  @Test
  void scoresEachPersonAndLeavesMissingScoresEmpty() {
    Cohort s = CohortScorer.withDefaults().score(full()).cohort();
    assertThat(row(s, 0, "sbt_total", "sbt_psychosocial", "sbt_risk"))
        .containsExactly("7", "5", "high");
    assertThat(row(s, 1, "sbt_total", "sbt_psychosocial", "sbt_risk"))
        .containsExactly("", "", "");
    assertThat(row(s, 0, "ompsq_total", "ompsq_high_risk", "ompsq_pain", "ompsq_function",
        "ompsq_distress", "ompsq_rtw", "ompsq_fear")).containsExactly("55", "true", "3", "13",
        "11", "9", "19");
    assertThat(row(s, 1, "ompsq_total", "ompsq_high_risk", "ompsq_pain", "ompsq_fear"))
        .containsExactly("", "", "10", "");
    assertThat(row(s, 0, "dd_sum", "dd_max", "dd_n_degenerated")).containsExactly("15", "5", "2");
    assertThat(row(s, 1, "dd_sum", "dd_max", "dd_n_degenerated")).containsExactly("", "", "");
    assertThat(row(s, 0, "ft_l3l4", "ft_l4l5", "ft_l5s1", "ft_max", "ft_any_7", "ft_any_10"))
        .containsExactly("3", "8", "0.5", "8", "true", "false");
    assertThat(row(s, 1, "ft_l3l4", "ft_l4l5", "ft_l5s1", "ft_max", "ft_any_7"))
        .containsExactly("", "0", "0", "", "");
    assertThat(row(s, 0, "lbp_bothersome_frequent")).containsExactly("true");
    assertThat(row(s, 1, "lbp_bothersome_frequent")).containsExactly("");
  }

  private static List<String> row(Cohort c, int i, String... columns) {
    List<String> out = new ArrayList<>();
    for (String name : columns) {
      out.add(c.cell(name, i));
    }
    return out;
  }

  @Test
  void inputColumnsAndExtrasAreCarriedThroughUnchanged() {
    Cohort in = full();
    Cohort out = CohortScorer.withDefaults().score(in).cohort();
    assertThat(out.columnNames().subList(0, in.columnNames().size()))
        .containsExactlyElementsOf(in.columnNames());
    assertThat(out.cell("notes", 0)).isEqualTo("hello");
    assertThat(out.cell("sex", 1)).isEqualTo("male");
    assertThat(out.ids()).containsExactly("a", "b");
  }

  @Test
  void groupsWithoutRawColumnsAreSkippedAndReported() {
    Cohort onlySbt = CsvCohorts.of("c.csv", "id," + SBT_HEADER, "a,1,1,1,1,0,0,0,0,0");
    ScoringResult r = CohortScorer.withDefaults().score(onlySbt);
    assertThat(r.scored()).containsExactly(ScoreGroup.SBT);
    assertThat(r.skipped()).extracting(SkippedGroup::group).containsExactly(ScoreGroup.OMPSQ,
        ScoreGroup.DISC_DEGENERATION, ScoreGroup.FACET_TROPISM, ScoreGroup.LBP_OUTCOME);
    assertThat(r.skipped().get(2).absentColumns()).hasSize(6);
    assertThat(r.skipped().get(2).message()).contains("facet tropism", "facet_angle_l5s1_right");
    assertThat(r.cohort().has("ft_max")).isFalse();
    assertThat(r.cohort().cell("sbt_risk", 0)).isEqualTo("medium");
  }

  @Test
  void groupWithSomeColumnsAbsentIsRefusedNamingEachAbsentColumn() {
    Cohort partial = CsvCohorts.of("c.csv", "id,sbt_1,sbt_2,sbt_3,sbt_4,sbt_5,sbt_6,sbt_7",
        "a,1,1,1,1,0,0,0");
    assertThat(Problems.of(() -> CohortScorer.withDefaults().score(partial)))
        .containsExactly("c.csv: column sbt_8: expected this column, since the other columns of "
                + "the STarT Back Tool scores are present and the scores need all of them; it is "
                + "missing",
            "c.csv: column sbt_9: expected this column, since the other columns of the STarT "
                + "Back Tool scores are present and the scores need all of them; it is missing");
  }

  @Test
  void outOfRangeCellsAreAllRefusedWithSpreadsheetRowAndColumn() {
    Cohort bad = CsvCohorts.of("c.csv", "id," + SBT_HEADER + "," + DD_HEADER,
        "a,1,1,1,1,0,0,0,0,5,1,1,1,1,1",
        "b,1,1,1,1,0,0,0,0,0,1,1,1,1,1",
        "c,1,1,1,1,0,0,0,0,0,1,1,1,0,1");
    assertThat(Problems.of(() -> CohortScorer.withDefaults().score(bad))).containsExactly(
        "c.csv: row 2, column sbt_9: value \"5\": expected a whole number from 0 to 4",
        "c.csv: row 4, column pfirrmann_l4l5: value \"0\": expected a whole number from 1 to 5");
  }

  @Test
  void fractionalItemAnswerIsRefused() {
    Cohort bad = CsvCohorts.of("c.csv", "id," + OUTCOME_HEADER, "a,2.5,3");
    assertThat(Problems.of(() -> CohortScorer.withDefaults().score(bad))).singleElement()
        .asString().contains("row 2", "lbp_frequency", "2.5", "whole number from 0 to 4");
  }

  @Test
  void textColumnsNamedByAMappingAreParsedAsNumbers() {
    InstrumentMapping mapping = sbtMapping("q");
    Cohort in = CsvCohorts.of("c.csv", "id,q1,q2,q3,q4,q5,q6,q7,q8,q9",
        "a,1,1,0,0,1,1,1,1, 3 ", "b,0,0,0,0,0,0,0,0,");
    assertThat(in.variable("q9").orElseThrow().kind()).isEqualTo(ValueKind.TEXT);
    Cohort out = CohortScorer.withDefaults().withMapping(mapping).score(in).cohort();
    assertThat(row(out, 0, "sbt_total", "sbt_psychosocial", "sbt_risk"))
        .containsExactly("7", "5", "high");
    assertThat(row(out, 1, "sbt_total", "sbt_psychosocial")).containsExactly("", "");
  }

  @Test
  void nonNumericTextInAMappedColumnIsRefused() {
    Cohort in = CsvCohorts.of("c.csv", "id,q1,q2,q3,q4,q5,q6,q7,q8,q9",
        "a,1,1,0,0,1,1,1,1,very much");
    assertThat(Problems.of(() -> CohortScorer.withDefaults().withMapping(sbtMapping("q"))
        .score(in))).containsExactly("c.csv: row 2, column q9: value \"very much\": expected "
            + "a whole number from 0 to 4 (sbt.bothersomeness, mapped by m.json)");
  }

  @Test
  void columnsDeclaredByAMappingMustExist() {
    Cohort in = CsvCohorts.of("c.csv", "id," + SBT_HEADER, "a,1,1,1,1,0,0,0,0,0");
    List<String> p = Problems.of(() -> CohortScorer.withDefaults().withMapping(sbtMapping("q"))
        .score(in));
    assertThat(p).hasSize(9);
    assertThat(p.get(0)).isEqualTo("c.csv: column q1: expected this column, which the "
        + "instrument mapping m.json maps an item of the STarT Back Tool scores to; it is missing");
  }

  @Test
  void aColumnCannotFeedTwoInstruments() {
    // SBT mapped onto ompsq_1..9 while the ÖMPSQ keeps its published columns
    InstrumentMapping m = sbtMapping("ompsq_");
    Cohort in = CsvCohorts.of("c.csv", "id," + OMPSQ_HEADER, "a,1,1,1,1,1,1,1,1,1,1");
    List<String> p = Problems.of(() -> CohortScorer.withDefaults().withMapping(m).score(in));
    assertThat(p).hasSize(9).first().asString().contains("ompsq_1", "used by both");
  }

  @Test
  void categoryColumnCannotHoldItems() {
    InstrumentMapping m = InstrumentMapping.parse(sbtJson("q").replace("\"q9\"", "\"sex\""),
        "m.json");
    Cohort in = CsvCohorts.of("c.csv", "id,q1,q2,q3,q4,q5,q6,q7,q8", "a,1,1,1,1,1,1,1,1")
        .withColumn(Variable.category("sex", "sex", "female", "male"), new double[] {1});
    assertThat(Problems.of(() -> CohortScorer.withDefaults().withMapping(m).score(in)))
        .singleElement().asString().contains("column sex", "category");
  }

  @Test
  void outcomeThresholdsComeFromTheOptions() {
    Cohort in = CsvCohorts.of("c.csv", "id," + OUTCOME_HEADER, "a,2,5", "b,1,9");
    CohortScorer scorer = CohortScorer.withDefaults().withOptions(
        ScoringOptions.withDefaults().withLbpFrequencyAtLeast(2).withLbpBothersomenessAtLeast(5));
    Cohort out = scorer.score(in).cohort();
    assertThat(out.cell("lbp_bothersome_frequent", 0)).isEqualTo("true");
    assertThat(out.cell("lbp_bothersome_frequent", 1)).isEqualTo("false");
    assertThat(out.variable("lbp_bothersome_frequent").orElseThrow().meaning())
        .isEqualTo("LBP frequency >= 2 and bothersomeness >= 5");
    assertThat(CohortScorer.withDefaults().score(in).cohort().cell("lbp_bothersome_frequent", 0))
        .isEqualTo("false");
  }

  @Test
  void scoringAScoredCohortAgainReplacesTheDerivedColumns() {
    Cohort once = CohortScorer.withDefaults().score(full()).cohort();
    Cohort twice = CohortScorer.withDefaults().score(once).cohort();
    assertThat(twice.columnNames()).containsExactlyElementsOf(once.columnNames());
    for (String name : once.columnNames()) {
      for (int i = 0; i < once.size(); i++) {
        assertThat(twice.cell(name, i)).isEqualTo(once.cell(name, i));
      }
    }
  }

  @Test
  void problemListIsCappedWithACountOfTheRest() {
    List<String> lines = new ArrayList<>();
    lines.add("id,lbp_frequency,lbp_bothersomeness");
    for (int i = 0; i < CohortScorer.MAX_LISTED_PROBLEMS + 7; i++) {
      lines.add("p" + i + ",9,3");
    }
    Cohort bad = CsvCohorts.of("c.csv", lines.toArray(String[]::new));
    List<String> p = Problems.of(() -> CohortScorer.withDefaults().score(bad));
    assertThat(p).hasSize(CohortScorer.MAX_LISTED_PROBLEMS + 1);
    assertThat(p.get(p.size() - 1)).isEqualTo("c.csv: expected every cell in range; 7 further cells are out "
        + "of range and not listed");
  }

  @Test
  void scorerIsImmutable() {
    CohortScorer defaults = CohortScorer.withDefaults();
    CohortScorer other = defaults.withOptions(ScoringOptions.withDefaults()
        .withLbpFrequencyAtLeast(1)).withMapping(sbtMapping("q"));
    assertThat(defaults.options()).isEqualTo(ScoringOptions.withDefaults());
    assertThat(defaults.mapping()).isSameAs(InstrumentMapping.standard());
    assertThat(other.mapping().column(Construct.SBT_FEAR)).isEqualTo("q5");
  }

  private static InstrumentMapping sbtMapping(String prefix) {
    return InstrumentMapping.parse(sbtJson(prefix), "m.json");
  }

  private static String sbtJson(String prefix) {
    StringBuilder json = new StringBuilder("{\"schema\": \"" + InstrumentMapping.SCHEMA
        + "\", \"items\": {");
    for (Construct c : Instrument.SBT.constructs()) {
      json.append(c.position() > 1 ? ", " : "").append('"').append(c.key()).append("\": \"")
          .append(prefix).append(c.position()).append('"');
    }
    return json.append("}}").toString();
  }

}
