package org.backstrat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.backstrat.cli.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What users read (issue 15): notes and warnings on stderr whether or not a terminal is
 * attached, no doubled words and no Java toString in messages, extreme settings refused with
 * their bounds (exit 2), running out of memory one line with the remedy (exit 3).
 */
class MessagesTest {

  @TempDir
  Path tmp;

  private Path probabilities(String rows) throws Exception {
    return Files.writeString(tmp.resolve("p.csv"), "y,r\n" + rows);
  }

  private Path nested(int depth) throws Exception {
    return Files.writeString(tmp.resolve("deep.json"),
        "{\"restarts\": " + "[".repeat(depth) + "]".repeat(depth) + "}");
  }

  @Test
  void leftOutRowsAreReportedWithoutATerminalEvenWhenQuiet() throws Exception {
    Path p = probabilities("1,0.2\n0,\n1,0.9\n0,0.3\n");
    for (String quiet : List.of("--seed=1", "-q")) {
      Run r = CommandLineTest.run("dca", quiet, "--data", p.toString(), "--outcome", "y",
          "--predictors", "r", "--out", tmp.resolve("d.csv").toString(), "--force");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.err()).contains("warning: 1 of 4 rows left out");
    }
  }

  @Test
  void notesGoToStderrWithoutATerminalAndProgressDoesNot() {
    StringWriter text = new StringWriter();
    Reporting rep = new Reporting(new PrintWriter(text, true), false, false);
    rep.progress().step("reading");
    rep.note("wrote x.csv");
    assertThat(text.toString()).isEqualTo("backstrat: wrote x.csv" + System.lineSeparator());
  }

  @Test
  void dcaShowsItsRangesInWordsNotAsAJavaRecord() throws Exception {
    Path p = probabilities("1,0.9\n0,0.1\n1,0.8\n0,0.2\n1,0.7\n0,0.4\n");
    Run r = CommandLineTest.run("dca", "--data", p.toString(), "--outcome", "y",
        "--predictors", "r", "--out", tmp.resolve("d.csv").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("r: beats treat-all and treat-none at threshold")
        .doesNotContain("SuperiorRanges").doesNotContain("ThresholdRange").doesNotContain("[");
  }

  @Test
  void noMessageSaysExpectedTwice() throws Exception {
    Path p = probabilities("1,0.2\n0,x\n");
    Run dca = CommandLineTest.run("dca", "--data", p.toString(), "--outcome", "y",
        "--predictors", "r", "--out", tmp.resolve("d.csv").toString());
    assertThat(dca.exitCode()).isEqualTo(2);
    assertThat(dca.err()).contains("value \"x\": expected a predicted probability")
        .doesNotContain("expected expected");
    Path mapping = Files.writeString(tmp.resolve("m.json"), "{ not json");
    Run score = CommandLineTest.run("score", "--data",
        CommandLineTest.cohortResource("valid.csv"), "--mapping", mapping.toString(), "--out",
        tmp.resolve("s.csv").toString());
    assertThat(score.exitCode()).isEqualTo(2);
    assertThat(score.err()).contains("expected an import mapping")
        .doesNotContain("expected expected");
  }

  @Test
  void extremeSettingsAreRefusedWithTheirBounds() throws Exception {
    Path deep = nested(200_000);
    Path c = Path.of(CommandLineTest.cohortResource("valid.csv"));
    Map<List<String>, String> cases = Map.of(
        List.of("synth", "--n", "99999999999", "--out", tmp.resolve("s.csv").toString()),
        "expected a whole number from 1 to 100000000",
        List.of("cluster", "--data", c.toString(), "--features", "bmi", "--restarts",
            "2147483647", "--out", tmp.resolve("cl").toString()), "from 1 to 10000",
        List.of("dca", "--data", probabilities("1,0.2\n0,0.1\n").toString(), "--outcome", "y",
            "--predictors", "r", "--bootstrap", "2000000000", "--out", tmp.resolve("d.csv").toString()),
        "from 2 to 100000",
        List.of("analyze", "--data", c.toString(), "--config", deep.toString(), "--out",
            tmp.resolve("a").toString()), "levels deep",
        List.of("synth", "--n", "10", "--spec", deep.toString(), "--out",
            tmp.resolve("s2.csv").toString()), "levels deep",
        List.of("score", "--data", c.toString(), "--mapping", deep.toString(), "--out",
            tmp.resolve("s3.csv").toString()), "levels deep",
        List.of("assign", "--model", deep.toString(), "--data", c.toString(), "--out",
            tmp.resolve("s4.csv").toString()), "levels deep");
    for (Map.Entry<List<String>, String> e : cases.entrySet()) {
      Run r = CommandLineTest.run(e.getKey().toArray(String[]::new));
      assertThat(r.exitCode()).as(e.getKey() + ": " + r.err()).isEqualTo(2);
      assertThat(r.err()).as(e.getKey().toString()).contains(e.getValue())
          .doesNotContain("Exception").doesNotContain("StreamReadConstraints");
    }
    assertThat(tmp.resolve("s.csv")).doesNotExist();
  }

  @Test
  void runningOutOfMemoryIsOneLineSayingHowToGiveMoreExitThree() throws Exception {
    Path p = probabilities("1,0.2\n0,0.1\n1,0.9\n0,0.3\n");
    Path log = tmp.resolve("log.txt");
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx48m", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "dca", "--data", p.toString(), "--outcome", "y", "--predictors",
        "r", "--bootstrap", "60000", "--out", tmp.resolve("d.csv").toString());
    Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    assertThat(proc.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
    String text = Files.readString(log);
    assertThat(proc.exitValue()).as(text).isEqualTo(Main.EXIT_OUT_OF_MEMORY);
    assertThat(text.lines().toList()).as(text).hasSize(1);
    assertThat(text).contains("out of memory").contains("BACKSTRAT_JAVA_OPTS=-Xmx")
        .doesNotContain("\tat ").doesNotContain("java.lang.OutOfMemoryError");
    assertThat(tmp.resolve("d.csv")).doesNotExist();
  }

  /** Runs {@code Main}-like {@code mainClass} in a child JVM; its exit status and all output. */
  private Run child(List<String> jvm, String mainClass, String... args) throws Exception {
    Path log = tmp.resolve("child.txt");
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvm);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    cmd.addAll(List.of(args));
    Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    assertThat(proc.waitFor(4, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
    return new Run(proc.exitValue(), "", Files.readString(log));
  }

  private static void assertOneOutOfMemoryLine(Run r) {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(Main.EXIT_OUT_OF_MEMORY);
    assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
    assertThat(r.err()).contains("out of memory").contains("BACKSTRAT_JAVA_OPTS=-Xmx")
        .doesNotContain("\tat ").doesNotContain("java.lang.OutOfMemoryError")
        .doesNotContain("Exception in thread");
  }

  @Test
  void runningOutOfMemoryInAReaderThreadIsOneLineExitThreeNotAStackTraceAndAWrongMessage()
      throws Exception {
    // 1.5 million rows whose ids alone outgrow a 48 MB heap; four reader threads parse them,
    // so the heap runs out on a reader thread, not on the main thread
    Path data = tmp.resolve("big.csv");
    try (java.io.Writer w = Files.newBufferedWriter(data)) {
      w.write("id,a,b\n");
      for (int i = 0; i < 1_500_000; i++) {
        w.write("P" + i + "," + (i % 97) + ".5," + (i % 89) + ".25\n");
      }
    }
    Run r = child(List.of("-Xmx48m", "-XX:ActiveProcessorCount=4"), Main.class.getName(),
        "cluster", "--data", data.toString(), "--features", "a,b", "--k", "2", "--out",
        tmp.resolve("c").toString(), "--quiet");
    assertOneOutOfMemoryLine(r);
    assertThat(tmp.resolve("c")).doesNotExist();
  }

  /** Runs out of memory on a thread nobody joins to catch it, as a library's worker may. */
  public static final class StrayThreadMain {
    public static void main(String[] args) throws Exception {
      Main.exitOnOutOfMemoryInAnyThread();
      Thread t = new Thread(() -> {
        throw new OutOfMemoryError("Java heap space");
      }, "stray-worker");
      t.start();
      t.join();
      Thread.sleep(30_000);
      System.exit(0);
    }
  }

  @Test
  void runningOutOfMemoryOnAnyOtherThreadIsOneLineExitThreeAtOnce() throws Exception {
    assertOneOutOfMemoryLine(child(List.of(), StrayThreadMain.class.getName()));
  }
}
