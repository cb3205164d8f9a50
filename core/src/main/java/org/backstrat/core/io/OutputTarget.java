package org.backstrat.core.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Where a verb writes and under which rules ({@link AtomicOutput}): the output path, whether it
 * is one file or a folder, whether {@code --force} was given, and the verb's inputs, which the
 * output may never equal or contain. One value for every verb, so that every verb follows the
 * same output rules.
 *
 * @param path the output path as the user gave it
 * @param kind a file or a folder
 * @param force whether a previous output of the same kind may be replaced
 * @param inputs the files and folders the verb reads (never replaced, never inside the output)
 */
public record OutputTarget(Path path, Kind kind, boolean force, List<Path> inputs) {

  /** Whether a verb writes one file or a folder. */
  public enum Kind {
    /** One file (score, synth, dca, assign, imaging, export). */
    FILE,
    /** A folder, marked by {@link AtomicOutput#MARKER} (demo, analyze, cluster, phantoms). */
    DIRECTORY
  }

  /** Checks and copies the inputs. */
  public OutputTarget {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    inputs = inputs.stream().filter(Objects::nonNull).toList();
  }

  /** A one-file output. */
  public static OutputTarget file(Path path, boolean force, Path... inputs) {
    return new OutputTarget(path, Kind.FILE, force, nonNull(inputs));
  }

  /** A folder output. */
  public static OutputTarget directory(Path path, boolean force, Path... inputs) {
    return new OutputTarget(path, Kind.DIRECTORY, force, nonNull(inputs));
  }

  /** The same target with more inputs (e.g. the images a manifest names). */
  public OutputTarget withInputs(Collection<Path> more) {
    List<Path> all = new ArrayList<>(inputs);
    all.addAll(more);
    return new OutputTarget(path, kind, force, all);
  }

  private static List<Path> nonNull(Path[] inputs) {
    List<Path> list = new ArrayList<>();
    for (Path p : inputs) {
      if (p != null) {
        list.add(p);
      }
    }
    return list;
  }
}
