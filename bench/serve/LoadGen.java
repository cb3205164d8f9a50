import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Closed-loop HTTP/1.1 load generator for `backstrat serve` (run from source: java LoadGen.java).
 * C connections each send POST /api/v1/assessments with a fresh person_id, wait for the answer,
 * and send the next, until the deadline; then each finishes the request it has in flight, so
 * every request sent is answered and counted (the registry must hold exactly as many rows as
 * 201 answers). Latency is measured per request from the first byte written to the last byte
 * read. With --acks FILE, the assessment ids of all 201 answers are written there (for the
 * SIGKILL test: every acknowledged id must be in the registry after a restart).
 *
 * Usage: java LoadGen.java --port 18080 [--host 127.0.0.1] [--connections 32] [--seconds 60]
 *        [--warmup 5] [--acks FILE]
 */
public final class LoadGen {
  static final String BODY = "{\"person_id\": \"%s\", \"sex\": \"female\", \"age\": 47, "
      + "\"bmi\": 24.0, \"smoking\": \"never\", \"sbt_1\": 1, \"sbt_2\": 0, \"sbt_3\": 1, "
      + "\"sbt_4\": 0, \"sbt_5\": 1, \"sbt_6\": 1, \"sbt_7\": 1, \"sbt_8\": 1, \"sbt_9\": 3, "
      + "\"ompsq_1\": 9, \"ompsq_2\": 8, \"ompsq_3\": 2, \"ompsq_4\": 3, \"ompsq_5\": 8, "
      + "\"ompsq_6\": 7, \"ompsq_7\": 8, \"ompsq_8\": 2, \"ompsq_9\": 8, \"ompsq_10\": 7, "
      + "\"pfirrmann_l1l2\": 1, \"pfirrmann_l2l3\": 1, \"pfirrmann_l3l4\": 2, "
      + "\"pfirrmann_l4l5\": 2, \"pfirrmann_l5s1\": 2, \"facet_angle_l3l4_left\": 40, "
      + "\"facet_angle_l3l4_right\": 41, \"facet_angle_l4l5_left\": 45, "
      + "\"facet_angle_l4l5_right\": 46, \"facet_angle_l5s1_left\": 50, "
      + "\"facet_angle_l5s1_right\": %d}";

  static final class Worker extends Thread {
    final String host;
    final int port;
    final int index;
    final long warmupEndNanos;
    final long deadlineNanos;
    long[] latencies = new long[1 << 16];
    int measured;
    long ok;
    long okMeasured;
    long failed;
    long ioErrors;
    final TreeMap<Integer, Long> statuses = new TreeMap<>();
    final List<String> acks = new ArrayList<>();

    Worker(String host, int port, int index, long warmupEndNanos, long deadlineNanos) {
      this.host = host;
      this.port = port;
      this.index = index;
      this.warmupEndNanos = warmupEndNanos;
      this.deadlineNanos = deadlineNanos;
    }

    @Override
    public void run() {
      long n = 0;
      while (System.nanoTime() < deadlineNanos) {
        try (Socket s = new Socket(host, port)) {
          s.setTcpNoDelay(true);
          s.setSoTimeout(30_000);
          OutputStream out = s.getOutputStream();
          InputStream in = new BufferedInputStream(s.getInputStream(), 65536);
          while (System.nanoTime() < deadlineNanos) {
            n++;
            byte[] body = String.format(Locale.ROOT, BODY, "lg-" + index + "-" + n,
                40 + (int) (n % 20)).getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST /api/v1/assessments HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            long t0 = System.nanoTime();
            out.write(head);
            out.write(body);
            out.flush();
            int status = readStatus(in);
            String answer = readBody(in);
            long t1 = System.nanoTime();
            statuses.merge(status, 1L, Long::sum);
            if (status == 201) {
              ok++;
              int k = answer.indexOf("\"assessment_id\":\"");
              acks.add(answer.substring(k + 17, k + 17 + 36));
            } else {
              failed++;
            }
            if (t0 >= warmupEndNanos) {
              if (measured == latencies.length) {
                latencies = Arrays.copyOf(latencies, measured * 2);
              }
              latencies[measured++] = t1 - t0;
              if (status == 201) {
                okMeasured++;
              }
            }
          }
        } catch (IOException e) {
          ioErrors++; // the server went away (the SIGKILL test): that request is not acknowledged
          try {
            Thread.sleep(50);
          } catch (InterruptedException ie) {
            return;
          }
        }
      }
    }

