package org.backstrat.imaging.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backstrat.core.BadInputException;
import org.backstrat.imaging.volume.Plane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model cards, normalisation and ONNX Runtime inference against numpy references
 * (reference/make_model_reference.py → reference/model_reference.json).
 */
class ModelTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  static Path reference() {
    try {
      return Path.of(ModelTest.class.getResource("/reference/model_reference.json").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static float[] floats(JsonNode a) {
    float[] out = new float[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) a.get(i).asDouble();
    }
    return out;
  }

  private static JsonNode referenceJson() throws IOException {
    return JSON.readTree(reference().resolve("model_reference.json").toFile());
  }

  @Test
  void percentileNormalisationMatchesNumpy() throws IOException {
    JsonNode n = referenceJson().get("normalisation");
    float[] x = floats(n.get("input"));
    Normalisation.percentile(1, 99).apply(x);
    float[] expected = floats(n.get("percentile_1_99"));
    for (int i = 0; i < x.length; i++) {
      assertThat(x[i]).as("value %d", i).isCloseTo(expected[i], within(1e-5f));
    }
  }

  @Test
  void zscoreNormalisationMatchesNumpy() throws IOException {
    JsonNode n = referenceJson().get("normalisation");
    float[] x = floats(n.get("input"));
    Normalisation.zscore().apply(x);
    float[] expected = floats(n.get("zscore"));
    for (int i = 0; i < x.length; i++) {
      assertThat(x[i]).as("value %d", i).isCloseTo(expected[i], within(1e-5f));
    }
  }

  @Test
  void constantCropNormalisesToZeros() {
    float[] x = {3, 3, 3};
    Normalisation.percentile(1, 99).apply(x);
    assertThat(x).containsExactly(0, 0, 0);
  }

  @Test
  void cardIsReadWithItsFields() {
    ModelCard card = ModelCard.read(reference().resolve("fixtures/tiny_classifier.card.json"));
    assertThat(card.task()).isEqualTo("pfirrmann_grade");
    assertThat(card.plane()).isEqualTo(Plane.SAGITTAL);
    assertThat(card.inputShape()).containsExactly(-1L, 1L, 8L, 8L);
    assertThat(card.labels()).containsExactly("1", "2", "3", "4", "5");
    assertThat(card.modelFile().getFileName().toString()).isEqualTo("tiny_classifier.onnx");
    card.verifyChecksum();
  }

  @Test
  void cardWithWrongSchemaOrMissingFieldIsRefusedNamingTheField() throws IOException {
    ObjectNode card = (ObjectNode) JSON.readTree(reference().resolve(
        "fixtures/tiny_classifier.card.json").toFile());
    card.put("schema", "other/2");
    Path bad = tmp.resolve("bad.card.json");
    JSON.writeValue(bad.toFile(), card);
    assertThatThrownBy(() -> ModelCard.read(bad)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("bad.card.json").hasMessageContaining("backstrat.modelcard/1");
    card.put("schema", ModelCard.SCHEMA);
    ((ObjectNode) card.get("input")).remove("plane");
    JSON.writeValue(bad.toFile(), card);
    assertThatThrownBy(() -> ModelCard.read(bad)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("plane");
    Files.writeString(bad, "{ not json");
    assertThatThrownBy(() -> ModelCard.read(bad)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("JSON");
  }

  @Test
  void swappedModelFileFailsTheChecksum() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("m"));
    Files.copy(reference().resolve("fixtures/tiny_classifier.card.json"),
        dir.resolve("card.json"));
    Files.write(dir.resolve("tiny_classifier.onnx"), new byte[] {1, 2, 3});
    ModelCard card = ModelCard.read(dir.resolve("card.json"));
    assertThatThrownBy(card::verifyChecksum).isInstanceOf(BadInputException.class)
        .hasMessageContaining("checksum");
  }

  @Test
  void onnxRuntimeInferenceMatchesNumpy() throws IOException {
    JsonNode tiny = referenceJson().get("tiny_model");
    ModelCard card = ModelCard.read(reference().resolve("fixtures/tiny_classifier.card.json"));
    try (OnnxModel model = OnnxModel.load(card, 1)) {
      assertThat(model.itemSize()).isEqualTo(64);
      float[] out = model.run(floats(tiny.get("input")), tiny.get("batch").asInt());
      float[] expected = floats(tiny.get("output"));
      assertThat(out).hasSameSizeAs(expected);
      for (int i = 0; i < out.length; i++) {
        assertThat(out[i]).as("probability %d", i).isCloseTo(expected[i], within(1e-5f));
      }
      assertThatThrownBy(() -> model.run(new float[10], 1))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void cardWhoseInputDoesNotMatchTheModelIsRefusedAtLoad() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("shape"));
    Files.copy(reference().resolve("fixtures/tiny_classifier.onnx"),
        dir.resolve("tiny_classifier.onnx"));
    ObjectNode card = (ObjectNode) JSON.readTree(reference().resolve(
        "fixtures/tiny_classifier.card.json").toFile());
    ((ObjectNode) card.get("input")).putArray("shape").add(-1).add(1).add(16).add(16);
    JSON.writeValue(dir.resolve("card.json").toFile(), card);
    ModelCard c = ModelCard.read(dir.resolve("card.json"));
    assertThatThrownBy(() -> OnnxModel.load(c, 1)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("input shape");
  }
}
