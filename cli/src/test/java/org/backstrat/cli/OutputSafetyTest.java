package org.backstrat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.backstrat.cli.CommandLineTest.Run;
import org.backstrat.core.io.AtomicOutput;
import org.backstrat.server.registry.Registry;
import org.backstrat.server.registry.RegistryUrl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The output rules (README, "Outputs") for every verb that writes: an input is never written
 * over, --force replaces only a previous output of the same kind, never the working directory;
 * stale temporaries of killed runs are removed; of two runs to one new output exactly one wins
 * and the other exits 2 "already exists". Inputs are compared byte for byte afterwards.
 */
class OutputSafetyTest {

  @TempDir
  static Path shared;
  static Path cohort;
  static Path probabilities;
  static Path config;
  static Path spec;
  static Path phantoms;
  static Path model;
  static Path registry;

  @TempDir
  Path tmp;

  /** Whether a verb writes one file or a folder. */
  enum Kind { FILE, FOLDER }

  /** Every verb that writes, with cheap settings; its inputs are the shared fixtures. */
  enum Verb {
    DEMO(Kind.FOLDER),
    SYNTH(Kind.FILE),
    SCORE(Kind.FILE),
    ANALYZE(Kind.FOLDER),
    CLUSTER(Kind.FOLDER),
    DCA(Kind.FILE),
    IMAGING(Kind.FILE),
    PHANTOMS(Kind.FOLDER),
    ASSIGN(Kind.FILE),
    EXPORT(Kind.FILE);

    final Kind kind;

    Verb(Kind kind) {
      this.kind = kind;
    }

    /** The arguments writing to {@code out}, reading {@code input} as its main input. */
    List<String> args(Path out, Path input) {
      String o = out.toString();
      String in = input == null ? null : input.toString();
      return switch (this) {
        case DEMO -> List.of("demo", "-q", "--out", o);
        case SYNTH -> List.of("synth", "-q", "--n", "30", "--spec", in, "--out", o);
        case SCORE -> List.of("score", "-q", "--data", in, "--out", o);
        case ANALYZE -> List.of("analyze", "-q", "--data", in, "--config", config.toString(),
            "--out", o);
        case CLUSTER -> List.of("cluster", "-q", "--data", in, "--features", "bmi,sbt_9",
            "--k", "2", "--restarts", "2", "--out", o);
        case DCA -> List.of("dca", "-q", "--data", in, "--outcome", "y", "--predictors", "r",
            "--out", o);
        case IMAGING -> List.of("imaging", "-q", "--input", in, "--out", o);
        case PHANTOMS -> List.of("phantoms", "-q", "--n", "1", "--out", o);
        case ASSIGN -> List.of("assign", "-q", "--model", model.toString(), "--data", in,
            "--out", o);
        case EXPORT -> List.of("export", "-q", "--db", in, "--out", o);
      };
    }

    /** The verb's main input (a shared fixture), or null for verbs that read none. */
    Path input() {
      return switch (this) {
        case DEMO, PHANTOMS -> null;
        case SYNTH -> spec;
        case SCORE, ANALYZE, CLUSTER, ASSIGN -> cohort;
        case DCA -> probabilities;
        case IMAGING -> phantoms;
        case EXPORT -> registry;
      };
    }
  }

  @BeforeAll
  static void fixtures() throws Exception {
    cohort = shared.resolve("c.csv");
    Run synth = CommandLineTest.run("synth", "-q", "--n", "120", "--seed", "3", "--out",
        cohort.toString());
    assertThat(synth.exitCode()).as(synth.err()).isZero();
    config = shared.resolve("quick.json");
    Files.writeString(config, "{\"restarts\": 2, \"stability_resamples\": 2, "
        + "\"gap_references\": 2, \"k_max\": 3, \"repeats\": 1, \"dca_bootstrap\": 0, "
        + "\"permutations\": 0}");
    spec = shared.resolve("spec.json");
    try (var s = org.backstrat.core.synth.CohortSynthesizer.class.getResourceAsStream(
        "default-spec.json")) {
      Files.write(spec, s.readAllBytes());
    }
    probabilities = shared.resolve("p.csv");
    StringBuilder p = new StringBuilder("y,r\n");
    for (int i = 0; i < 40; i++) {
      p.append(i % 3 == 0 ? 1 : 0).append(',').append((i % 10) / 10.0 + 0.05).append('\n');
    }
    Files.writeString(probabilities, p);
    phantoms = shared.resolve("ph");
    Run ph = CommandLineTest.run("phantoms", "-q", "--n", "1", "--out", phantoms.toString());
    assertThat(ph.exitCode()).as(ph.err()).isZero();
    model = Path.of("..", "model", "src", "test", "resources", "org", "backstrat", "model",
        "person", "fixture-model.json");
    registry = shared.resolve("registry.db");
    Registry.open(RegistryUrl.sqliteFile(registry)).close();
  }

