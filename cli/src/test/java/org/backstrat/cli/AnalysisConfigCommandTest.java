package org.backstrat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.backstrat.cli.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --config} with hostile or absurd settings (issue 15): exit 2 with one message
 * in the user's words, nothing written, nothing outside the output folder.
 */
class AnalysisConfigCommandTest {
  @TempDir
  Path tmp;

  private Run analyze(String configJson) throws Exception {
    Path config = tmp.resolve("config.json");
    Files.writeString(config, configJson);
    return CommandLineTest.run("analyze", "-q", "--data",
        CommandLineTest.cohortResource("valid.csv"), "--config", config.toString(), "--out",
        tmp.resolve("results").toString());
  }

  private void assertNothingWritten() throws IOException {
    try (Stream<Path> all = Files.walk(tmp)) {
      assertThat(all.map(p -> tmp.relativize(p).toString()))
          .containsExactlyInAnyOrder("", "config.json");
    }
  }

  @Test
  void aConfigNested200000DeepExitsTwoWithAMessage() throws Exception {
    int depth = 200_000;
    Run r = analyze("{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("config.json: nested more than 32 levels deep")
        .doesNotContain("Exception");
    assertNothingWritten();
  }

  @Test
  void aVariantNamedLikeAPathIsRefusedAndNothingIsWrittenAnywhere() throws Exception {
    Run r = analyze("{\"variants\": [{\"name\": \"../../pwned\", \"features\": [{\"name\": "
        + "\"bmi\", \"weight\": 1}, {\"name\": \"dd_sum\", \"weight\": 1}], \"psychosocial\": [],"
        + " \"imaging\": []}]}");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("variants[0]").contains("variant name")
        .contains("\"../../pwned\"");
    assertNothingWritten();
  }

  @Test
  void anAbsurdRestartCountExitsTwoNamingTheRange() throws Exception {
    Run r = analyze("{\"restarts\": 2147483647}");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("restarts: value \"2147483647\": expected a whole number from 1"
        + " to 10000");
    assertNothingWritten();
  }
}
