package org.backstrat.cluster.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.kmeans.ClusterMethod;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.core.BadInputException;

/**
 * Everything the {@code backstrat cluster} verb asks for: {@code --data FILE (--features a,b,… |
 * --all-numeric) [--k 3 | --k 2..8] [--method …] [--trim A] [--scale …] [--seed S]
 * [--restarts R] --out DIR [--force]}. Immutable; {@link #withDefaults} then {@code with…}
 * copies.
 *
 * @param input the table to read (CSV, TSV, semicolon or whitespace separated)
 * @param output the directory to create (assignments.csv, clustering.json)
 * @param features feature columns by name; empty means every fully numeric column
 * @param kMin smallest k of the range (equal to kMax for a fixed k)
 * @param kMax largest k of the range
 * @param method clustering method
 * @param trimFraction alpha for trimmed k-means (default 0.05)
 * @param scale feature scaling (default robust)
 * @param seed master seed (default 1)
 * @param restarts restarts per fit (default 100)
 * @param force replace an existing output directory
 * @param header whether the input has a header line (default: detect)
 * @param bootstrapResamples stability resamples; -1 = default (100 for a k range, 0 for a fixed
 *     k, where the table has one row and stability is optional)
 * @param gapReferences gap statistic reference sets; -1 = default (as above)
 * @param threads worker threads (results do not depend on it)
 */
public record ClusterRequest(Path input, Path output, List<String> features, int kMin, int kMax,
                             ClusterMethod method, double trimFraction, ScaleMethod scale,
                             long seed, int restarts, boolean force, HeaderMode header,
                             int bootstrapResamples, int gapReferences, int threads) {

  public ClusterRequest {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    features = List.copyOf(features);
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(header, "header");
    if (kMin < 1 || kMax < kMin) {
      throw new BadInputException("k " + kMin + ".." + kMax + ": expected 1 <= smallest <= largest");
    }
    if (!(trimFraction >= 0 && trimFraction < 0.5)) {
      throw new BadInputException("trim " + trimFraction + ": expected a number in [0, 0.5)");
    }
    if (restarts < 1) {
      throw new BadInputException("restarts " + restarts + ": expected at least 1");
    }
    if (threads < 1) {
      throw new BadInputException("threads " + threads + ": expected at least 1");
    }
  }

  /** Every fully numeric column, k 2..8, trimmed k-means (alpha 0.05), robust scaling. */
  public static ClusterRequest withDefaults(Path input, Path output) {
    return new ClusterRequest(input, output, List.of(), 2, 8, ClusterMethod.TRIMMED,
        Clusterer.DEFAULT_TRIM_FRACTION, ScaleMethod.ROBUST, 1L, 100, false, HeaderMode.AUTO, -1,
        -1, Runtime.getRuntime().availableProcessors());
  }

  /** Copy with named features (empty list = all numeric columns). */
  public ClusterRequest withFeatures(List<String> f) {
    return new ClusterRequest(input, output, f, kMin, kMax, method, trimFraction, scale, seed,
        restarts, force, header, bootstrapResamples, gapReferences, threads);
  }

  /** Copy with a fixed k. */
  public ClusterRequest withK(int k) {
    return withKRange(k, k);
  }

  /** Copy with a k range. */
  public ClusterRequest withKRange(int min, int max) {
    return new ClusterRequest(input, output, features, min, max, method, trimFraction, scale,
        seed, restarts, force, header, bootstrapResamples, gapReferences, threads);
  }

  /** Copy with the k given as text: {@code 3} or {@code 2..8}. */
  public ClusterRequest withK(String spec) {
    String s = spec.trim();
    try {
      int dots = s.indexOf("..");
      if (dots < 0) {
        return withK(Integer.parseInt(s));
      }
      return withKRange(Integer.parseInt(s.substring(0, dots).trim()),
          Integer.parseInt(s.substring(dots + 2).trim()));
    } catch (NumberFormatException e) {
      throw new BadInputException("k \"" + spec + "\": expected a number such as 3 or a range"
          + " such as 2..8");
    }
  }

  /** Copy with another method. */
  public ClusterRequest withMethod(ClusterMethod m) {
    return new ClusterRequest(input, output, features, kMin, kMax, m, trimFraction, scale, seed,
        restarts, force, header, bootstrapResamples, gapReferences, threads);
  }

  /** Copy with another trim fraction. */
  public ClusterRequest withTrimFraction(double a) {
    return new ClusterRequest(input, output, features, kMin, kMax, method, a, scale, seed,
        restarts, force, header, bootstrapResamples, gapReferences, threads);
  }

  /** Copy with another scaling. */
  public ClusterRequest withScale(ScaleMethod s) {
    return new ClusterRequest(input, output, features, kMin, kMax, method, trimFraction, s, seed,
        restarts, force, header, bootstrapResamples, gapReferences, threads);
  }

  /** Copy with another seed. */
  public ClusterRequest withSeed(long s) {
    return new ClusterRequest(input, output, features, kMin, kMax, method, trimFraction, scale, s,
        restarts, force, header, bootstrapResamples, gapReferences, threads);
  }

  /** Copy with another number of restarts. */
  public ClusterRequest withRestarts(int r) {
    return new ClusterRequest(input, output, features, kMin, kMax, method, trimFraction, scale,
        seed, r, force, header, bootstrapResamples, gapReferences, threads);
  }

  /** Copy that may replace an existing output. */
  public ClusterRequest withForce(boolean f) {
    return new ClusterRequest(input, output, features, kMin, kMax, method, trimFraction, scale,
        seed, restarts, f, header, bootstrapResamples, gapReferences, threads);
  }

  /** Copy with another header mode. */
  public ClusterRequest withHeader(HeaderMode h) {
    return new ClusterRequest(input, output, features, kMin, kMax, method, trimFraction, scale,
        seed, restarts, force, h, bootstrapResamples, gapReferences, threads);
  }

  /** Copy with explicit numbers of stability resamples and gap reference sets (0 = skip). */
  public ClusterRequest withSelectionEffort(int resamples, int references) {
    return new ClusterRequest(input, output, features, kMin, kMax, method, trimFraction, scale,
        seed, restarts, force, header, resamples, references, threads);
  }

  /** Copy with another thread count. */
  public ClusterRequest withThreads(int t) {
    return new ClusterRequest(input, output, features, kMin, kMax, method, trimFraction, scale,
        seed, restarts, force, header, bootstrapResamples, gapReferences, t);
  }

  /** The number of stability resamples actually used. */
  public int effectiveBootstrapResamples() {
    return bootstrapResamples >= 0 ? bootstrapResamples : (kMin == kMax ? 0 : 100);
  }

  /** The number of gap reference sets actually used. */
  public int effectiveGapReferences() {
    return gapReferences >= 0 ? gapReferences : (kMin == kMax ? 0 : 100);
  }
}