  static Run run(Verb verb, Path out, Path input, String... more) {
    List<String> args = new ArrayList<>(verb.args(out, input));
    args.addAll(Arrays.asList(more));
    return CommandLineTest.run(args.toArray(String[]::new));
  }

  /** Every regular file under (or at) path with its bytes, to compare before and after. */
  static Map<String, byte[]> bytes(Path path) throws IOException {
    return Files.isDirectory(path) ? ReproducibleOutputTest.contents(path)
        : Map.of("", Files.readAllBytes(path));
  }

  static void assertSameBytes(Map<String, byte[]> before, Path path) throws IOException {
    Map<String, byte[]> after = bytes(path);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (String k : before.keySet()) {
      assertThat(after.get(k)).as(path + "/" + k).isEqualTo(before.get(k));
    }
  }

  /** A copy of the verb's input in {@code dir}, so the test may point the output at it. */
  static Path copyOfInput(Verb verb, Path dir) throws IOException {
    Path src = verb.input();
    Path dst = dir.resolve(src.getFileName());
    if (Files.isDirectory(src)) {
      try (Stream<Path> s = Files.walk(src)) {
        for (Path f : s.toList()) {
          Path t = dst.resolve(src.relativize(f).toString());
          if (Files.isDirectory(f)) {
            Files.createDirectories(t);
          } else {
            Files.copy(f, t);
          }
        }
      }
    } else {
      Files.copy(src, dst);
    }
    return dst;
  }

  @ParameterizedTest
  @EnumSource(value = Verb.class, names = {"DEMO", "PHANTOMS"}, mode = EnumSource.Mode.EXCLUDE)
  void forceNeverWritesOverTheInputNorAFolderHoldingIt(Verb verb) throws IOException {
    Path input = copyOfInput(verb, tmp);
    Map<String, byte[]> before = bytes(input);
    Path out = verb.kind == Kind.FILE ? input : tmp;
    if (verb.kind == Kind.FOLDER) {
      Files.writeString(tmp.resolve(AtomicOutput.MARKER), ""); // even a marked folder
    }
    Run r = run(verb, out, input, "--force");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    if (verb == Verb.IMAGING) { // the input is a folder of studies: refused as a folder
      assertThat(r.err()).containsAnyOf("is a folder", "contains the input");
    } else {
      assertThat(r.err()).contains(verb.kind == Kind.FILE ? "is the input" : "contains the input");
    }
    assertSameBytes(before, input);
  }

  /**
   * A folder in which this user cannot create files: a read-only one, or where the tests run as
   * root (whom permissions do not stop) the pseudo file system /proc.
   */
  static Path unwritableFolder(Path tmp) throws IOException {
    Path ro = Files.createDirectories(tmp.resolve("read-only"));
    if (ro.toFile().setWritable(false, false)) {
      try {
        Files.delete(Files.createFile(ro.resolve("probe")));
      } catch (IOException refused) {
        return ro;
      }
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")),
        "no folder this user cannot write in");
    return Path.of("/proc");
  }

