package org.backstrat.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backstrat.core.BadInputException;

/**
 * The one way every verb writes its output, so that a user's data is never destroyed. The rules
 * (README, "Outputs"):
 * <ul>
 *   <li>Content goes to a temporary sibling {@code .<name>.backstrat-tmp-<pid>-<n>}, which is
 *       renamed into place only when the writer finished without error: an output appears
 *       whole or not at all. A temporary left by a killed run (its process is gone) is removed
 *       by the next run writing the same output; a previous output that a killed
 *       {@code --force} run had renamed aside is put back if nothing took its place.</li>
 *   <li>An existing output may never be, contain, or lie inside one of the verb's inputs, nor
 *       be the working directory or a folder above it; this holds with and without
 *       {@code --force}. (A new output may be created inside an input folder.)</li>
 *   <li>An existing output is replaced only with {@code --force}, and only when it is a
 *       previous output of the same kind: a regular file for a file verb; for a folder verb
 *       only a folder holding the marker file {@value #MARKER}, which backstrat writes into
 *       every output folder. A symbolic link is never replaced.</li>
 *   <li>The final step never replaces something that appeared meanwhile: a file is hard-linked
 *       into place (which fails if the name exists), a folder claims its name with an atomic
 *       {@code mkdir} and is then renamed over that empty folder. Of two runs writing the same
 *       new output exactly one wins; the other fails with "already exists" (exit 2).</li>
 *   <li>With {@code --force} the previous output is first renamed aside to
 *       {@code .<name>.backstrat-old-<pid>-<n>}, checked again there, and deleted only after
 *       the new output is in place.</li>
 * </ul>
 */
public final class AtomicOutput {

  /** The marker file in every output folder; only a folder holding it may be replaced. */
  public static final String MARKER = ".backstrat-output";

  private static final String MARKER_TEXT = "This folder was written by backstrat; "
      + "`--force` may replace it as a whole.\n";
  private static final int LONGEST_STEM = 150;
  private static final AtomicLong SEQUENCE = new AtomicLong();

  /** Writes the content of one output file or directory into the given temporary path. */
  @FunctionalInterface
  public interface Writer {
    /** Fill {@code target} (a file path to create, or an existing empty directory). */
    void write(Path target) throws IOException;
  }

  private AtomicOutput() {
  }

  /**
   * Refuses an output that breaks a rule (see the class comment); call before expensive work
   * so a user does not wait minutes to learn it. {@link #write} checks again.
   *
   * @throws BadInputException naming the output and the rule
   */
  public static void check(OutputTarget target) {
    Path out = absolute(target.path());
    Path parent = out.getParent();
    if (parent == null) {
      throw new BadInputException(target.path() + ": cannot write over the root folder");
    }
    if (!Files.isDirectory(parent)) {
      throw new BadInputException(target.path() + (Files.exists(parent)
          ? ": " + parent + " is a file, not a folder" : ": the folder " + parent
          + " does not exist"));
    }
    checkCanCreateIn(target, parent, out);
    removeStaleTemporaries(out);
    if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Path real = realPath(out);
    for (Path input : target.inputs()) {
      checkNotInput(target.path(), out, real, input);
    }
    Path cwd = realPath(Path.of("").toAbsolutePath());
    if (real != null && cwd != null && cwd.startsWith(real)) {
      throw new BadInputException(target.path() + ": is "
          + (cwd.equals(real) ? "the working directory" : "a folder above the working directory")
          + "; backstrat never writes over it, choose a new --out");
    }
    if (!target.force()) {
      throw new BadInputException(target.path() + ": already exists; use --force to replace it");
    }
    checkReplaceable(target, out, target.path().toString());
  }

