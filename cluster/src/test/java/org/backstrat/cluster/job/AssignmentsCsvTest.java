package org.backstrat.cluster.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.kmeans.ClusterFit;
import org.backstrat.cluster.kmeans.ClusterMethod;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.core.cohort.CohortWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssignmentsCsvTest {
  @TempDir
  Path tmp;

  /** Several chunks of rows, some trimmed, distances of every magnitude Double.toString has. */
  private static ClusterFit fit(int n) {
    SplittableRandom rng = new SplittableRandom(5);
    double[] x = new double[n * 2];
    for (int i = 0; i < n; i++) {
      double scale = Math.pow(10, rng.nextInt(-9, 9));
      x[2 * i] = (i % 2 == 0 ? 0 : 1e3) + rng.nextGaussian() * scale;
      x[2 * i + 1] = rng.nextGaussian() * scale;
    }
    return Clusterer.builder().method(ClusterMethod.TRIMMED).trimFraction(0.05).restarts(2)
        .seed(1).threads(1).build()
        .fitScaled(FeatureMatrix.wrap(n, 2, x, FeatureMatrix.defaultNames(2)), 2);
  }

  /** The rows as a simple per-row loop with a StringBuilder writes them. */
  private static String expected(List<String> ids, ClusterFit fit) {
    StringBuilder sb = new StringBuilder(ids == null ? "row,cluster,outlier,distance\n"
        : "row,id,cluster,outlier,distance\n");
    for (int i = 0; i < fit.rows(); i++) {
      sb.append(i + 1).append(',');
      if (ids != null) {
        sb.append(CohortWriter.quote(ids.get(i))).append(',');
      }
      sb.append(fit.label(i) + 1).append(',').append(fit.outlier(i)).append(',')
          .append(fit.distance(i)).append('\n');
    }
    return sb.toString();
  }

  @Test
  void writesTheSameBytesAsARowByRowWriterOnAnyNumberOfThreads() throws IOException {
    int n = 2 * AssignmentsCsv.CHUNK_ROWS + 1234;
    ClusterFit fit = fit(n);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(switch (i % 4) {
        case 0 -> "p" + i;
        case 1 -> "a,\"b\" " + i;
        case 2 -> "Zoë-" + i + "-日本";
        default -> "";
      });
    }
    for (List<String> withIds : java.util.Arrays.asList(null, ids)) {
      byte[] want = expected(withIds, fit).getBytes(StandardCharsets.UTF_8);
      for (int threads : new int[] {1, 2, 5}) {
        Path f = tmp.resolve("a" + threads + (withIds == null ? "" : "ids") + ".csv");
        AssignmentsCsv.write(f, withIds, fit, threads);
        assertThat(Files.readAllBytes(f)).as("threads %d, ids %s", threads, withIds != null)
            .isEqualTo(want);
      }
    }
    assertThat(fit.outlierCount()).isPositive();
  }
}
