package org.backstrat.cluster.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.kmeans.ClusterMethod;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.cluster.select.KSelector;
import org.backstrat.core.BadInputException;
import org.backstrat.core.io.OutputFormat;

/**
 * Everything the {@code backstrat cluster} verb asks for: {@code --data FILE (--features a,b,… |
 * --all-numeric) [--k 3 | --k 2..8] [--method …] [--trim A] [--scale …] [--seed S]
 * [--restarts R] --out DIR [--force]}. Immutable; made by {@link #builder}, checked at
 * {@link Builder#build()}.
 *
 * @param input the table to read (CSV, TSV, semicolon or whitespace separated)
 * @param output the directory to create (assignments.csv, clustering.json)
 * @param features feature columns by name; empty means every fully numeric column
 * @param kMin smallest k of the range (equal to kMax for a fixed k); at least 2
 * @param kMax largest k of the range
 * @param method clustering method
 * @param trimFraction alpha for trimmed k-means (default 0.05)
 * @param scale feature scaling (default robust)
 * @param seed master seed (default 1)
 * @param restarts restarts per fit (default 100)
 * @param force replace an existing output directory
 * @param header whether the input has a header line (default: detect)
 * @param bootstrapResamples stability resamples; -1 = default (100 with full diagnostics, 0 with
 *     cheap ones)
 * @param gapReferences gap statistic reference sets; -1 = default (as above)
 * @param threads worker threads (results do not depend on it)
 * @param diagnostics what is computed besides the clustering (default: cheap at a fixed k, full
 *     for a range, which needs them to choose K)
 * @param outFormat the format of the assignments table ({@code assignments.csv} or
 *     {@code assignments.parquet}; default CSV)
 */
