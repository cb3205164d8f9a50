package org.backstrat.analysis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backstrat.core.BadInputException;
import org.backstrat.model.features.FeatureSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis config: built in code with checks at build(), and read from JSON with every
 * hostile or mistaken file refused as bad input in the user's words (issue 15's config cases).
 */
class AnalysisConfigTest {
  @TempDir
  Path tmp;

  private Path file(String name, String json) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, json);
    return f;
  }

  private static VariantConfig variant(String name, String feature) {
    return new VariantConfig(name, List.of(new FeatureSpec(feature,
        FeatureSpec.Encoding.NUMERIC, 1), new FeatureSpec("bmi", FeatureSpec.Encoding.NUMERIC, 1)),
        List.of(), List.of());
  }

  @Test
  void theBuilderStartsFromTheShippedDefaultsAndChecksAtBuild() {
    AnalysisConfig c = AnalysisConfig.builder().restarts(5).k(3).build();
    assertThat(c.restarts()).isEqualTo(5);
    assertThat(c.k()).isEqualTo(3);
    assertThat(c.seed()).isEqualTo(AnalysisConfig.defaults().seed());
    assertThat(c.variants()).isEqualTo(AnalysisConfig.defaults().variants());
    assertThat(c.toBuilder().build()).isEqualTo(c);
    assertThatThrownBy(() -> AnalysisConfig.builder().folds(1).build())
        .isInstanceOf(BadInputException.class)
        .hasMessage("analysis config: folds: value \"1\": expected a whole number from 2 to 100");
  }

  @Test
  void anAbsurdRestartCountIsRefusedWithTheAllowedRange() throws IOException {
    Path f = file("restarts.json", "{\"restarts\": 2147483647}");
    assertThatThrownBy(() -> AnalysisConfig.read(f))
        .isInstanceOf(BadInputException.class)
        .hasMessage(f + ": restarts: value \"2147483647\": expected a whole number from 1 to"
            + " 10000");
  }

  @Test
  void otherAbsurdSizesAreRefusedWithTheirRanges() {
    assertThatThrownBy(() -> AnalysisConfig.builder().stabilityResamples(Integer.MAX_VALUE)
        .build()).hasMessageContaining("stability_resamples").hasMessageContaining("0 to 10000");
    assertThatThrownBy(() -> AnalysisConfig.builder().gapReferences(1).build())
        .hasMessageContaining("gap_references");
    assertThatThrownBy(() -> AnalysisConfig.builder().repeats(Integer.MAX_VALUE).build())
        .hasMessageContaining("repeats").hasMessageContaining("1 to 1000");
    assertThatThrownBy(() -> AnalysisConfig.builder().kRange(2, 100_000).build())
        .hasMessageContaining("k_min/k_max").hasMessageContaining("<= 50");
    assertThatThrownBy(() -> AnalysisConfig.builder().dcaBootstrap(2_000_000_000).build())
        .hasMessageContaining("dca_bootstrap").hasMessageContaining("2 to 100000");
    assertThatThrownBy(() -> AnalysisConfig.builder().dcaBootstrap(100_000).build())
        .hasMessageContaining("dca_bootstrap").hasMessageContaining("99 thresholds");
    assertThatThrownBy(() -> AnalysisConfig.builder().thresholds("0.01:0.99:1e-12").build())
        .hasMessageContaining("thresholds");
  }

  @Test
  void aConfigNested200000DeepIsRefusedAsBadInput() throws IOException {
    int depth = 200_000;
    Path f = file("deep.json", "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
    assertThatThrownBy(() -> AnalysisConfig.read(f))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("deep.json")
        .hasMessageContaining("nested more than 32 levels deep");
  }

  @Test
  void variantNamesThatWouldLeaveTheOutputFolderAreRefusedNamingTheField() throws IOException {
    for (String bad : List.of("../../pwned", "a/b", "<b>x</b>", "a b", "")) {
      Path f = file("v.json", "{\"variants\": [{\"name\": \"" + bad.replace("\"", "\\\"")
          + "\", \"features\": [{\"name\": \"bmi\", \"weight\": 1}], \"psychosocial\": [],"
          + " \"imaging\": []}]}");
      assertThatThrownBy(() -> AnalysisConfig.read(f)).as(bad)
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("variants[0]")
          .hasMessageContaining("variant name")
          .hasMessageContaining("letters, digits, _ and -");
    }
    assertThatThrownBy(() -> variant("../../pwned", "dd_sum"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("\"../../pwned\"");
  }

  @Test
  void featureAndOutcomeNamesWithMarkupAreRefused() throws IOException {
    Path f = file("f.json", "{\"variants\": [{\"name\": \"v\", \"features\": [{\"name\": "
        + "\"<script>alert(1)</script>\", \"weight\": 1}], \"psychosocial\": [],"
        + " \"imaging\": []}]}");
    assertThatThrownBy(() -> AnalysisConfig.read(f))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("variants[0].features[0]")
        .hasMessageContaining("feature name");
    assertThatThrownBy(() -> AnalysisConfig.builder().outcome("x\"><img>").build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("outcome");
  }

  @Test
  void variantNamesMustDifferIgnoringCase() {
    assertThatThrownBy(() -> AnalysisConfig.builder()
        .variants(List.of(variant("sbt", "dd_sum"), variant("SBT", "ft_max"))).build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("used twice");
  }

  @Test
  void mistakesAreExplainedWithoutJavaTypeNames() throws IOException {
    Path f1 = file("t1.json", "{\"restarts\": \"many\"}");
    assertThatThrownBy(() -> AnalysisConfig.read(f1)).isInstanceOf(BadInputException.class)
        .hasMessage(f1 + ": restarts: found \"many\", expected a whole number");
    Path f2 = file("t2.json", "{\"variants\": [{\"name\": \"v\", \"features\": [{\"name\": "
        + "\"bmi\", \"encoding\": \"spline\"}], \"psychosocial\": [], \"imaging\": []}]}");
    assertThatThrownBy(() -> AnalysisConfig.read(f2)).isInstanceOf(BadInputException.class)
        .hasMessage(f2 + ": variants[0].features[0].encoding: found \"spline\", expected one of"
            + " numeric, ordinal, binary, one_hot");
    Path f3 = file("t3.json", "{\"variants\": {\"name\": \"v\"}}");
    assertThatThrownBy(() -> AnalysisConfig.read(f3)).isInstanceOf(BadInputException.class)
        .hasMessage(f3 + ": variants: found \"{\"name\":\"v\"}\", expected a list in [brackets]");
    Path f4 = file("t4.json", "{\"seed\": null}");
    assertThatThrownBy(() -> AnalysisConfig.read(f4)).isInstanceOf(BadInputException.class)
        .hasMessage(f4 + ": seed: missing, expected a whole number");
    Path f5 = file("t5.json", "{\"restart\": 5}");
    assertThatThrownBy(() -> AnalysisConfig.read(f5)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(f5 + ": unknown setting \"restart\"; expected one of")
        .hasMessageContaining("restarts");
    Path f6 = file("t6.json", "{\"variants\": [{\"name\": \"v\", \"features\": [{\"name\": "
        + "\"bmi\", \"weight\": -1}], \"psychosocial\": [], \"imaging\": []}]}");
    assertThatThrownBy(() -> AnalysisConfig.read(f6)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("variants[0].features[0]").hasMessageContaining("weight -1.0");
    for (Path f : List.of(f1, f2, f3, f4, f5, f6)) {
      try {
        AnalysisConfig.read(f);
      } catch (BadInputException e) {
        assertThat(e.getMessage()).as(f.toString()).doesNotContainIgnoringCase("java")
            .doesNotContain("`").doesNotContain("Integer").doesNotContain("deserializ")
            .doesNotContain("VariantConfig").doesNotContain("FeatureSpec");
      }
    }
  }

  @Test
  void notAFileOrAnOversizedFileIsRefused() throws IOException {
    assertThatThrownBy(() -> AnalysisConfig.read(tmp)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("not a regular file");
    assertThatThrownBy(() -> AnalysisConfig.read(tmp.resolve("absent.json")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("no such");
    Path big = file("big.json", "{\"seed\": 1" + " ".repeat(2 << 20) + "}");
    assertThatThrownBy(() -> AnalysisConfig.read(big)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("at most 1048576 bytes");
  }

  @Test
  void configMistakesAreNamedInTheFilesWordsNeverAsInvalidValueOrJavaTypes() throws IOException {
    String[][] cases = {
        {"{\"k\": 99999999999}", "k: found \"99999999999\", expected a whole number"},
        {"{\"seed\": 1.5}", "seed: found \"1.5\", expected a whole number"},
        {"{\"k\": 2.5}", "k: found \"2.5\", expected a whole number"},
        {"{\"variants\": [{\"name\": \"a\", \"features\": [{\"name\": \"bmi\", "
            + "\"encoding\": \"numeric\", \"weight\": 1}]}]}",
            "psychosocial: missing, expected a list"},
    };
    int i = 0;
    for (String[] c : cases) {
      Path f = file("bad" + i++ + ".json", c[0]);
      assertThatThrownBy(() -> AnalysisConfig.read(f)).as(c[0])
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining(c[1])
          .hasMessageNotContaining("invalid value")
          .hasMessageNotContainingAny("java.", "Exception", "`int`", "Integer", "Long");
    }
  }
}
