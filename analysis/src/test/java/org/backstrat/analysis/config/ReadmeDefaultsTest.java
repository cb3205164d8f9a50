package org.backstrat.analysis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * README.md's table of default features and weights is the one generated from the shipped
 * default-analysis.json: edit the config, and this test fails until the README is regenerated
 * (the failure shows the table to paste).
 */
class ReadmeDefaultsTest {

  @Test
  void readmeFeatureWeightTableIsGeneratedFromTheShippedDefaults() throws IOException {
    Path readme = Path.of("..", "README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int begin = text.indexOf(FeatureWeightTable.BEGIN);
    int end = text.indexOf(FeatureWeightTable.END);
    assertThat(begin).as("README.md has the generated table's begin marker").isNotNegative();
    assertThat(end).as("README.md has the generated table's end marker").isGreaterThan(begin);
    String inReadme = text.substring(begin + FeatureWeightTable.BEGIN.length() + 1, end);
    assertThat(inReadme).isEqualTo(FeatureWeightTable.markdown(AnalysisConfig.defaults()));
  }

  @Test
  void weightsThatAreOneOverRootNAreWrittenSo() {
    assertThat(FeatureWeightTable.weight(Math.sqrt(0.5))).isEqualTo("1/√2 ≈ 0.707");
    assertThat(FeatureWeightTable.weight(0.25)).isEqualTo("0.25");
    assertThat(FeatureWeightTable.weight(1.0)).isEqualTo("1");
    assertThat(FeatureWeightTable.weight(0.3)).isEqualTo("0.3");
  }

  @Test
  void readmeNoLongerClaimsSmokingWeighsHalf() throws IOException {
    String text = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("sex and smoking 0.5");
  }
}
