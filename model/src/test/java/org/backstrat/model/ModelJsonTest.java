package org.backstrat.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** model.json: round trip, provenance, schema handling and the checks of a hand-edited file. */
class ModelJsonTest {
  @TempDir
  Path tmp;

  private static ObjectNode json() {
    return ModelJson.toJson(TestModels.twoFeatureModel());
  }

  private static ObjectNode variantV(ObjectNode root) {
    return (ObjectNode) root.get("variants").get("v");
  }

  @Test
  void theJsonFormRoundTripsAndIsConsistent() throws IOException {
    FrozenModel m = TestModels.smokingModel();
    Path file = tmp.resolve("model.json");
    ModelJson.write(m, file);
    FrozenModel back = ModelJson.read(file);
    assertThat(ModelJson.toJson(back)).isEqualTo(ModelJson.toJson(m));
    Path again = tmp.resolve("again.json");
    ModelJson.write(back, again);
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
    assertThat(back.variant("s")).isPresent();
    assertThat(back.variants().get(0).categoryLevels().get("smoking"))
        .containsExactly("never", "former", "current");
  }

  @Test
  void provenanceRecordsSeedSettingsInputAndVersion() {
    FrozenModel back = ModelJson.fromJson(json(), "m.json");
    Provenance p = back.provenance();
    assertThat(p.seed()).isEqualTo(11);
    assertThat(p.softwareVersion()).isEqualTo("test");
    assertThat(p.createdAt()).isEqualTo("2025-11-28T00:00:00Z");
    assertThat(p.input().fileName()).isEqualTo("train.csv");
    assertThat(p.input().rows()).isEqualTo(100);
    assertThat(p.setting("method").asText()).isEqualTo("trimmed");
    TrainingSummary t = back.variants().get(0).training();
    assertThat(t.sizes()).containsExactly(60, 35);
    assertThat(t.accuracyMean()).isEqualTo(0.9);
  }

  @Test
  void theInputHashIsTheSha256OfTheFileBytes() throws IOException {
    // FIPS 180-2, appendix B.1: SHA-256("abc")
    Path file = tmp.resolve("abc.csv");
    Files.write(file, "abc".getBytes(StandardCharsets.US_ASCII));
    InputTable t = InputTable.of(file, 0);
    assertThat(t.sha256())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(t.fileName()).isEqualTo("abc.csv");
  }

  @Test
  void aVersionOneModelIsRefusedSayingHowToRemakeIt() {
    ObjectNode root = json();
    root.put("schema", "backstrat.model/1");
    assertThatThrownBy(() -> ModelJson.fromJson(root, "old.json"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("old.json")
        .hasMessageContaining("found \"backstrat.model/1\"")
        .hasMessageContaining("expected \"backstrat.model/2\"")
        .hasMessageContaining("re-run analyze");
  }

  @Test
  void anotherSchemaIsRefusedNamingBoth() {
    ObjectNode root = json();
    root.put("schema", "backstrat.model/0");
    assertThatThrownBy(() -> ModelJson.fromJson(root, "old.json"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("found \"backstrat.model/0\"")
        .hasMessageContaining("expected \"backstrat.model/2\"");
  }

  @Test
  void aModelWithoutProvenanceIsRefused() {
    ObjectNode root = json();
    root.remove("provenance");
    assertThatThrownBy(() -> ModelJson.fromJson(root, "m.json"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("provenance: missing");
  }

  @Test
  void aMalformedInputHashIsRefused() {
    ObjectNode root = json();
    ((ObjectNode) root.get("provenance").get("input")).put("sha256", "abc");
    assertThatThrownBy(() -> ModelJson.fromJson(root, "m.json"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("provenance.input.sha256")
        .hasMessageContaining("64 lower-case hex digits");
  }

  @Test
  void weightsOfTheWrongLengthAreRefused() {
    ObjectNode root = json();
    ((ArrayNode) variantV(root).get("scaler").get("weights")).add(1.0);
    assertThatThrownBy(() -> ModelJson.fromJson(root, "m.json"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("variant v: scaler.weights: expected 2 values");
  }

  @Test
  void anUnknownClusteringMethodIsRefused() {
    ObjectNode root = json();
    variantV(root).put("method", "magic");
    assertThatThrownBy(() -> ModelJson.fromJson(root, "m.json"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("variant v: method: found \"magic\"");
  }

  @Test
  void stratumSizesThatDoNotAddUpAreRefused() {
    ObjectNode root = json();
    ((ArrayNode) variantV(root).get("training").get("sizes")).set(0, 61);
    assertThatThrownBy(() -> ModelJson.fromJson(root, "m.json"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("variant v: training.sizes")
        .hasMessageContaining("n_used - n_outliers = 95");
  }

  @Test
  void unsafeVariantAndFeatureNamesAreRefused() {
    ObjectNode root = json();
    ObjectNode variants = (ObjectNode) root.get("variants");
    variants.set("../x", variants.remove("v"));
    assertThatThrownBy(() -> ModelJson.fromJson(root, "m.json"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("m.json: variants: ")
        .hasMessageContaining("\"../x\"");
    ObjectNode other = json();
    ((ObjectNode) variantV(other).get("features").get(0)).put("name", "<b>x</b>");
    assertThatThrownBy(() -> ModelJson.fromJson(other, "m.json"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("variant v: features: ")
        .hasMessageContaining("feature name");
  }

  @Test
  void aFileNestedTooDeeplyIsRefusedAsBadInput() throws IOException {
    Path file = tmp.resolve("deep.json");
    int depth = 200_000;
    StringBuilder b = new StringBuilder(2 * depth);
    b.append("[".repeat(depth)).append("]".repeat(depth));
    Files.writeString(file, b);
    assertThatThrownBy(() -> ModelJson.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("deep.json")
        .hasMessageContaining("not a valid model file");
  }

  @Test
  void aMissingFileIsRefusedNamingIt() {
    Path file = tmp.resolve("absent.json");
    assertThatThrownBy(() -> ModelJson.read(file))
        .isInstanceOf(BadInputException.class).hasMessageContaining("absent.json");
  }
}
