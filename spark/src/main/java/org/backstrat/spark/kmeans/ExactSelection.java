package org.backstrat.spark.kmeans;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;

/**
 * Exact order statistics of values spread over the blocks of a distributed data set, by histogram
 * refinement on the bits of an order-preserving key ({@link SortableDouble}): each round counts,
 * per block, the values whose key starts with the prefix found so far in bins of the next bits
 * ({@value #BITS} in the first round; later rounds take only as many bits as leave about
 * {@value #GATHER_MAX} / 4 values a bin, so fewer bins travel); the partial counts are combined
 * by {@code treeAggregate} (at most {@value #BINS} longs per block and target, whatever the
 * number of rows), and the bin
 * holding the wanted rank becomes the new prefix. As soon as a bin holds at most
 * {@value #GATHER_MAX} values they are gathered and the rank is selected among them; when all 64
 * bits are fixed, every value left equals the answer. No sample and no sort of the data: the
 * answer is the exact value a full sort would put at that rank.
 *
 * <p>Several targets (a source and a rank each) are refined in the same passes; targets of one
 * source that share a prefix share a histogram.
 */
final class ExactSelection {
  /** Most bits refined per round (the first round's). */
  static final int BITS = 12;
  /** Histogram bins per round. */
  static final int BINS = 1 << BITS;
  /** Largest number of values gathered to the driver for the final selection. */
  static final long GATHER_MAX = 1L << 14;

  private ExactSelection() {
  }

  /** Rows of a block read per source at a time (a few hundred KB of a row-major block). */
  static final int CHUNK = 1024;

  /**
   * The values of one source in rows [from, to) of a block, copied to {@code out[0..to-from)};
   * sources are numbered by the caller (a column, or the distances). Blocks are read a chunk of
   * rows at a time for all sources, so that a row-major block is read from memory once a pass,
   * not once per column.
   */
  @FunctionalInterface
  interface Values extends Serializable {
    void fill(RowBlock block, int source, int from, int to, double[] out);
  }

  /** The value at a rank, and how many values are below it and equal to it. */
  record Result(double value, long below, long equal) {
  }

  /** One wanted order statistic: the value at 0-based ascending {@code rank} of source. */
  record Target(int source, long rank) {
  }

  /** Histogram counts per pass, for the shuffle report. */
  static final class Stats implements Serializable {
    private static final long serialVersionUID = 1L;
    long passes;
    long bytesPerBlock;
  }

  /** Finds every target's value; {@code stats} (may be null) receives passes and bytes. */
  static List<Result> select(JavaRDD<RowBlock> blocks, long total, Values values,
                             List<Target> targets, Stats stats) {
    int t = targets.size();
    long[] prefix = new long[t];
    int[] prefixBits = new int[t];
    long[] less = new long[t];
    int[] nextBits = new int[t];
    Arrays.fill(nextBits, BITS);
    Result[] out = new Result[t];
    boolean[] gather = new boolean[t];
    Arrays.fill(gather, total <= GATHER_MAX);
    while (true) {
      // groups: distinct (source, bits, prefix, next bits) of the unresolved targets
      Map<String, Integer> groupIndex = new LinkedHashMap<>();
      List<long[]> groups = new ArrayList<>(); // {source, bits, prefix, gather, next bits}
      int[] groupOf = new int[t];
      boolean any = false;
      for (int i = 0; i < t; i++) {
        if (out[i] != null) {
          continue;
        }
        any = true;
        int bits = Math.min(nextBits[i], 64 - prefixBits[i]);
        String key = targets.get(i).source() + ":" + prefixBits[i] + ":" + prefix[i] + ":"
            + gather[i] + ":" + bits;
        Integer g = groupIndex.get(key);
        if (g == null) {
          g = groups.size();
          groupIndex.put(key, g);
          groups.add(new long[] {targets.get(i).source(), prefixBits[i], prefix[i],
              gather[i] ? 1 : 0, bits});
        }
        groupOf[i] = g;
      }
      if (!any) {
        return Arrays.asList(out);
      }
      long[][] spec = groups.toArray(new long[0][]);
      boolean gathering = Arrays.stream(spec).anyMatch(s -> s[3] == 1);
      boolean counting = Arrays.stream(spec).anyMatch(s -> s[3] == 0);
      long[][] hist = counting ? histograms(blocks, values, spec) : null;
      double[][] gathered = gathering ? gather(blocks, values, spec) : null;
      if (stats != null) {
        stats.passes += (counting ? 1 : 0) + (gathering ? 1 : 0);
        long bytes = 0;
        for (long[] g : spec) {
          bytes += g[3] == 1 ? 0 : (1L << g[4]) * 8;
        }
        stats.bytesPerBlock = Math.max(stats.bytesPerBlock, bytes);
      }
      for (int i = 0; i < t; i++) {
        if (out[i] != null) {
          continue;
        }
        int g = groupOf[i];
        long rank = targets.get(i).rank() - less[i];
        if (spec[g][3] == 1) {
          double[] v = gathered[g];
          Arrays.sort(v);
          double value = v[(int) rank];
          long below = less[i];
          long equal = 0;
          for (double w : v) {
            if (w < value) {
              below++;
            } else if (w == value) {
              equal++;
            }
          }
          out[i] = new Result(value, below, equal);
          continue;
        }
        long[] h = hist[g];
        int bits = (int) spec[g][4];
        int bin = 0;
        long cum = 0;
        while (cum + h[bin] <= rank) {
          cum += h[bin];
          bin++;
        }
        less[i] += cum;
        prefix[i] = (prefix[i] << bits) | bin;
        prefixBits[i] += bits;
        if (prefixBits[i] == 64) {
          out[i] = new Result(SortableDouble.value(prefix[i]), less[i], h[bin]);
        } else if (h[bin] <= GATHER_MAX) {
          gather[i] = true;
        } else {
          // as many bits as leave about GATHER_MAX / 4 values a bin (fewer bins to send)
          int want = 64 - Long.numberOfLeadingZeros((h[bin] - 1) / (GATHER_MAX / 4));
          nextBits[i] = Math.max(1, Math.min(BITS, want));
        }
      }
    }
  }