  @ParameterizedTest
  @EnumSource(Verb.class)
  void aFolderWhereNoFileCanBeCreatedIsRefusedWithExitTwoBeforeAnyWork(Verb verb)
      throws IOException {
    Path folder = unwritableFolder(tmp);
    Path out = folder.resolve(verb.kind == Kind.FILE ? "out.csv" : "out");
    Run r = run(verb, out, verb.input());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(out + ": cannot create files in the folder " + folder)
        .contains("choose another --out").doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  @Test
  void imagingNeverWritesOverTheOnnxModelACardNamesEvenWithForce() throws Exception {
    Path cards = Files.createDirectories(tmp.resolve("cards"));
    for (String f : List.of("disc_localiser_phantom.card.json", "disc_localiser_phantom.onnx")) {
      try (var in = org.backstrat.imaging.model.ModelCard.class.getResourceAsStream(
          "/org/backstrat/imaging/models/" + f)) {
        Files.write(cards.resolve(f), in.readAllBytes());
      }
    }
    Path onnx = cards.resolve("disc_localiser_phantom.onnx");
    Map<String, byte[]> before = bytes(cards);
    Run r = run(Verb.IMAGING, onnx, phantoms, "--disc-model",
        cards.resolve("disc_localiser_phantom.card.json").toString(), "--force");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(onnx + ": is the input " + onnx);
    assertSameBytes(before, cards);
  }

  @Test
  void imagingNeverWritesOverALabelImageOrAnMhdDataFileOfAListedImageEvenWithForce()
      throws Exception {
    Path study = copyOfInput(Verb.IMAGING, tmp).resolve("phantom-0001");
    Path sagittal = study.resolve("sagittal_t2.mha");
    Path labels = study.resolve("sagittal_t2_labels.mha");
    Path mhd = Files.writeString(study.resolve("axial_l4l5.mhd"), "ObjectType = Image\n"
        + "NDims = 3\nDimSize = 8 8 1\nElementType = MET_SHORT\n"
        + "ElementDataFile = axial_l4l5.raw\n");
    Path raw = Files.write(study.resolve("axial_l4l5.raw"), new byte[128]);
    Path manifest = Files.writeString(tmp.resolve("m.csv"), "id,sagittal,axial_l4l5\ns1,"
        + sagittal + "," + mhd + "\n");
    Map<String, byte[]> before = bytes(study);
    for (Path out : List.of(labels, raw)) {
      Run r = run(Verb.IMAGING, out, manifest, "--force");
      assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).contains(out + ": is the input " + out);
      assertSameBytes(before, study);
    }
  }

  @Test
  void imagingMayReplaceItsPreviousOutputBesideTheStudiesButNeverAStudyFile() throws Exception {
    Path studies = copyOfInput(Verb.IMAGING, tmp);
    Map<String, byte[]> before = bytes(studies);
    Path out = studies.resolve("biomarkers.csv");
    Run first = run(Verb.IMAGING, out, studies);
    assertThat(first.exitCode()).as(first.err()).isZero();
    Run again = run(Verb.IMAGING, out, studies, "--force");
    assertThat(again.exitCode()).as(again.err()).isZero();
    Path image;
    try (Stream<Path> s = Files.walk(studies)) {
      image = s.filter(f -> f.getFileName().toString().startsWith("sagittal_t2")).findFirst()
          .orElseThrow();
    }
    Run r = run(Verb.IMAGING, image, studies, "--force");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("inside the input folder");
    Map<String, byte[]> after = bytes(studies);
    after.remove("biomarkers.csv");
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (String k : before.keySet()) {
      assertThat(after.get(k)).as(k).isEqualTo(before.get(k));
    }
  }

  @ParameterizedTest
  @EnumSource(Verb.class)
  void forceReplacesOnlyAPreviousOutputOfTheSameKind(Verb verb) throws IOException {
    Path out;
    if (verb.kind == Kind.FILE) {
      out = Files.createDirectories(tmp.resolve("folder")); // score --out <folder> --force
    } else {
      out = Files.createDirectories(tmp.resolve("mine")); // a folder backstrat did not write
    }
    Files.writeString(out.resolve("keep.txt"), "the user's file");
    Run r = run(verb, out, verb.input(), "--force");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(verb.kind == Kind.FILE ? "is a folder" : "did not write");
    assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("the user's file");
    if (verb.kind == Kind.FOLDER) {
      Path file = Files.writeString(tmp.resolve("plain"), "a file");
      Run f = run(verb, file, verb.input(), "--force");
      assertThat(f.exitCode()).as(f.err()).isEqualTo(2);
      assertThat(Files.readString(file)).isEqualTo("a file");
    }
  }

  @ParameterizedTest
  @EnumSource(Verb.class)
  void anExistingOutputIsKeptWithoutForce(Verb verb) throws IOException {
    Path out = tmp.resolve("out");
    if (verb.kind == Kind.FILE) {
      Files.writeString(out, "previous");
    } else {
      Files.createDirectories(out);
      Files.writeString(out.resolve(AtomicOutput.MARKER), "");
    }
    Map<String, byte[]> before = bytes(out);
    Run r = run(verb, out, verb.input());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("already exists").contains("--force");
    assertSameBytes(before, out);
  }

