package org.backstrat.cluster.job;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.backstrat.cluster.kmeans.ClusterFit;
import org.backstrat.core.cohort.CohortWriter;
import org.backstrat.core.io.DoubleText;

/**
 * Writes {@code assignments.csv} ({@code row,[id,]cluster,outlier,distance}, UTF-8, LF): the
 * bytes of one chunk of rows are formatted on a worker thread while the chunks before it are
 * written, in file order, so the file is byte-identical for any thread count. Numbers are written
 * as {@link Double#toString} writes them (by {@link DoubleText}, which gives the same bytes
 * several times faster); ids are quoted as {@link CohortWriter#quote} does.
 *
 * <p>Why: formatting 10^6 distances is most of the cost of writing the file, and it is the same
 * work for every row, so it splits over the cores with no effect on the bytes.
 */
final class AssignmentsCsv {
  /** Rows formatted by one task (about 2 MB of text). */
  static final int CHUNK_ROWS = 65_536;

  private AssignmentsCsv() {
  }

  /** Writes the file for {@code fit} (ids per row, or null) with {@code threads} formatters. */
  static void write(Path file, List<String> ids, ClusterFit fit, int threads) throws IOException {
    int n = fit.rows();
    int chunks = (n + CHUNK_ROWS - 1) / CHUNK_ROWS;
    int workers = Math.max(1, Math.min(threads, chunks));
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write((ids == null ? "row,cluster,outlier,distance\n"
          : "row,id,cluster,outlier,distance\n").getBytes(StandardCharsets.UTF_8));
      if (workers == 1) {
        Chunk c = new Chunk(Math.min(n, CHUNK_ROWS));
        for (int q = 0; q < chunks; q++) {
          c.format(ids, fit, q * CHUNK_ROWS, Math.min(n, (q + 1) * CHUNK_ROWS));
          out.write(c.bytes, 0, c.length);
        }
        return;
      }
      ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
        Thread t = new Thread(r, "backstrat-write");
        t.setDaemon(true);
        return t;
      });
      try {
        // at most 2 chunks per worker in flight: memory stays a few MB however long the file;
        // written chunks are reused (fresh buffers cost page faults and garbage collections)
        ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>();
        ConcurrentLinkedQueue<Chunk> free = new ConcurrentLinkedQueue<>();
        int next = 0;
        while (next < chunks || !inFlight.isEmpty()) {
          while (next < chunks && inFlight.size() < 2 * workers) {
            int from = next * CHUNK_ROWS;
            int to = Math.min(n, from + CHUNK_ROWS);
            inFlight.add(pool.submit(() -> {
              Chunk c = free.poll();
              if (c == null) {
                c = new Chunk(CHUNK_ROWS);
              }
              c.format(ids, fit, from, to);
              return c;
            }));
            next++;
          }
          Chunk c = await(inFlight.poll());
          out.write(c.bytes, 0, c.length);
          free.add(c);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static Chunk await(Future<Chunk> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing assignments", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** The UTF-8 bytes of rows [from, to). */
  private static final class Chunk {
    private static final byte[] TRUE = ",true,".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = ",false,".getBytes(StandardCharsets.US_ASCII);
    /** Bytes of a row without an id, at most: row, cluster, outlier flag, distance. */
    private static final int ROW_BYTES = 10 + 1 + 10 + FALSE.length + DoubleText.MAX_BYTES + 1;
    byte[] bytes;
    int length;

    /** A buffer for {@code rows} rows without ids (it grows for ids). */
    Chunk(int rows) {
      bytes = new byte[Math.max(1 << 10, rows * ROW_BYTES)];
    }

    void format(List<String> ids, ClusterFit fit, int from, int to) {
      length = 0;
      for (int i = from; i < to; i++) {
        ensure(64);
        appendInt(i + 1);
        bytes[length++] = ',';
        if (ids != null) {
          appendBytes(CohortWriter.quote(ids.get(i)).getBytes(StandardCharsets.UTF_8));
          bytes[length++] = ',';
        }
        appendInt(fit.label(i) + 1);
        appendBytes(fit.outlier(i) ? TRUE : FALSE);
        ensure(DoubleText.MAX_BYTES + 1);
        length = DoubleText.append(fit.distance(i), bytes, length);
        bytes[length++] = '\n';
      }
    }

    private void ensure(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
      }
    }

    private void appendBytes(byte[] b) {
      ensure(b.length + 1);
      System.arraycopy(b, 0, bytes, length, b.length);
      length += b.length;
    }

    /** A non-negative int in decimal. */
    private void appendInt(int v) {
      ensure(11);
      int digits = 1;
      for (int t = v; t >= 10; t /= 10) {
        digits++;
      }
      int end = length + digits;
      for (int p = end - 1; p >= length; p--) {
        bytes[p] = (byte) ('0' + v % 10);
        v /= 10;
      }
      length = end;
    }
  }
}
