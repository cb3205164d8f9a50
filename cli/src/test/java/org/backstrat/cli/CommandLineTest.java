package org.backstrat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

  /** The outcome of one command-line run. */
  record Run(int exitCode, String out, String err) {
  }

  static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static String cohortResource(String name) throws URISyntaxException {
    // the core module's test fixtures, reached through the source tree
    return Path.of("..", "core", "src", "test", "resources", "org", "backstrat", "core",
        "cohort", name).toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "synth", "validate", "score", "analyze", "cluster", "dca",
      "assign", "imaging", "phantoms", "serve", "export"})
  void everyVerbHasHelp(String verb) {
    Run r = run(verb, "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Usage: backstrat " + verb);
  }

  @Test
  void noVerbIsAUsageError() {
    assertThat(run().exitCode()).isEqualTo(2);
  }

  @Test
  void unknownOptionIsAUsageError() {
    Run r = run("validate", "--data", "x.csv", "--bogus");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--bogus");
  }

  @Test
  void validateAcceptsAValidCohort() throws Exception {
    Run r = run("validate", "--data", cohortResource("valid.csv"));
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("valid: 10 people");
  }

  @Test
  void validateListsEveryDefectAndExitsTwo() throws Exception {
    Run r = run("validate", "--data", cohortResource("twelve_defects.csv"));
    assertThat(r.exitCode()).isEqualTo(2);
    // the problem list and the verdict go to stderr, as the README says; stdout stays empty
    assertThat(r.err().lines().filter(l -> l.contains(": expected ")).count()).isEqualTo(12);
    assertThat(r.err()).contains("not valid: 12 errors");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void missingFileIsBadInput() {
    Run r = run("validate", "--data", "no-such-file.csv");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no-such-file.csv: no such file");
  }
}
