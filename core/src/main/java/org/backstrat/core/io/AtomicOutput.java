package org.backstrat.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.backstrat.core.BadInputException;

/**
 * Writes an output file or directory so that it appears whole or not at all: content goes to a
 * temporary sibling, which is renamed into place only when the writer finished without error.
 * An existing output is never replaced unless {@code force} is set, and a failed write leaves
 * nothing behind.
 */
public final class AtomicOutput {

  /** Writes the content of one output file or directory into the given temporary path. */
  @FunctionalInterface
  public interface Writer {
    /** Fill {@code target} (a file path to create, or an existing empty directory). */
    void write(Path target) throws IOException;
  }

  private AtomicOutput() {
  }

  /**
   * Refuses an existing output unless {@code force}; call before expensive work so a user does
   * not wait minutes to learn that the output exists.
   */
  public static void checkWritable(Path output, boolean force) {
    if (Files.exists(output) && !force) {
      throw new BadInputException(output + ": already exists; use --force to overwrite it");
    }
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new BadInputException(output + ": the folder " + parent + " does not exist");
    }
  }

  /** Writes one file atomically. */
  public static void writeFile(Path output, boolean force, Writer writer) {
    checkWritable(output, force);
    Path tmp = temporarySibling(output);
    try {
      writer.write(tmp);
      moveIntoPlace(tmp, output, force);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new UncheckedIOException(output + ": cannot write: " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      deleteQuietly(tmp);
      throw e;
    }
  }

  /** Writes one directory atomically; the writer receives an empty, existing directory. */
  public static void writeDirectory(Path output, boolean force, Writer writer) {
    checkWritable(output, force);
    Path tmp = temporarySibling(output);
    try {
      Files.createDirectories(tmp);
      writer.write(tmp);
      moveIntoPlace(tmp, output, force);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new UncheckedIOException(output + ": cannot write: " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      deleteQuietly(tmp);
      throw e;
    }
  }

  private static Path temporarySibling(Path output) {
    Path abs = output.toAbsolutePath();
    String name = "." + abs.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
        + System.nanoTime();
    return abs.resolveSibling(name);
  }

  private static void moveIntoPlace(Path tmp, Path output, boolean force) throws IOException {
    if (force && Files.exists(output)) {
      // replace: move the old one aside first so a failure never leaves neither
      Path old = temporarySibling(output);
      Files.move(output, old, StandardCopyOption.ATOMIC_MOVE);
      try {
        Files.move(tmp, output, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        Files.move(old, output, StandardCopyOption.ATOMIC_MOVE);
        throw e;
      }
      deleteQuietly(old);
      return;
    }
    try {
      Files.move(tmp, output, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      throw new BadInputException(output + ": already exists; use --force to overwrite it");
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, output);
    }
  }

  /** Deletes a file or directory tree, ignoring failures (used to clean up after errors). */
  public static void deleteQuietly(Path path) {
    if (path == null || !Files.exists(path)) {
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
