package org.backstrat.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.backstrat.core.BadInputException;

/**
 * For random layouts of inputs, an output path (existing file, folder with or without the
 * marker, a folder holding inputs, a new name, an input itself) and --force, whatever
 * {@link AtomicOutput} decides: no input byte changes, nothing outside the output appears or
 * changes, and no temporary is left behind.
 */
class OutputLayoutProperties {

  /** Folders and files of the layout, relative to its root ("" is the root). */
  private static final List<String> DIRS = List.of("a", "a/b", "c", "c/d");
  private static final List<String> FILES = List.of("f1.csv", "a/f2.csv", "a/b/f3.csv",
      "c/f4.csv", "c/d/f5.csv");
  private static final List<String> OUTPUTS = List.of("", "a", "a/b", "c", "c/d", "f1.csv",
      "a/f2.csv", "a/b/f3.csv", "c/f4.csv", "c/d/f5.csv", "new", "a/new", "a/b/new.csv",
      "missing/new.csv");

  @Provide
  Arbitrary<List<String>> inputs() {
    List<String> all = new ArrayList<>(FILES);
    all.addAll(DIRS);
    return Arbitraries.of(all).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
  }

  @Provide
  Arbitrary<String> output() {
    return Arbitraries.of(OUTPUTS);
  }

  @Provide
  Arbitrary<List<String>> marked() {
    return Arbitraries.of(DIRS).list().ofMaxSize(4).uniqueElements();
  }

  @Property(tries = 300)
  void noInputChangesAndNothingOutsideTheOutputAppears(
      @ForAll("inputs") List<String> inputs, @ForAll("output") String output,
      @ForAll("marked") List<String> marked, @ForAll boolean force,
      @ForAll OutputTarget.Kind kind) throws IOException {
    Path root = Files.createTempDirectory("backstrat-layout");
    try {
      for (String d : DIRS) {
        Files.createDirectories(root.resolve(d));
      }
      for (String f : FILES) {
        Files.writeString(root.resolve(f), "bytes of " + f);
      }
      for (String d : marked) {
        Files.writeString(root.resolve(d).resolve(AtomicOutput.MARKER), "");
      }
      Map<String, String> before = snapshot(root);
      Path out = output.isEmpty() ? root : root.resolve(output);
      Path[] in = inputs.stream().map(root::resolve).toArray(Path[]::new);
      OutputTarget target = new OutputTarget(out, kind, force, Arrays.asList(in));
      try {
        AtomicOutput.write(target, t -> {
          if (kind == OutputTarget.Kind.FILE) {
            Files.writeString(t, "new output");
          } else {
            Files.createDirectories(t.resolve("tables"));
            Files.writeString(t.resolve("tables/x.csv"), "new output");
          }
        });
      } catch (BadInputException refused) {
        // a refusal is allowed; what follows must hold either way
      }
      Map<String, String> after = snapshot(root);
      String outRel = output;
      for (Map.Entry<String, String> e : before.entrySet()) {
        boolean isInput = inputs.stream().anyMatch(i -> e.getKey().equals(i)
            || e.getKey().startsWith(i + "/"));
        if (isInput) {
          assertThat(after.get(e.getKey())).as("input %s", e.getKey()).isEqualTo(e.getValue());
        }
        if (!under(e.getKey(), outRel)) {
          assertThat(after.get(e.getKey())).as("outside the output: %s", e.getKey())
              .isEqualTo(e.getValue());
        }
      }
      for (String p : after.keySet()) {
        if (!under(p, outRel)) {
          assertThat(before).as("appeared outside the output: %s", p).containsKey(p);
        }
      }
    } finally {
      AtomicOutput.deleteQuietly(root);
    }
  }

  private static boolean under(String path, String out) {
    return out.isEmpty() || path.equals(out) || path.startsWith(out + "/");
  }

  /** Every file and folder under root: relative path to content (folders: "<dir>"). */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (p.equals(root)) {
          continue;
        }
        String rel = root.relativize(p).toString().replace('\\', '/');
        m.put(rel, Files.isDirectory(p) ? "<dir>"
            : new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
      }
    }
    return m;
  }
}