  /**
   * Refuses (exit 2, before any work) a folder in which this user cannot create the output's
   * temporary: no permission, a read-only file system, a pseudo file system such as /proc.
   * Probed by creating and deleting an empty temporary, the only test that sees them all.
   */
  private static void checkCanCreateIn(OutputTarget target, Path parent, Path out) {
    Path probe = sibling(out, "tmp");
    try {
      Files.createFile(probe);
    } catch (IOException e) {
      throw new BadInputException(target.path() + ": cannot create files in the folder "
          + parent + " (" + reason(e) + "); choose another --out");
    }
    deleteQuietly(probe);
  }

  /** Why a file could not be created, in words. */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "the folder does not accept new files";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return String.valueOf(e.getMessage());
  }

  /** Writes an output under the rules of the class comment. */
  public static void write(OutputTarget target, Writer writer) {
    check(target);
    Path out = absolute(target.path());
    Path tmp = sibling(out, "tmp");
    try {
      if (target.kind() == OutputTarget.Kind.DIRECTORY) {
        Files.createDirectory(tmp);
        writer.write(tmp);
        Files.writeString(tmp.resolve(MARKER), MARKER_TEXT, StandardCharsets.UTF_8);
      } else {
        writer.write(tmp);
      }
      place(target, tmp, out);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new UncheckedIOException(target.path() + ": cannot write: " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      deleteQuietly(tmp);
      throw e;
    }
  }

  /** Same as {@link #check} for a file or folder output that declares no inputs. */
  public static void checkWritable(Path output, boolean force) {
    check(OutputTarget.file(output, force));
  }

  /** Writes one file atomically; prefer {@link #write} with the verb's inputs declared. */
  public static void writeFile(Path output, boolean force, Writer writer) {
    write(OutputTarget.file(output, force), writer);
  }

  /** Writes one folder atomically; prefer {@link #write} with the verb's inputs declared. */
  public static void writeDirectory(Path output, boolean force, Writer writer) {
    write(OutputTarget.directory(output, force), writer);
  }

  private static void checkNotInput(Path shown, Path out, Path real, Path input) {
    Path in = realPath(absolute(input));
    if (in == null || real == null) {
      return;
    }
    boolean same = in.equals(real);
    try {
      same = same || Files.isSameFile(out, input);
    } catch (IOException ignored) {
      // cannot tell more than the real paths do
    }
    if (same) {
      throw new BadInputException(shown + ": is the input " + input
          + "; backstrat never writes over its inputs, choose another --out");
    }
    if (in.startsWith(real)) {
      throw new BadInputException(shown + ": contains the input " + input
          + "; backstrat never replaces a folder holding its inputs, choose another --out");
    }
    if (real.startsWith(in)) {
      throw new BadInputException(shown + ": already exists inside the input folder " + input
          + "; backstrat never replaces anything among its inputs, choose another --out");
    }
  }

  /** Whether the existing {@code path} may be replaced by a --force output of this kind. */
  private static void checkReplaceable(OutputTarget target, Path path, String shown) {
    if (Files.isSymbolicLink(path)) {
      throw new BadInputException(shown + ": is a symbolic link; --force replaces only a "
          + "previous output, never a link");
    }
    if (target.kind() == OutputTarget.Kind.FILE) {
      if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        throw new BadInputException(shown + ": is " + (Files.isDirectory(path)
            ? "a folder" : "not a regular file") + "; --force replaces only a file (a "
            + "previous output), choose another --out");
      }
    } else if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new BadInputException(shown + ": is a file, not an output folder; --force "
          + "replaces only a folder backstrat wrote, choose another --out");
    } else if (!Files.isRegularFile(path.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
      throw new BadInputException(shown + ": is a folder backstrat did not write (no " + MARKER
          + " file in it); --force replaces only a previous backstrat output folder, so "
          + "remove it yourself or choose another --out");
    }
  }

  private static void place(OutputTarget target, Path tmp, Path out) throws IOException {
    if (!target.force() || !Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      placeNew(target, tmp, out);
      return;
    }
    Path old = sibling(out, "old");
    Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
    try {
      checkReplaceable(target, old, target.path().toString());
    } catch (BadInputException e) {
      // something else took the name after the check: put it back untouched
      Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
      throw e;
    }
    try {
      placeNew(target, tmp, out);
    } catch (BadInputException | IOException e) {
      try {
        placeNew(target, old, out);
      } catch (BadInputException | IOException again) {
        deleteQuietly(old);
      }
      throw e;
    }
    deleteQuietly(old);
  }

  /** Moves {@code tmp} to the name {@code out}, failing if that name exists at any moment. */
  private static void placeNew(OutputTarget target, Path tmp, Path out) throws IOException {
    if (target.kind() == OutputTarget.Kind.FILE) {
      try {
        Files.createLink(out, tmp);
        Files.delete(tmp);
        return;
      } catch (FileAlreadyExistsException e) {
        throw alreadyExists(target);
      } catch (IOException | UnsupportedOperationException e) {
        // a file system without hard links: claim the name with an exclusive create instead
      }
      claim(target, () -> Files.createFile(out));
    } else {
      claim(target, () -> Files.createDirectory(out));
    }
    try {
      Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.deleteIfExists(out); // only our empty claim: a non-empty folder is not deleted
      throw e;
    }
  }

  /** An action that creates a name atomically and fails if it exists. */
  @FunctionalInterface
  private interface Claim {
    void run() throws IOException;
  }

  private static void claim(OutputTarget target, Claim create) throws IOException {
    try {
      create.run();
    } catch (FileAlreadyExistsException e) {
      throw alreadyExists(target);
    }
  }

  private static BadInputException alreadyExists(OutputTarget target) {
    return new BadInputException(target.path() + ": already exists (written meanwhile by "
        + "another program or run); use --force to replace it");
  }

  /**
   * Removes temporaries of {@code out} left by runs that no longer exist (killed with
   * {@code kill -9}, or by a power cut); a live run's temporaries are left alone.
   */
  static void removeStaleTemporaries(Path out) {
    Pattern own = Pattern.compile("\\." + Pattern.quote(stem(out)) + "\\.(backstrat-tmp|backstrat-old"
        + "|tmp)-(\\d+)-\\d+");
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(out.getParent(),
        "." + globQuote(stem(out)) + ".*")) {
      for (Path p : siblings) {
        Matcher m = own.matcher(p.getFileName().toString());
        if (!m.matches() || alive(m.group(2))) {
          continue;
        }
        if (m.group(1).equals("backstrat-old") && !Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
          restore(p, out); // killed while replacing: the previous output comes back
        } else {
          deleteQuietly(p);
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // best effort: a stale temporary only costs space
    }
  }

  /**
   * Puts a previous output renamed aside by a run killed in mid-replacement back in place;
   * left as it is if that fails (never deleted while it is the only copy).
   */
  private static void restore(Path old, Path out) {
    try {
      if (Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(out);
        try {
          Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          Files.deleteIfExists(out);
        }
      } else {
        Files.createLink(out, old);
        Files.delete(old);
      }
    } catch (IOException | RuntimeException ignored) {
      // kept where it is; the user still has it
    }
  }

  private static boolean alive(String pid) {
    try {
      long id = Long.parseLong(pid);
      return id == ProcessHandle.current().pid()
          || ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private static Path sibling(Path out, String what) {
    return out.resolveSibling("." + stem(out) + ".backstrat-" + what + "-"
        + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet());
  }

  /** The output's name, shortened so its temporaries' names stay within file-name limits. */
  private static String stem(Path out) {
    String name = out.getFileName().toString();
    if (name.length() <= LONGEST_STEM) {
      return name;
    }
    return name.substring(0, LONGEST_STEM - 9) + "-" + String.format("%08x", name.hashCode());
  }

  private static String globQuote(String s) {
    return s.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
  }

  private static Path absolute(Path p) {
    return p.toAbsolutePath().normalize();
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  /** Deletes a file or directory tree, ignoring failures (used to clean up after errors). */
  public static void deleteQuietly(Path path) {
    if (path == null || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(path, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
          Files.deleteIfExists(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException ignored) {
      // best effort: the caller is already reporting the original failure
    }
  }
}
