package org.backstrat.model.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.ValueKind;
import org.backstrat.core.cohort.Variable;
import org.backstrat.model.AssignedRow;
import org.backstrat.model.FrozenModel;
import org.backstrat.model.FrozenVariant;
import org.backstrat.model.Placement;
import org.backstrat.model.StratumAssigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One person is assessed by the same rules as a table row of {@code assign}, each variant their
 * data allow is assigned, and each answer is explained.
 */
class PersonAssignerTest {
  @TempDir
  Path tmp;

  private static final String HEADER = "id,sex,age,bmi,smoking,sbt_1,sbt_2,sbt_3,sbt_4,sbt_5,"
      + "sbt_6,sbt_7,sbt_8,sbt_9,ompsq_1,ompsq_2,ompsq_3,ompsq_4,ompsq_5,ompsq_6,ompsq_7,ompsq_8,"
      + "ompsq_9,ompsq_10,pfirrmann_l1l2,pfirrmann_l2l3,pfirrmann_l3l4,pfirrmann_l4l5,"
      + "pfirrmann_l5s1,facet_angle_l3l4_left,facet_angle_l3l4_right,facet_angle_l4l5_left,"
      + "facet_angle_l4l5_right,facet_angle_l5s1_left,facet_angle_l5s1_right";
  private static final String[] ROWS = {
      "a1,female,46.9,28.3,never,0,0,0,0,0,0,0,0,0,2,0,10,10,0,0,0,10,0,0,3,2,3,3,2,39.8,28.6,"
          + "44.9,35.6,39.7,55.6",
      "a2,male,47.1,31.0,current,1,1,1,1,1,1,0,1,3,8,7,3,4,6,5,7,3,6,5,2,3,4,5,5,30,41,35,52,"
          + "40,55",
      "a3,female,,22.5,former,1,0,1,0,1,1,1,1,4,10,9,1,2,9,8,9,1,9,9,1,1,2,2,2,40,41,45,46,50,"
          + "51",
      "a4,male,46.5,26.0,never,0,1,0,0,0,0,0,0,1,3,3,8,9,2,1,2,8,3,2,4,4,5,5,5,20,45,30,60,"
          + "35,70"};

  private static PersonRecord fromRow(String row) {
    return fromRow(row, HEADER);
  }

  private static PersonRecord fromRow(String row, String header) {
    String[] names = header.split(",");
    String[] cells = row.split(",", -1);
    PersonRecord.Builder b = PersonRecord.builder(cells[0]);
    for (int j = 1; j < names.length; j++) {
      if (cells[j].isEmpty()) {
        continue;
      }
      Variable v = PersonRecord.field(names[j]).orElseThrow();
      if (v.kind() == ValueKind.CATEGORY) {
        b.category(names[j], cells[j]);
      } else {
        b.number(names[j], Double.parseDouble(cells[j]));
      }
    }
    return b.build();
  }

  @Test
  void onePersonIsPlacedExactlyAsTheSameRowOfATable() {
    FrozenModel model = FixtureModel.model(tmp);
    Cohort table = FixtureModel.scored("new.csv", HEADER + "\n" + String.join("\n", ROWS) + "\n",
        model);
    List<AssignedRow> rows = StratumAssigner.assign(model, table);
    for (int i = 0; i < ROWS.length; i++) {
      PersonAssessment a = PersonAssigner.assess(model, fromRow(ROWS[i]));
      for (int v = 0; v < model.variants().size(); v++) {
        AssignedRow expected = rows.get(v * ROWS.length + i);
        VariantAssessment got = a.variants().get(v);
        Placement pe = expected.placement().orElseThrow();
        Placement pg = got.placement().orElseThrow();
        assertThat(pg.stratum()).isEqualTo(pe.stratum());
        assertThat(pg.distance()).isEqualTo(pe.distance());
        assertThat(pg.probabilities()).containsExactly(pe.probabilities());
        assertThat(pg.topFeatures()).isEqualTo(pe.topFeatures());
        assertThat(pg.outlier()).isEqualTo(pe.outlier());
      }
    }
  }

  @Test
  void aPersonWithTheStartBackToolOnlyGetsTheSbtVariantAndAReasonForTheOther() {
    FrozenModel model = FixtureModel.model(tmp);
    PersonRecord.Builder b = PersonRecordTest.sbtOnly("s1");
    String[] imaging = HEADER.split(",");
    String[] cells = ROWS[1].split(",");
    for (int j = 24; j < imaging.length; j++) {
      b.number(imaging[j], Double.parseDouble(cells[j]));
    }
    PersonAssessment a = PersonAssigner.assess(model, b.build());
    VariantAssessment sbt = a.variants().get(0);
    VariantAssessment ompsq = a.variants().get(1);
    assertThat(sbt.variant()).isEqualTo("sbt");
    assertThat(sbt.assigned()).isTrue();
    assertThat(sbt.basis()).isEqualTo(VariantAssessment.Basis.CLUSTERING);
    assertThat(ompsq.assigned()).isFalse();
    assertThat(ompsq.missingFeatures()).contains("ompsq_pain", "ompsq_fear")
        .doesNotContain("dd_sum", "bmi");
    assertThat(ompsq.reason()).contains("ompsq_pain");
    assertThat(a.screening().sbtRisk()).isPresent();
    assertThat(a.screening().ompsqHighRisk()).isEmpty();
  }