    private int contentLength;

    private int readStatus(InputStream in) throws IOException {
      String line = readLine(in);
      if (line == null) {
        throw new IOException("connection closed");
      }
      int status = Integer.parseInt(line.substring(9, 12));
      contentLength = -1;
      for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
        if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          contentLength = Integer.parseInt(h.substring(15).trim());
        }
      }
      if (contentLength < 0) {
        throw new IOException("no Content-Length");
      }
      return status;
    }

    private String readBody(InputStream in) throws IOException {
      byte[] b = in.readNBytes(contentLength);
      if (b.length != contentLength) {
        throw new IOException("short body");
      }
      return new String(b, StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
      StringBuilder sb = new StringBuilder();
      for (int c = in.read(); c >= 0; c = in.read()) {
        if (c == '\n') {
          int len = sb.length();
          return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
        }
        sb.append((char) c);
      }
      return sb.length() == 0 ? null : sb.toString();
    }
  }

  public static void main(String[] args) throws Exception {
    String host = "127.0.0.1";
    int port = 8080;
    int connections = 32;
    double seconds = 60;
    double warmup = 5;
    Path acks = null;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--host" -> host = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--connections" -> connections = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
        case "--warmup" -> warmup = Double.parseDouble(args[i + 1]);
        case "--acks" -> acks = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    long start = System.nanoTime();
    long warmupEnd = start + (long) (warmup * 1e9);
    long deadline = warmupEnd + (long) (seconds * 1e9);
    List<Worker> workers = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Worker w = new Worker(host, port, c, warmupEnd, deadline);
      workers.add(w);
      w.start();
    }
    for (Worker w : workers) {
      w.join();
    }
    long end = System.nanoTime();
    long ok = 0;
    long okMeasured = 0;
    long failed = 0;
    long ioErrors = 0;
    int total = 0;
    TreeMap<Integer, Long> statuses = new TreeMap<>();
    for (Worker w : workers) {
      ok += w.ok;
      okMeasured += w.okMeasured;
      failed += w.failed;
      ioErrors += w.ioErrors;
      total += w.measured;
      w.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
    }
    long[] all = new long[total];
    int at = 0;
    for (Worker w : workers) {
      System.arraycopy(w.latencies, 0, all, at, w.measured);
      at += w.measured;
    }
    Arrays.sort(all);
    double measuredSeconds = (end - warmupEnd) / 1e9;
    System.out.printf(Locale.ROOT, "{\"connections\": %d, \"warmup_s\": %.1f, \"measured_s\": %.2f, "
        + "\"responses_201_total\": %d, \"other_responses\": %d, \"connection_errors\": %d, "
        + "\"statuses\": \"%s\", \"measured_requests\": %d, \"assessments_per_s\": %.1f, "
        + "\"p50_ms\": %.2f, \"p90_ms\": %.2f, \"p99_ms\": %.2f, \"max_ms\": %.2f}%n",
        connections, warmup, measuredSeconds, ok, failed, ioErrors, statuses, total,
        okMeasured / measuredSeconds, pct(all, 0.50), pct(all, 0.90), pct(all, 0.99),
        all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6);
    if (acks != null) {
      try (BufferedWriter w = Files.newBufferedWriter(acks)) {
        for (Worker wk : workers) {
          for (String id : wk.acks) {
            w.write(id);
            w.write('\n');
          }
        }
      }
    }
  }

  static double pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
