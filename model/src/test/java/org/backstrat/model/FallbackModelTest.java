package org.backstrat.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.backstrat.core.BadInputException;
import org.backstrat.core.scoring.ScoringOptions;
import org.backstrat.model.features.FeatureSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fallback's arithmetic worked out by hand, and its section of model.json: written, read
 * back to the same model, and refused when edited into inconsistency.
 */
class FallbackModelTest {

  /** The two-feature model of TestModels with a fallback on x alone. */
  static FrozenModel withFallback() {
    FrozenModel m = TestModels.twoFeatureModel();
    FrozenVariant v = m.variants().get(0);
    // z = (x - 1) / 2; eta_2 = 0.5 + 2 z
    FallbackModel f = new FallbackModel(List.of(new FeatureSpec("x",
        FeatureSpec.Encoding.NUMERIC, 1)), List.of("x"), new double[] {1}, new double[] {2},
        new double[][] {{0.5, 2}}, 0.8, 0.05, 100, "converged");
    FrozenVariant vf = new FrozenVariant(v.name(), v.features(), v.categoryLevels(), v.columns(),
        v.sourceFeature(), v.clustering(), v.strata(), v.training(), Optional.of(f));
    return new FrozenModel(m.provenance(), ScoringOptions.withDefaults(), m.missing(),
        List.of(vf));
  }

  @Test
  void probabilitiesAreTheSoftmaxOfTheLinearPredictors() {
    FallbackModel f = withFallback().variants().get(0).fallback().orElseThrow();
    List<Stratum> strata = withFallback().variants().get(0).strata();
    // x = 3 -> z = 1 -> eta_2 = 2.5; p_2 = 1 / (1 + e^-2.5)
    Placement p = f.place(new double[] {3}, strata);
    assertThat(p.probability(2)).isCloseTo(1 / (1 + Math.exp(-2.5)), within(1e-15));
    assertThat(p.stratum().id()).isEqualTo(2);
    assertThat(p.basis()).isEqualTo(Placement.Basis.FALLBACK);
    assertThat(p.distance()).isNaN();
    assertThat(p.topFeatures()).containsExactly("x");
    // x = -1 -> z = -1 -> eta_2 = -1.5: stratum 1; x pulls toward 1 since (0 - 2) * -1 > 0
    Placement q = f.place(new double[] {-1}, strata);
    assertThat(q.stratum().id()).isEqualTo(1);
    assertThat(q.probability(1)).isCloseTo(1 / (1 + Math.exp(-1.5)), within(1e-15));
    assertThat(q.topFeatures()).containsExactly("x");
  }

  @Test
  void theFallbackSectionRoundTripsThroughModelJson(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("model.json");
    ModelJson.write(withFallback(), file);
    FrozenModel back = ModelJson.read(file);
    assertThat(back.variants().get(0).fallback())
        .isEqualTo(withFallback().variants().get(0).fallback());
    Path again = tmp.resolve("again.json");
    ModelJson.write(back, again);
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void aFallbackEditedIntoInconsistencyIsRefused(@TempDir Path tmp) throws Exception {
    ObjectNode root = ModelJson.toJson(withFallback());
    ObjectNode fb = (ObjectNode) root.path("variants").path("v").path("fallback");
    ((ArrayNode) fb.path("coefficients").get(0)).add(1.0);
    Path file = tmp.resolve("bad.json");
    Files.writeString(file, root.toPrettyString());
    assertThatThrownBy(() -> ModelJson.read(file)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("variant v: fallback.coefficients[0]: expected 2 terms");
    fb.putArray("columns").add("z");
    Files.writeString(file, root.toPrettyString());
    assertThatThrownBy(() -> ModelJson.read(file)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("fallback.columns: z is not an encoded column");
  }

  @Test
  void aModelWithoutFallbackStillReads(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("model.json");
    ModelJson.write(TestModels.twoFeatureModel(), file);
    assertThat(ModelJson.read(file).variants().get(0).fallback()).isEmpty();
  }
}
