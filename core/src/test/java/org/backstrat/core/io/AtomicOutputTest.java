package org.backstrat.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

  @TempDir
  Path dir;

  private static AtomicOutput.Writer text(String s) {
    return f -> Files.writeString(f, s);
  }

  @Test
  void aFileOutputEqualToAnInputIsRefusedEvenWithForce() throws IOException {
    Path in = Files.writeString(dir.resolve("c.csv"), "input");
    assertThatThrownBy(() -> AtomicOutput.write(OutputTarget.file(in, true, in), text("x")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("is the input");
    assertThat(Files.readString(in)).isEqualTo("input");
  }

  @Test
  void aHardLinkToAnInputIsTheInput() throws IOException {
    Path in = Files.writeString(dir.resolve("c.csv"), "input");
    Path link = Files.createLink(dir.resolve("link.csv"), in);
    assertThatThrownBy(() -> AtomicOutput.write(OutputTarget.file(link, true, in), text("x")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("is the input");
    assertThat(Files.readString(in)).isEqualTo("input");
  }

  @Test
  void aFolderHoldingAnInputIsNeverReplaced() throws IOException {
    Path d = Files.createDirectories(dir.resolve("d/sub"));
    Path in = Files.writeString(d.resolve("c.csv"), "input");
    Files.writeString(dir.resolve("d").resolve(AtomicOutput.MARKER), "");
    assertThatThrownBy(() -> AtomicOutput.write(
        OutputTarget.directory(dir.resolve("d"), true, in), out -> { }))
        .isInstanceOf(BadInputException.class).hasMessageContaining("contains the input");
    assertThat(Files.readString(in)).isEqualTo("input");
  }

  @Test
  void forceReplacesOnlyAFileForAFileVerb() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("folder"));
    Files.writeString(folder.resolve("keep"), "keep");
    assertThatThrownBy(() -> AtomicOutput.write(OutputTarget.file(folder, true), text("x")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("is a folder");
    assertThat(Files.readString(folder.resolve("keep"))).isEqualTo("keep");
    Path old = Files.writeString(dir.resolve("old.csv"), "old");
    AtomicOutput.write(OutputTarget.file(old, true), text("new"));
    assertThat(Files.readString(old)).isEqualTo("new");
  }

  @Test
  void forceReplacesOnlyAFolderBackstratWrote() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("folder"));
    Files.writeString(folder.resolve("keep"), "keep");
    assertThatThrownBy(() -> AtomicOutput.write(OutputTarget.directory(folder, true),
        out -> Files.writeString(out.resolve("a"), "a")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("did not write");
    assertThat(Files.readString(folder.resolve("keep"))).isEqualTo("keep");

    Path ours = dir.resolve("ours");
    AtomicOutput.write(OutputTarget.directory(ours, false),
        out -> Files.writeString(out.resolve("a"), "1"));
    assertThat(ours.resolve(AtomicOutput.MARKER)).isRegularFile();
    AtomicOutput.write(OutputTarget.directory(ours, true),
        out -> Files.writeString(out.resolve("b"), "2"));
    assertThat(ours.resolve("a")).doesNotExist();
    assertThat(Files.readString(ours.resolve("b"))).isEqualTo("2");
    assertThat(siblings()).containsExactlyInAnyOrder("folder", "ours");
  }

  @Test
  void aFileIsNotAFolderOutput() throws IOException {
    Path f = Files.writeString(dir.resolve("f"), "data");
    assertThatThrownBy(() -> AtomicOutput.write(OutputTarget.directory(f, true), out -> { }))
        .isInstanceOf(BadInputException.class).hasMessageContaining("is a file");
    assertThat(Files.readString(f)).isEqualTo("data");
  }

  @Test
  void aSymbolicLinkIsNeverReplaced() throws IOException {
    Path target = Files.writeString(dir.resolve("target.csv"), "data");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target);
    assertThatThrownBy(() -> AtomicOutput.write(OutputTarget.file(link, true), text("x")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("symbolic link");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(target)).isEqualTo("data");
  }

  @Test
  void theWorkingDirectoryAndItsAncestorsAreNeverReplaced() throws IOException {
    Path cwd = Path.of("").toAbsolutePath();
    for (Path p : List.of(cwd, cwd.getParent())) {
      assertThatThrownBy(() -> AtomicOutput.check(OutputTarget.directory(p, true)))
          .isInstanceOf(BadInputException.class).hasMessageContaining("working directory");
    }
  }

  @Test
  void staleTemporariesOfDeadRunsAreRemovedAndLiveOnesKept() throws Exception {
    long dead = deadPid();
    Path out = dir.resolve("c.csv");
    Path staleFile = Files.writeString(dir.resolve(".c.csv.backstrat-tmp-" + dead + "-3"), "x");
    Path staleDir = Files.createDirectories(dir.resolve(".c.csv.backstrat-tmp-" + dead + "-4"));
    Path legacy = Files.writeString(dir.resolve(".c.csv.tmp-" + dead + "-123456"), "x");
    long self = ProcessHandle.current().pid();
    Path live = Files.writeString(dir.resolve(".c.csv.backstrat-tmp-" + self + "-999999"), "x");
    Path other = Files.writeString(dir.resolve(".d.csv.backstrat-tmp-" + dead + "-3"), "x");
    AtomicOutput.write(OutputTarget.file(out, false), text("new"));
    assertThat(staleFile).doesNotExist();
    assertThat(staleDir).doesNotExist();
    assertThat(legacy).doesNotExist();
    assertThat(live).exists();
    assertThat(other).exists();
  }

  @Test
  void aPreviousOutputRenamedAsideByAKilledForcedRunIsPutBack() throws Exception {
    long dead = deadPid();
    Path out = dir.resolve("results");
    Path aside = Files.createDirectories(dir.resolve(".results.backstrat-old-" + dead + "-7"));
    Files.writeString(aside.resolve(AtomicOutput.MARKER), "");
    Files.writeString(aside.resolve("summary.json"), "{}");
    assertThatThrownBy(() -> AtomicOutput.write(OutputTarget.directory(out, false), d -> { }))
        .isInstanceOf(BadInputException.class).hasMessageContaining("already exists");
    assertThat(aside).doesNotExist();
    assertThat(Files.readString(out.resolve("summary.json"))).isEqualTo("{}");
    // once the output is back, a stale copy set aside is only a leftover of a replacement
    Path leftover = Files.createDirectories(dir.resolve(".results.backstrat-old-" + dead + "-8"));
    AtomicOutput.write(OutputTarget.directory(out, true), d -> Files.writeString(
        d.resolve("summary.json"), "{\"new\": 1}"));
    assertThat(leftover).doesNotExist();
    assertThat(Files.readString(out.resolve("summary.json"))).isEqualTo("{\"new\": 1}");
  }

  @Test
  void ofTwoConcurrentWritesToANewOutputExactlyOneWins() throws Exception {
    for (OutputTarget.Kind kind : OutputTarget.Kind.values()) {
      Path out = dir.resolve("race-" + kind);
      CyclicBarrier bothWritten = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<String>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        String content = "run " + i;
        runs.add(pool.submit(() -> {
          try {
            AtomicOutput.write(new OutputTarget(out, kind, false, List.of()), f -> {
              if (kind == OutputTarget.Kind.FILE) {
                Files.writeString(f, content);
              } else {
                Files.writeString(f.resolve("x"), content);
              }
              try {
                bothWritten.await(); // both passed the check and wrote before either places
              } catch (Exception e) {
                throw new IOException(e);
              }
            });
            return "won " + content;
          } catch (BadInputException e) {
            return e.getMessage();
          }
        }));
      }
      List<String> results = new ArrayList<>();
      for (Future<String> f : runs) {
        results.add(f.get());
      }
      pool.shutdown();
      assertThat(results).filteredOn(r -> r.startsWith("won")).hasSize(1);
      assertThat(results).filteredOn(r -> r.contains("already exists")).hasSize(1);
      String winner = results.stream().filter(r -> r.startsWith("won")).findFirst().orElseThrow()
          .substring(4);
      Path written = kind == OutputTarget.Kind.FILE ? out : out.resolve("x");
      assertThat(Files.readString(written)).isEqualTo(winner);
    }
    assertThat(siblings()).containsExactlyInAnyOrder("race-FILE", "race-DIRECTORY");
  }

  @Test
  void aFolderWhereNoFileCanBeCreatedIsBadInputSayingWhy() throws IOException {
    Path ro = Files.createDirectories(dir.resolve("ro"));
    boolean rootIgnoresPermissions = true;
    if (ro.toFile().setWritable(false, false)) {
      try {
        Files.delete(Files.createFile(ro.resolve("probe")));
      } catch (IOException refused) {
        rootIgnoresPermissions = false;
      }
    }
    if (!rootIgnoresPermissions) {
      assertThatThrownBy(() -> AtomicOutput.writeFile(ro.resolve("o.csv"), false, text("x")))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("o.csv: cannot create files in the folder " + ro
              + " (permission denied); choose another --out");
    }
    if (Files.isDirectory(Path.of("/proc/self"))) { // refuses new files even to root
      assertThatThrownBy(() -> AtomicOutput.writeDirectory(Path.of("/proc/o"), false,
          d -> Files.writeString(d.resolve("x"), "x")))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("/proc/o: cannot create files in the folder /proc (");
    }
    ro.toFile().setWritable(true, false);
  }

  @Test
  void aFileWhereTheOutputsFolderShouldBeIsNamedAsSuch() throws IOException {
    Path file = Files.writeString(dir.resolve("f.csv"), "x");
    assertThatThrownBy(() -> AtomicOutput.checkWritable(file.resolve("o.csv"), false))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("o.csv: " + file + " is a file, not a folder");
  }

  @Test
  void aFailedWriteLeavesNothingAndKeepsThePreviousOutput() throws IOException {
    Path old = Files.writeString(dir.resolve("o.csv"), "old");
    assertThatThrownBy(() -> AtomicOutput.write(OutputTarget.file(old, true), f -> {
      Files.writeString(f, "half");
      throw new IOException("disk full");
    })).hasMessageContaining("disk full");
    assertThat(Files.readString(old)).isEqualTo("old");
    assertThat(siblings()).containsExactly("o.csv");
  }

  private List<String> siblings() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }

  /** The id of a process that has ended. */
  static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    long pid = p.pid();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    return pid;
  }

  @Test
  void writtenBytesAreTheWritersBytes() throws IOException {
    Path out = dir.resolve("u.txt");
    AtomicOutput.write(OutputTarget.file(out, false), f -> Files.write(f,
        "ä".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readAllBytes(out)).isEqualTo("ä".getBytes(StandardCharsets.UTF_8));
  }
}
