package org.backstrat.imaging.phantom;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.backstrat.core.BadInputException;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.core.io.AtomicOutput;
import org.backstrat.core.io.OutputTarget;
import org.backstrat.imaging.StudyLayout;
import org.backstrat.imaging.io.MetaImageWriter;
import org.backstrat.imaging.io.SampleType;
import org.backstrat.imaging.volume.Volume;

/**
 * The {@code backstrat phantoms --n N --seed S --out DIR} job: writes N phantom studies in the
 * {@link StudyLayout} (one folder per person id, {@code phantom-0001} ...; images as int16 and
 * labels as uint8 MetaImage {@code .mha}, zlib-compressed) and {@code DIR/truth.csv} with the
 * columns {@code id}, {@code pfirrmann_l1l2..pfirrmann_l5s1} and {@code
 * facet_angle_<level>_<side>} of the cohort schema. The output directory appears whole or not
 * at all ({@link AtomicOutput}); the same seed gives the same bytes, whatever the thread count,
 * because each study's seed is drawn from the master seed in study order before any work runs.
 * Voxel values are identical on every platform (the generator uses {@link StrictMath}); the
 * compressed file bytes also depend on the zlib build, so for bytes identical across machines
 * use {@link #withCompression(boolean) withCompression(false)}.
 */
public final class PhantomJob {
  /** Receives progress: studies finished so far, and the total. Called from one thread. */
  @FunctionalInterface
  public interface Progress {
    /** {@code done} of {@code total} studies are written. */
    void update(int done, int total);
  }

  /** What was written. */
  public record Result(Path directory, Path truthCsv, int studies) {
  }

  private static final int MAX_STUDIES = 1_000_000;
  private final int count;
  private final long seed;
  private final int threads;
  private final PhantomGenerator generator;
  private final boolean compressed;

  private PhantomJob(int count, long seed, int threads, PhantomGenerator generator,
                     boolean compressed) {
    this.count = count;
    this.seed = seed;
    this.threads = threads;
    this.generator = generator;
    this.compressed = compressed;
  }

  /** 10 studies, seed 1, all cores, 256 x 256 images. */
  public static PhantomJob withDefaults() {
    return new PhantomJob(10, 1, Runtime.getRuntime().availableProcessors(),
        PhantomGenerator.withDefaults(), true);
  }

  /**
   * A copy writing {@code n} studies.
   *
   * @throws BadInputException unless {@code 1 <= n <= 1,000,000}
   */
  public PhantomJob withCount(int n) {
    if (n < 1 || n > MAX_STUDIES) {
      throw new BadInputException("--n: " + n + ": expected a number of studies from 1 to "
          + MAX_STUDIES);
    }
    return new PhantomJob(n, seed, threads, generator, compressed);
  }

  /** A copy with another master seed. */
  public PhantomJob withSeed(long masterSeed) {
    return new PhantomJob(count, masterSeed, threads, generator, compressed);
  }

  /** A copy using {@code n} worker threads (1 or more); the output does not depend on it. */
  public PhantomJob withThreads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("threads must be >= 1");
    }
    return new PhantomJob(count, seed, n, generator, compressed);
  }

  /** A copy with another generator (e.g. another image size). */
  public PhantomJob withGenerator(PhantomGenerator g) {
    return new PhantomJob(count, seed, threads, g, compressed);
  }

  /** A copy writing zlib-compressed (default) or uncompressed {@code .mha} files. */
  public PhantomJob withCompression(boolean zlib) {
    return new PhantomJob(count, seed, threads, generator, zlib);
  }

  /** The person id of study {@code index} (0-based): {@code phantom-0001} and so on. */
  public static String id(int index) {
    return String.format(Locale.ROOT, "phantom-%04d", index + 1);
  }

  /**
   * Writes the studies and truth.csv into {@code out}.
   *
   * @param force replace an existing {@code out}
   * @param progress receives progress, or null
   * @throws BadInputException when {@code out} exists and {@code force} is false, or its parent
   *     folder does not exist
   */
  public Result run(Path out, boolean force, Progress progress) {
    SplittableRandom master = new SplittableRandom(seed);
    long[] seeds = new long[count];
    for (int s = 0; s < count; s++) {
      seeds[s] = master.nextLong();
    }
    AtomicOutput.write(OutputTarget.directory(out, force), dir -> writeAll(dir, seeds, progress));
    return new Result(out, out.resolve("truth.csv"), count);
  }

  private void writeAll(Path dir, long[] seeds, Progress progress) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count));
    try (Writer truth = Files.newBufferedWriter(dir.resolve("truth.csv"),
        StandardCharsets.UTF_8)) {
      truth.write(header());
      // bounded window of in-flight studies keeps memory flat for any n
      int window = Math.max(2, 2 * threads);
      List<Future<PhantomTruth>> inFlight = new ArrayList<>();
      int next = 0;
      int done = 0;
      while (done < count) {
        while (next < count && inFlight.size() < window) {
          int index = next++;
          inFlight.add(pool.submit(() -> writeStudy(dir, index, seeds[index])));
        }
        PhantomTruth t = await(inFlight.remove(0));
        truth.write(row(t));
        done++;
        if (progress != null) {
          progress.update(done, count);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private PhantomTruth writeStudy(Path dir, int index, long studySeed) throws IOException {
    String id = id(index);
    PhantomGenerator.Study study = generator.generate(id, studySeed);
    Path folder = Files.createDirectory(dir.resolve(id));
    write(folder, StudyLayout.SAGITTAL, study.sagittal(), study.sagittalLabels());
    for (PhantomGenerator.AxialSlice a : study.axial()) {
      write(folder, StudyLayout.axial(a.level()), a.image(), a.labels());
    }
    return study.truth();
  }

  private void write(Path folder, String stem, Volume image, Volume labels)
      throws IOException {
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(
        folder.resolve(stem + ".mha")))) {
      MetaImageWriter.of(SampleType.INT16, compressed).write(image, os);
    }
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(
        folder.resolve(stem + StudyLayout.LABELS_SUFFIX + ".mha")))) {
      MetaImageWriter.of(SampleType.UINT8, compressed).write(labels, os);
    }
  }

  private static PhantomTruth await(Future<PhantomTruth> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      throw new UncheckedIOException(new IOException(c));
    }
  }

  /** The truth.csv header: id, five Pfirrmann columns, six facet-angle columns. */
  static String header() {
    StringBuilder sb = new StringBuilder("id");
    for (String level : CohortSchema.DISC_LEVELS) {
      sb.append(",pfirrmann_").append(level);
    }
    for (String level : CohortSchema.FACET_LEVELS) {
      sb.append(",facet_angle_").append(level).append("_left");
      sb.append(",facet_angle_").append(level).append("_right");
    }
    return sb.append('\n').toString();
  }

  private static String row(PhantomTruth t) {
    StringBuilder sb = new StringBuilder(t.id());
    for (int g : t.pfirrmann()) {
      sb.append(',').append(g);
    }
    for (int l = 0; l < CohortSchema.FACET_LEVELS.size(); l++) {
      sb.append(',').append(String.format(Locale.ROOT, "%.3f", t.facetLeftDegrees().get(l)));
      sb.append(',').append(String.format(Locale.ROOT, "%.3f", t.facetRightDegrees().get(l)));
    }
    return sb.append('\n').toString();
  }
}