  @Test
  void probabilitiesAreNamedByStratumAndTheAnswerIsExplained() {
    FrozenModel model = FixtureModel.model(tmp);
    PersonAssessment a = PersonAssigner.assess(model, fromRow(ROWS[2]));
    for (int v = 0; v < model.variants().size(); v++) {
      FrozenVariant fv = model.variants().get(v);
      VariantAssessment va = a.variants().get(v);
      assertThat(va.probabilities()).extracting(sp -> sp.stratum()).isEqualTo(fv.strata());
      assertThat(va.probabilities().stream().mapToDouble(StratumProbability::probability).sum())
          .isCloseTo(1, within(1e-12));
      String label = va.placement().orElseThrow().stratum().label();
      assertThat(va.description()).startsWith(StratumWords.ofLabel(label));
      assertThat(va.profile()).hasSize(fv.width());
      assertThat(va.profile().get(0).stratumCentres()).hasSize(fv.k());
      assertThat(va.reasons()).hasSameSizeAs(va.placement().get().topFeatures());
      assertThat(va.basisAccuracy()).isEqualTo(fv.training().accuracyMean());
      assertThat(va.outlierWarning().isPresent()).isEqualTo(va.placement().get().outlier());
    }
    // row a3 answers every psychosocial item high: its sbt stratum is the psychosocial one
    assertThat(a.variants().get(0).placement().orElseThrow().stratum().label())
        .isEqualTo("psychosocial");
    assertThat(a.screening().sbtRisk().orElseThrow().level()).isEqualTo("high");
    assertThat(a.screening().ompsqHighRisk()).contains(true);
  }

  @Test
  void aPersonFarFromEveryCentreCarriesAnOutlierWarning() {
    FrozenModel model = FixtureModel.model(tmp);
    // extreme degeneration and tropism with a low BMI: beyond the trim radius of both variants
    String row = "o1,male,46,12,current,1,1,1,1,1,1,1,1,4,10,10,0,0,10,10,10,0,10,10,5,5,5,5,5,"
        + "0,90,0,90,0,90";
    PersonAssessment a = PersonAssigner.assess(model, fromRow(row));
    for (VariantAssessment v : a.variants()) {
      assertThat(v.placement().orElseThrow().outlier()).isTrue();
      assertThat(v.outlierWarning()).isPresent();
      assertThat(v.outlierWarning().get()).contains("interpret with care");
    }
  }

  @Test
  void aPersonWithoutImagingGetsTheFallbackStratumWithItsAccuracy() {
    FrozenModel model = FixtureModel.model(tmp);
    PersonAssessment a = PersonAssigner.assess(model, PersonRecordTest.sbtOnly("n1").build());
    VariantAssessment sbt = a.variants().get(0);
    FrozenVariant v = model.variants().get(0);
    assertThat(sbt.assigned()).isTrue();
    assertThat(sbt.basis()).isEqualTo(VariantAssessment.Basis.FALLBACK);
    assertThat(sbt.basisAccuracy()).isEqualTo(v.fallback().orElseThrow().accuracyMean());
    assertThat(sbt.missingFeatures()).containsExactly("dd_sum", "ft_max");
    assertThat(sbt.reason()).contains("fallback model").contains("accuracy");
    assertThat(sbt.placement().orElseThrow().distance()).isNaN();
    assertThat(sbt.outlierWarning()).isEmpty();
    assertThat(sbt.profile()).extracting(ProfileRow::column)
        .containsExactlyElementsOf(v.fallback().get().columns());
    assertThat(a.variants().get(1).assigned()).isFalse();
  }

  @Test
  void theFallbackGivesTheSameAnswerForOnePersonAsForATableWithoutImaging() {
    FrozenModel model = FixtureModel.model(tmp);
    String header = "id,sex,age,bmi,smoking,sbt_1,sbt_2,sbt_3,sbt_4,sbt_5,sbt_6,sbt_7,sbt_8,"
        + "sbt_9,ompsq_1,ompsq_2,ompsq_3,ompsq_4,ompsq_5,ompsq_6,ompsq_7,ompsq_8,ompsq_9,"
        + "ompsq_10";
    StringBuilder csv = new StringBuilder(header).append('\n');
    for (String row : ROWS) {
      String[] cells = row.split(",", -1);
      csv.append(String.join(",", java.util.Arrays.copyOf(cells, 24))).append('\n');
    }
    Cohort table = FixtureModel.scored("no-imaging.csv", csv.toString(), model);
    List<AssignedRow> rows = StratumAssigner.assign(model, table);
    for (int i = 0; i < ROWS.length; i++) {
      String[] cells = ROWS[i].split(",", -1);
      PersonAssessment a = PersonAssigner.assess(model, fromRow(String.join(",",
          java.util.Arrays.copyOf(cells, 24)), header));
      for (int v = 0; v < 2; v++) {
        Placement pe = rows.get(v * ROWS.length + i).placement().orElseThrow();
        Placement pg = a.variants().get(v).placement().orElseThrow();
        assertThat(pe.basis()).isEqualTo(Placement.Basis.FALLBACK);
        assertThat(pg.stratum()).isEqualTo(pe.stratum());
        assertThat(pg.probabilities()).containsExactly(pe.probabilities());
        assertThat(pg.topFeatures()).isEqualTo(pe.topFeatures());
      }
    }
  }
}
