package org.backstrat.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and validating instrument mapping files. */
class InstrumentMappingTest {

  /** JSON mapping every SBT construct to column {@code prefix + position}, with edits. */
  private static String sbtJson(String prefix, String... extraEntries) {
    List<String> entries = new ArrayList<>();
    for (Construct c : Instrument.SBT.constructs()) {
      entries.add("\"" + c.key() + "\": \"" + prefix + c.position() + "\"");
    }
    entries.addAll(List.of(extraEntries));
    return "{\"schema\": \"" + InstrumentMapping.SCHEMA + "\", \"items\": {"
        + String.join(", ", entries) + "}}";
  }


  @Test
  void standardMappingIsThePublishedOrder() {
    InstrumentMapping m = InstrumentMapping.standard();
    assertThat(m.columns(Instrument.SBT)).containsExactly("sbt_1", "sbt_2", "sbt_3", "sbt_4",
        "sbt_5", "sbt_6", "sbt_7", "sbt_8", "sbt_9");
    assertThat(m.column(Construct.OMPSQ_SLEEP)).isEqualTo("ompsq_4");
    assertThat(m.column(Construct.SBT_FEAR)).isEqualTo("sbt_5");
    assertThat(m.declares(Instrument.SBT)).isFalse();
  }

  @Test
  void constructKeysAreUniqueAndNamedByInstrument() {
    assertThat(Construct.byKey("SBT.Fear")).contains(Construct.SBT_FEAR);
    assertThat(Construct.byKey("ompsq.sleep")).contains(Construct.OMPSQ_SLEEP);
    assertThat(List.of(Construct.values()).stream().map(Construct::key).distinct().count())
        .isEqualTo(Construct.values().length);
  }

  @Test
  void declaredInstrumentUsesItsColumnsAndTheOtherKeepsThePublishedOrder() {
    InstrumentMapping m = InstrumentMapping.parse(sbtJson("Q"), "m.json");
    assertThat(m.column(Construct.SBT_FEAR)).isEqualTo("q5");
    assertThat(m.declares(Instrument.SBT)).isTrue();
    assertThat(m.declares(Instrument.OMPSQ)).isFalse();
    assertThat(m.column(Construct.OMPSQ_PAIN)).isEqualTo("ompsq_2");
    assertThat(m.source()).isEqualTo("m.json");
  }

  @Test
  void unknownConstructIsRejectedListingTheKnownOnes() {
    assertThat(Problems.of(() -> InstrumentMapping.parse(sbtJson("q", "\"sbt.mood\": \"x\""),
        "m.json"))).singleElement().asString()
        .contains("m.json", "sbt.mood", "unknown construct", "sbt.catastrophising");
  }

  @Test
  void instrumentWithAnUnmappedConstructIsRejectedNamingIt() {
    String json = "{\"schema\": \"" + InstrumentMapping.SCHEMA + "\", \"items\": "
        + "{\"ompsq.sleep\": \"s\"}}";
    List<String> p = Problems.of(() -> InstrumentMapping.parse(json, "m.json"));
    assertThat(p).hasSize(9);
    assertThat(p).anySatisfy(s -> assertThat(s).contains("ompsq.duration", "not mapped"));
  }

  @Test
  void constructMappedTwiceIsRejected() {
    String json = sbtJson("q", "\"sbt.fear\": \"other\"");
    assertThat(Problems.of(() -> InstrumentMapping.parse(json, "m.json"))).singleElement()
        .asString().contains("sbt.fear").containsIgnoringCase("duplicate");
  }

  @Test
  void constructMappedTwiceInDifferentCaseIsRejected() {
    String json = sbtJson("q", "\"SBT.FEAR\": \"other\"");
    assertThat(Problems.of(() -> InstrumentMapping.parse(json, "m.json"))).singleElement()
        .asString().contains("mapped twice");
  }

  @Test
  void columnMappedToTwoConstructsIsRejected() {
    String json = sbtJson("q").replace("\"q6\"", "\"Q5\"");
    assertThat(Problems.of(() -> InstrumentMapping.parse(json, "m.json"))).singleElement()
        .asString().contains("q5", "sbt.fear", "sbt.anxiety");
  }

  @Test
  void emptyColumnNameIsRejected() {
    String json = sbtJson("q").replace("\"q6\"", "\" \"");
    assertThat(Problems.of(() -> InstrumentMapping.parse(json, "m.json"))).singleElement()
        .asString().contains("sbt.anxiety", "non-empty column name");
  }

  @Test
  void wrongSchemaAndUnknownFieldAreBothReported() {
    String json = sbtJson("q").replace(InstrumentMapping.SCHEMA, "other/2")
        .replace("{\"schema\"", "{\"colour\": 1, \"schema\"");
    assertThat(Problems.of(() -> InstrumentMapping.parse(json, "m.json"))).hasSize(2);
  }

  @Test
  void malformedJsonIsRejectedWithItsLine() {
    String json = "{\n\"schema\": \"" + InstrumentMapping.SCHEMA + "\",\n\"items\": {\"sbt.fear\""
        + " \"q5\"}}";
    assertThat(Problems.of(() -> InstrumentMapping.parse(json, "m.json"))).singleElement()
        .asString().startsWith("m.json: row 3");
  }

  @Test
  void mappingWithoutItemsIsRejected() {
    assertThat(Problems.of(() -> InstrumentMapping.parse("{\"schema\": \""
        + InstrumentMapping.SCHEMA + "\"}", "m.json"))).singleElement().asString()
        .contains("items");
  }

  @Test
  void readsAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("order.json");
    Files.writeString(file, sbtJson("item_"));
    assertThat(InstrumentMapping.read(file).column(Construct.SBT_BOTHERSOMENESS))
        .isEqualTo("item_9");
  }

  @Test
  void missingFileIsBadInput(@TempDir Path dir) {
    assertThatThrownBy(() -> InstrumentMapping.read(dir.resolve("nope.json")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("nope.json")
        .hasMessageContaining("not found");
  }

  @Test
  void mappingGivenInCodeIsValidatedLikeAFile() {
    Map<Construct, String> columns = new EnumMap<>(Construct.class);
    for (Construct c : Instrument.OMPSQ.constructs()) {
      columns.put(c, "o" + c.position());
    }
    assertThat(InstrumentMapping.of("config", columns).column(Construct.OMPSQ_AVOID_WORK))
        .isEqualTo("o10");
    columns.remove(Construct.OMPSQ_AVOID_WORK);
    assertThat(Problems.of(() -> InstrumentMapping.of("config", columns))).singleElement()
        .asString().contains("ompsq.avoid_work");
  }
}
