package org.backstrat.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * One {@code backstrat demo} run (default cohort, default settings) per test JVM, shared by the
 * test classes that only read its outputs ({@link DemoTargetsTest}, {@link DemoEvidenceOutputsTest}).
 * The full default analysis is the slowest thing the tests do; each class used to run it again
 * with the same arguments and got the same bytes. Nobody may write into the directory.
 */
final class SharedDemo {
  private static Path out;
  private static String failure;

  private SharedDemo() {
  }

  /** The demo's output directory, made on first use; an {@link AssertionError} if demo failed. */
  static synchronized Path output() {
    if (out == null && failure == null) {
      try {
        Path dir = Files.createTempDirectory("backstrat-shared-demo");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        Path o = dir.resolve("demo");
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute("demo", "--out", o.toString(), "--quiet");
        if (code != 0) {
          failure = "demo exited with " + code + ": " + err;
        } else {
          out = o;
        }
      } catch (IOException e) {
        failure = "demo could not run: " + e;
      }
    }
    if (failure != null) {
      throw new AssertionError(failure);
    }
    return out;
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