  @ParameterizedTest
  @EnumSource(Verb.class)
  void theWorkingDirectoryIsNeverReplaced(Verb verb) throws Exception {
    Path cwd = Files.createDirectories(tmp.resolve("work"));
    Files.writeString(cwd.resolve(AtomicOutput.MARKER), ""); // even if it looks like an output
    Files.writeString(cwd.resolve("notes.txt"), "the user's notes");
    Path sub = Files.createDirectories(cwd.resolve("sub"));
    for (Path dir : List.of(cwd, sub)) {
      Path log = tmp.resolve("log-" + dir.getFileName() + ".txt");
      List<String> args = new ArrayList<>(verb.args(Path.of(dir == cwd ? "." : ".."),
          verb.input() == null ? null : verb.input().toAbsolutePath()));
      args.add("--force");
      int code = runIn(dir, log, args);
      assertThat(code).as(Files.readString(log)).isEqualTo(2);
      assertThat(Files.readString(log)).contains("working directory");
      assertThat(Files.readString(cwd.resolve("notes.txt"))).isEqualTo("the user's notes");
    }
  }

  /** Runs the command line in a child JVM whose working directory is {@code dir}. */
  static int runIn(Path dir, Path log, List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd);
    }
    return p.exitValue();
  }

  // demo runs the full default analysis (too slow to run to the end twice here); its output goes
  // through the same AtomicOutput.write, whose own tests cover these two rules
  @ParameterizedTest
  @EnumSource(value = Verb.class, names = "DEMO", mode = EnumSource.Mode.EXCLUDE)
  void staleTemporariesOfAKilledRunAreRemovedAndForceReplacesAPreviousOutput(Verb verb)
      throws Exception {
    Path input = verb.input() == null ? null : copyOfInput(verb, tmp);
    Map<String, byte[]> before = input == null ? Map.of() : bytes(input);
    Path out = tmp.resolve("out");
    long dead = deadPid();
    Path stale = tmp.resolve(".out.backstrat-tmp-" + dead + "-1");
    Files.createDirectories(stale);
    Files.writeString(stale.resolve("big.bin"), "x".repeat(1000));
    Run first = run(verb, out, input);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(stale).doesNotExist();
    Path staleOld = Files.writeString(tmp.resolve(".out.backstrat-old-" + dead + "-2"), "x");
    if (verb.kind == Kind.FOLDER) {
      assertThat(out.resolve(AtomicOutput.MARKER)).isRegularFile();
    } else {
      assertThat(out).isRegularFile();
    }
    Run again = run(verb, out, input, "--force");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(staleOld).doesNotExist();
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.contains("backstrat-tmp") || n.contains("backstrat-old"));
    }
    if (input != null) {
      assertSameBytes(before, input);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Verb.class, names = "DEMO", mode = EnumSource.Mode.EXCLUDE)
  void ofTwoConcurrentRunsToOneOutputExactlyOneWinsAndTheOtherSaysAlreadyExists(Verb verb)
      throws Exception {
    Path out = tmp.resolve("race");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Run>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(pool.submit(() -> run(verb, out, verb.input())));
      }
      List<Run> results = new ArrayList<>();
      for (Future<Run> f : runs) {
        results.add(f.get(5, TimeUnit.MINUTES));
      }
      assertThat(results).filteredOn(r -> r.exitCode() == 0).hasSize(1);
      assertThat(results).filteredOn(r -> r.exitCode() == 2).hasSize(1)
          .allSatisfy(r -> assertThat(r.err()).contains("already exists"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aKilledSynthLeavesATemporaryTheNextRunRemoves() throws Exception {
    Path out = tmp.resolve("big.csv");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "synth", "-q", "--n", "5000000", "--out", out.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("log.txt").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (temporaries().isEmpty() && System.nanoTime() < deadline && p.isAlive()) {
      Thread.sleep(50);
    }
    assertThat(temporaries()).as(Files.readString(tmp.resolve("log.txt"))).hasSize(1);
    p.destroyForcibly().waitFor(); // SIGKILL: no cleanup runs
    assertThat(temporaries()).hasSize(1);
    assertThat(out).doesNotExist();
    Run again = CommandLineTest.run("synth", "-q", "--n", "10", "--out", out.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(temporaries()).isEmpty();
  }

  private List<Path> temporaries() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.filter(f -> f.getFileName().toString().contains("backstrat-tmp")).toList();
    }
  }

  /** The id of a process that has ended. */
  static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }
}