  /**
   * The groups of {@code spec} with gather flag {@code gathering}, by source: each source's
   * values are read from a block once per pass, and each value's key computed once, whatever
   * the number of its groups.
   */
  private static int[][] bySource(long[][] spec, boolean gathering) {
    Map<Long, List<Integer>> m = new LinkedHashMap<>();
    for (int g = 0; g < spec.length; g++) {
      if ((spec[g][3] == 1) == gathering) {
        m.computeIfAbsent(spec[g][0], s -> new ArrayList<>()).add(g);
      }
    }
    return m.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new);
  }

  /** Per group, the counts of the values with the group's prefix by their next bits. */
  private static long[][] histograms(JavaRDD<RowBlock> blocks, Values values, long[][] spec) {
    int groups = spec.length;
    long[][] zero = new long[groups][];
    for (int g = 0; g < groups; g++) {
      zero[g] = spec[g][3] == 1 ? new long[0] : new long[1 << spec[g][4]];
    }
    int[][] sources = bySource(spec, false);
    return blocks.treeAggregate(zero, (acc, b) -> {
      double[] v = new double[CHUNK];
      for (int from = 0; from < b.rows; from += CHUNK) {
        int to = Math.min(b.rows, from + CHUNK);
        for (int[] gs : sources) {
          int m = gs.length;
          int[] bitsDone = new int[m];
          long[] prefix = new long[m];
          int[] bits = new int[m];
          long[][] h = new long[m][];
          for (int q = 0; q < m; q++) {
            bitsDone[q] = (int) spec[gs[q]][1];
            prefix[q] = spec[gs[q]][2];
            bits[q] = (int) spec[gs[q]][4];
            h[q] = acc[gs[q]];
          }
          values.fill(b, (int) spec[gs[0]][0], from, to, v);
          for (int r = 0; r < to - from; r++) {
            long key = SortableDouble.key(v[r]);
            for (int q = 0; q < m; q++) {
              if (bitsDone[q] > 0 && (key >>> (64 - bitsDone[q])) != prefix[q]) {
                continue;
              }
              long rest = bitsDone[q] == 0 ? key : key << bitsDone[q];
              h[q][(int) (rest >>> (64 - bits[q]))]++;
            }
          }
        }
      }
      return acc;
    }, (a, c) -> {
      for (int g = 0; g < groups; g++) {
        for (int i = 0; i < a[g].length; i++) {
          a[g][i] += c[g][i];
        }
      }
      return a;
    }, 2);
  }

  /** Per gathering group, every value with the group's prefix. */
  private static double[][] gather(JavaRDD<RowBlock> blocks, Values values, long[][] spec) {
    int groups = spec.length;
    int[][] sources = bySource(spec, true);
    List<double[][]> parts = blocks.map(b -> {
      double[][] bufs = new double[groups][];
      int[] sizes = new int[groups];
      for (int[] gs : sources) {
        for (int g : gs) {
          bufs[g] = new double[16];
        }
      }
      double[] v = new double[CHUNK];
      for (int from = 0; from < b.rows; from += CHUNK) {
        int to = Math.min(b.rows, from + CHUNK);
        for (int[] gs : sources) {
          values.fill(b, (int) spec[gs[0]][0], from, to, v);
          for (int g : gs) {
            int bitsDone = (int) spec[g][1];
            long prefix = spec[g][2];
            double[] buf = bufs[g];
            int m = sizes[g];
            for (int r = 0; r < to - from; r++) {
              if (bitsDone == 0 || (SortableDouble.key(v[r]) >>> (64 - bitsDone)) == prefix) {
                if (m == buf.length) {
                  buf = Arrays.copyOf(buf, m * 2);
                }
                buf[m++] = v[r];
              }
            }
            bufs[g] = buf;
            sizes[g] = m;
          }
        }
      }
      double[][] got = new double[groups][];
      for (int g = 0; g < groups; g++) {
        got[g] = bufs[g] == null ? new double[0] : Arrays.copyOf(bufs[g], sizes[g]);
      }
      return got;
    }).collect();
    double[][] out = new double[groups][];
    for (int g = 0; g < groups; g++) {
      int size = 0;
      for (double[][] p : parts) {
        size += p[g].length;
      }
      double[] all = new double[size];
      int w = 0;
      for (double[][] p : parts) {
        System.arraycopy(p[g], 0, all, w, p[g].length);
        w += p[g].length;
      }
      out[g] = all;
    }
    return out;
  }
}