public record ClusterRequest(Path input, Path output, List<String> features, int kMin, int kMax,
                             ClusterMethod method, double trimFraction, ScaleMethod scale,
                             long seed, int restarts, boolean force, HeaderMode header,
                             int bootstrapResamples, int gapReferences, int threads,
                             Diagnostics diagnostics, OutputFormat outFormat) {

  public ClusterRequest {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    features = List.copyOf(features);
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(header, "header");
    if (kMin < 2 || kMax < kMin || kMax > KSelector.MAX_K) {
      throw new BadInputException("k " + (kMin == kMax ? "" + kMin : kMin + ".." + kMax)
          + ": expected 2 <= smallest <= largest <= " + KSelector.MAX_K
          + " (one cluster is no stratification)");
    }
    if (!(trimFraction >= 0 && trimFraction < 0.5)) {
      throw new BadInputException("trim " + trimFraction + ": expected a number in [0, 0.5)");
    }
    if (restarts < 1 || restarts > Clusterer.MAX_RESTARTS) {
      throw new BadInputException("restarts " + restarts + ": expected a whole number from 1 to "
          + Clusterer.MAX_RESTARTS);
    }
    if (bootstrapResamples < -1 || bootstrapResamples > KSelector.MAX_RESAMPLES
        || gapReferences < -1 || gapReferences > KSelector.MAX_RESAMPLES) {
      throw new BadInputException("stability resamples " + bootstrapResamples
          + " and gap reference sets " + gapReferences + ": expected whole numbers from 0 to "
          + KSelector.MAX_RESAMPLES);
    }
    Objects.requireNonNull(diagnostics, "diagnostics");
    Objects.requireNonNull(outFormat, "outFormat");
    if (diagnostics == Diagnostics.CHEAP && kMin != kMax) {
      throw new BadInputException("--diagnostics cheap with --k " + kMin + ".." + kMax
          + ": choosing K over a range needs full diagnostics; give one k, or leave"
          + " --diagnostics out");
    }
    if (threads < 1 || threads > Clusterer.MAX_THREADS) {
      throw new BadInputException("threads " + threads + ": expected a whole number from 1 to "
          + Clusterer.MAX_THREADS);
    }
  }

  /** Every fully numeric column, k 2..8, trimmed k-means (alpha 0.05), robust scaling. */
  public static ClusterRequest withDefaults(Path input, Path output) {
    return builder(input, output).build();
  }

  /** A builder for clustering {@code input} into the directory {@code output}, with defaults. */
  public static Builder builder(Path input, Path output) {
    return new Builder(input, output);
  }

  /** A builder holding this request's settings. */
  public Builder toBuilder() {
    return new Builder(input, output).features(features).kRange(kMin, kMax).method(method)
        .trimFraction(trimFraction).scale(scale).seed(seed).restarts(restarts).force(force)
        .header(header).selectionEffort(bootstrapResamples, gapReferences).threads(threads)
        .diagnostics(diagnostics).outFormat(outFormat);
  }

  /**
   * Collects the verb's settings; {@link #build()} checks them all (each with its allowed range)
   * before any data is read, and returns the immutable request.
   */
  public static final class Builder {
    private final Path input;
    private final Path output;
    private List<String> features = List.of();
    private int kMin = 2;
    private int kMax = 8;
    private ClusterMethod method = ClusterMethod.TRIMMED;
    private double trimFraction = Clusterer.DEFAULT_TRIM_FRACTION;
    private ScaleMethod scale = ScaleMethod.ROBUST;
    private long seed = 1L;
    private int restarts = 100;
    private boolean force;
    private HeaderMode header = HeaderMode.AUTO;
    private int bootstrapResamples = -1;
    private int gapReferences = -1;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Diagnostics diagnostics;
    private OutputFormat outFormat = OutputFormat.CSV;

    private Builder(Path input, Path output) {
      this.input = input;
      this.output = output;
    }

    /** Feature columns by name (empty list = every fully numeric column). */
    public Builder features(List<String> f) {
      this.features = List.copyOf(f);
      return this;
    }

    /** A fixed k. */
    public Builder k(int k) {
      return kRange(k, k);
    }

    /** A k range to choose from. */
    public Builder kRange(int min, int max) {
      this.kMin = min;
      this.kMax = max;
      return this;
    }

    /** The k given as text: {@code 3} or {@code 2..8}. */
    public Builder k(String spec) {
      String s = spec.trim();
      try {
        int dots = s.indexOf("..");
        if (dots < 0) {
          return k(Integer.parseInt(s));
        }
        return kRange(Integer.parseInt(s.substring(0, dots).trim()),
            Integer.parseInt(s.substring(dots + 2).trim()));
      } catch (NumberFormatException e) {
        throw new BadInputException("k \"" + spec + "\": expected a number such as 3 or a range"
            + " such as 2..8");
      }
    }

    /** The clustering method (default trimmed). */
    public Builder method(ClusterMethod m) {
      this.method = m;
      return this;
    }

    /** The trim fraction alpha (default 0.05). */
    public Builder trimFraction(double a) {
      this.trimFraction = a;
      return this;
    }

    /** Feature scaling (default robust). */
    public Builder scale(ScaleMethod s) {
      this.scale = s;
      return this;
    }

    /** Master seed (default 1). */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** Restarts per fit (default 100). */
    public Builder restarts(int r) {
      this.restarts = r;
      return this;
    }

    /** Whether an existing output may be replaced. */
    public Builder force(boolean f) {
      this.force = f;
      return this;
    }

    /** Whether the input has a header line (default: detect). */
    public Builder header(HeaderMode h) {
      this.header = h;
      return this;
    }

    /** Explicit numbers of stability resamples and gap reference sets (0 = skip). */
    public Builder selectionEffort(int resamples, int references) {
      this.bootstrapResamples = resamples;
      this.gapReferences = references;
      return this;
    }

    /** Worker threads (results do not depend on it). */
    public Builder threads(int t) {
      this.threads = t;
      return this;
    }

    /**
     * What to compute besides the clustering; null (the default) = cheap at a fixed k, full for a
     * range.
     */
    public Builder diagnostics(Diagnostics d) {
      this.diagnostics = d;
      return this;
    }

    /** The format of the assignments table (default CSV). */
    public Builder outFormat(OutputFormat f) {
      this.outFormat = f;
      return this;
    }

    /**
     * The request.
     *
     * @throws BadInputException naming the first setting outside its range and the range
     */
    public ClusterRequest build() {
      return new ClusterRequest(input, output, features, kMin, kMax, method, trimFraction, scale,
          seed, restarts, force, header, bootstrapResamples, gapReferences, threads,
          diagnostics != null ? diagnostics
              : kMin == kMax ? Diagnostics.CHEAP : Diagnostics.FULL, outFormat);
    }
  }

  /** The number of stability resamples actually used. */
  public int effectiveBootstrapResamples() {
    return bootstrapResamples >= 0 ? bootstrapResamples
        : (diagnostics == Diagnostics.FULL ? 100 : 0);
  }

  /** The number of gap reference sets actually used. */
  public int effectiveGapReferences() {
    return gapReferences >= 0 ? gapReferences : (diagnostics == Diagnostics.FULL ? 100 : 0);
  }
}
