package org.backstrat.core.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthSpecTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode defaultJson() throws IOException {
    try (InputStream in = SynthSpec.class.getResourceAsStream(SynthSpec.DEFAULT_RESOURCE)) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  private static SynthSpec parseEdited(Consumer<ObjectNode> edit) throws IOException {
    ObjectNode root = defaultJson();
    edit.accept(root);
    return SynthSpec.parse(JSON.writeValueAsString(root), "spec.json");
  }

  private static ObjectNode param(ObjectNode root, String... path) {
    JsonNode n = root;
    for (String p : path) {
      n = n.isArray() ? n.get(Integer.parseInt(p)) : n.get(p);
    }
    return (ObjectNode) n;
  }

  @Test
  void defaultSpecLoadsWithThreeStrataAndPublishedMarginals() {
    SynthSpec spec = SynthSpec.defaults();
    assertThat(spec.strata()).extracting(SynthSpec.Stratum::name)
        .containsExactly("psychosocial", "degenerative", "mixed");
    assertThat(spec.demographics().femaleShare()).isEqualTo(0.57);
    // 0.28 among non-outliers gives 29% in the whole cohort (see the spec's source text)
    assertThat(spec.lbp().frequencyShares().get(0)).isEqualTo(0.28);
    assertThat(spec.outliers().share()).isEqualTo(0.03);
  }

  @Test
  void everyParameterOfTheDefaultSpecNamesASource() throws IOException {
    List<String> leaves = new ArrayList<>();
    collectParameters(defaultJson(), "", leaves);
    assertThat(leaves).hasSizeGreaterThan(40);
    for (String leaf : leaves) {
      assertThat(leaf).as("source of a parameter").isNotBlank();
    }
  }

  private static void collectParameters(JsonNode node, String path, List<String> sources) {
    if (node.isObject() && node.has("value")) {
      sources.add(node.path("source").asText(""));
      return;
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        collectParameters(e.getValue(), path + "." + e.getKey(), sources);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectParameters(node.get(i), path + "[" + i + "]", sources);
      }
    }
  }

  @Test
  void aParameterWithoutSourceIsRefusedNamingTheField() {
    assertThatThrownBy(() -> parseEdited(r -> param(r, "demographics", "female_share")
        .remove("source")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("spec.json")
        .hasMessageContaining("demographics.female_share.source")
        .hasMessageContaining("assumption");
  }

  @Test
  void aMissingFieldIsRefusedNamingIt() {
    assertThatThrownBy(() -> parseEdited(r -> ((ObjectNode) r.get("lbp"))
        .remove("pain_noise_sd")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("lbp.pain_noise_sd")
        .hasMessageContaining("missing");
  }

  @Test
  void aShareOutOfRangeIsRefusedWithTheValueAndRange() {
    assertThatThrownBy(() -> parseEdited(r -> param(r, "demographics", "female_share")
        .put("value", 1.5)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("demographics.female_share.value")
        .hasMessageContaining("1.5")
        .hasMessageContaining("from 0.0 to 1.0");
  }

  @Test
  void sharesThatDoNotSumToOneAreRefused() {
    assertThatThrownBy(() -> parseEdited(r -> {
      ArrayNode v = (ArrayNode) param(r, "lbp", "frequency_shares_0_to_4").get("value");
      v.set(0, JSON.getNodeFactory().numberNode(0.5));
    })).isInstanceOf(BadInputException.class)
        .hasMessageContaining("lbp.frequency_shares_0_to_4.value")
        .hasMessageContaining("sum to 1");
  }

  @Test
  void stratumSharesThatDoNotSumToOneAreRefused() {
    assertThatThrownBy(() -> parseEdited(r -> param(r, "strata", "0", "share")
        .put("value", 0.9)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("strata[*].share");
  }

  @Test
  void anArrayOfTheWrongLengthIsRefused() {
    assertThatThrownBy(() -> parseEdited(r -> ((ArrayNode) param(r, "sbt",
        "item_intercepts_1_to_8").get("value")).remove(0)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("sbt.item_intercepts_1_to_8.value")
        .hasMessageContaining("an array of 8 numbers");
  }

  @Test
  void aMisspeltFieldIsRefused() {
    assertThatThrownBy(() -> parseEdited(r -> ((ObjectNode) r.get("facet"))
        .set("person_sd_degree", param(r, "facet", "person_sd_degrees").deepCopy())))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("facet.person_sd_degree")
        .hasMessageContaining("misspelt");
  }

  @Test
  void theOutlierStratumNameIsReserved() {
    assertThatThrownBy(() -> parseEdited(r -> ((ObjectNode) r.get("strata").get(1))
        .put("name", "outlier")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("strata[1].name");
  }

  @Test
  void aWrongSchemaTagIsRefused() {
    assertThatThrownBy(() -> parseEdited(r -> r.put("schema", "backstrat.synth-spec/9")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("field schema")
        .hasMessageContaining(SynthSpec.SCHEMA);
  }

  @Test
  void invalidJsonIsRefusedWithTheFileName() {
    assertThatThrownBy(() -> SynthSpec.parse("{\"schema\": ", "broken.json"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("broken.json")
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void aMissingSpecFileIsBadInput(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> SynthSpec.read(missing))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("nope.json");
  }

  @Test
  void aUserSpecFileIsReadAndChangesTheCohort(@TempDir Path dir) throws IOException {
    ObjectNode root = defaultJson();
    param(root, "demographics", "female_share").put("value", 1.0);
    Path file = dir.resolve("spec.json");
    Files.writeString(file, JSON.writeValueAsString(root), StandardCharsets.UTF_8);
    SynthSpec spec = SynthSpec.read(file);
    assertThat(spec.demographics().femaleShare()).isEqualTo(1.0);
    for (SynthRow row : CohortSynthesizer.withSpec(spec).rows(200, 3)) {
      assertThat(row.sex()).isEqualTo("female");
    }
  }
}
