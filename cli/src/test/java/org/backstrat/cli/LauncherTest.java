package org.backstrat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code ./backstrat} itself, run by bash on a copy of it beside a small jar
 * (so nothing is built): it passes the arguments and {@code BACKSTRAT_JAVA_OPTS} through, and its
 * class-data archive is a cache that never changes what a run prints or returns: recorded only
 * by a run that exited 0, never half written, never mapped when its size is not the one it was
 * written with, silently skipped when it is unusable or cannot be written.
 */
class LauncherTest {
  @TempDir
  Path tmp;
  Path root;
  Path cds;

  /** The jar's main class: prints its arguments, a property and the collector; "fail" exits 2. */
  public static final class FakeMain {
    public static void main(String[] args) {
      if (args.length > 1 && args[1].equals("fail")) {
        System.err.println("bad input");
        System.exit(2);
      }
      String gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
          .map(GarbageCollectorMXBean::getName).sorted().collect(Collectors.joining("+"));
      System.out.println("ran " + String.join(" ", args) + " property="
          + System.getProperty("backstrat.test") + " gc=" + gc);
      System.exit(0);
    }
  }

  /** What one launcher run gave. */
  record Result(int exit, String out, String err) {
  }

  @BeforeEach
  void layout() throws IOException {
    root = tmp.resolve("checkout");
    Files.createDirectories(root.resolve("cli/target"));
    Path launcher = root.resolve("backstrat");
    Files.copy(Path.of("..", "backstrat"), launcher);
    launcher.toFile().setExecutable(true);
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeMain.class.getName());
    String entry = FakeMain.class.getName().replace('.', '/') + ".class";
    try (OutputStream os = Files.newOutputStream(root.resolve("cli/target/backstrat.jar"));
         JarOutputStream jar = new JarOutputStream(os, mf);
         InputStream cls = FakeMain.class.getResourceAsStream("/" + entry)) {
      jar.putNextEntry(new JarEntry(entry));
      cls.transferTo(jar);
      jar.closeEntry();
    }
    cds = tmp.resolve("cds");
  }

  /** A launcher run under way, its stdout going to {@code out}. */
  record Running(Process process, Path out) {
    Result finish() throws Exception {
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      return new Result(process.exitValue(), Files.readString(out), err);
    }
  }

  private Result run(Map<String, String> env, String... args) throws Exception {
    return start(env, args).finish();
  }

  private Running start(Map<String, String> env, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("backstrat").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> e = pb.environment();
    e.remove("BACKSTRAT_JAVA_OPTS");
    e.remove("BACKSTRAT_CDS");
    e.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + e.get("PATH"));
    e.put("BACKSTRAT_CDS_DIR", cds.toString());
    e.putAll(env);
    Path out = Files.createTempFile(tmp, "out", ".txt");
    pb.redirectOutput(out.toFile());
    return new Running(pb.start(), out);
  }

  @Test
  void passesTheArgumentsAndBackstratJavaOptsThroughAndTheOptionsWin() throws Exception {
    Result r = run(Map.of("BACKSTRAT_JAVA_OPTS", "-Dbackstrat.test=42 -XX:+UseSerialGC"),
        "cluster", "--k", "3");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    // a collector chosen in the options replaces the launcher's (two would stop the JVM)
    assertThat(r.out()).startsWith("ran cluster --k 3 property=42 gc=").contains("Copy")
        .contains("MarkSweepCompact").endsWith("\n");
  }

  @Test
  void batchVerbsGetTheParallelCollectorAndServeKeepsG1WithoutAnArchive() throws Exception {
    assertThat(run(Map.of(), "cluster").out()).contains("PS Scavenge").contains("PS MarkSweep");
    Result serve = run(Map.of(), "serve");
    assertThat(serve.out()).contains("G1 Young Generation").doesNotContain("PS ");
    assertThat(files()).noneMatch(f -> f.getFileName().toString().startsWith("serve"));
  }

  @Test
  void aVerbsFirstRunRecordsItsArchiveAndTheNextRunMapsIt() throws Exception {
    Path log = tmp.resolve("classes.log");
    Map<String, String> opts = Map.of("BACKSTRAT_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
    Result first = run(opts, "cluster", "--k", "3");
    assertThat(first.exit()).isZero();
    assertThat(first.err()).isEmpty();
    assertThat(first.out()).startsWith("ran cluster --k 3 ");
    assertThat(wholeArchives()).singleElement().satisfies(
        f -> assertThat(f.getFileName().toString()).startsWith("cluster-"));
    assertThat(files()).hasSize(1); // no temporary file left
    Result second = run(opts, "cluster", "--k", "3");
    assertThat(second).isEqualTo(first);
    assertThat(Files.readString(log)).containsPattern(
        "LauncherTest\\$FakeMain source: shared objects file \\(top\\)");
  }

  @Test
  void aRunThatFailsOrOnlyAsksForHelpRecordsNothing() throws Exception {
    Result failed = run(Map.of(), "cluster", "fail");
    assertThat(failed.exit()).isEqualTo(2);
    assertThat(failed.err()).isEqualTo("bad input\n");
    assertThat(run(Map.of(), "cluster", "--help").exit()).isZero();
    assertThat(run(Map.of(), "--version").exit()).isZero();
    assertThat(files()).isEmpty();
    assertThat(run(Map.of("BACKSTRAT_CDS", "0"), "cluster").exit()).isZero();
    assertThat(files()).isEmpty();
  }

  @Test
  void aTruncatedArchiveIsNeverMappedAndIsRecordedAgain() throws Exception {
    Result first = run(Map.of(), "cluster");
    Path archive = wholeArchives().get(0);
    byte[] whole = Files.readAllBytes(archive);
    archive.toFile().setWritable(true);
    Files.write(archive, java.util.Arrays.copyOf(whole, whole.length / 2));
    // mapping a cut archive would crash the JVM (SIGBUS): the size in the name prevents it
    Result again = run(Map.of(), "cluster");
    assertThat(again).isEqualTo(first);
    assertThat(wholeArchives()).singleElement().satisfies(
        f -> assertThat(Files.size(f)).isEqualTo(whole.length));
  }

  @Test
  void anArchiveOfTheRightSizeButWrongContentIsIgnoredSilently() throws Exception {
    Result first = run(Map.of(), "cluster");
    Path archive = wholeArchives().get(0);
    byte[] junk = new byte[(int) Files.size(archive)];
    new java.util.Random(1).nextBytes(junk);
    archive.toFile().setWritable(true);
    Files.write(archive, junk);
    assertThat(run(Map.of(), "cluster")).isEqualTo(first);
  }

  @Test
  void runsStartedTogetherLeaveWholeArchivesOnly() throws Exception {
    List<Running> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      runs.add(start(Map.of(), "cluster", "--k", "3"));
    }
    for (Running r : runs) {
      Result res = r.finish();
      assertThat(res.exit()).isZero();
      assertThat(res.err()).isEmpty();
    }
    assertThat(files()).isNotEmpty().allMatch(f -> wholeArchivesUnchecked().contains(f));
    assertThat(run(Map.of(), "cluster", "--k", "3").exit()).isZero();
  }

  @Test
  void aCacheFolderThatCannotBeCreatedIsSilent() throws Exception {
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    Result r = run(Map.of("BACKSTRAT_CDS_DIR", file.resolve("cds").toString()), "cluster");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("ran cluster ");
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  private List<Path> wholeArchivesUnchecked() {
    try {
      return wholeArchives();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<Path> files() throws IOException {
    if (!Files.isDirectory(cds)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(cds)) {
      return s.sorted().toList();
    }
  }

  /** The archives in the cache whose size is the one in their name. */
  private List<Path> wholeArchives() throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path f : files()) {
      String name = f.getFileName().toString();
      if (name.endsWith(".jsa") && Files.size(f) == Long.parseLong(
          name.substring(name.lastIndexOf('-') + 1, name.length() - 4))) {
        out.add(f);
      }
    }
    return out;
  }
}
