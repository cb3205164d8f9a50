package org.backstrat.cluster.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At a fixed K the verb computes cheap diagnostics by default (a sampled silhouette whose cost
 * does not grow with the rows, Calinski–Harabasz, no stability or gap), and everything with
 * {@code --diagnostics full}; choosing K over a range always computes everything.
 */
class ClusterDiagnosticsTest {
  @TempDir
  static Path tmp;
  /** 3,000 rows in three separated blobs: above the cheap exact limit, below the full one. */
  static Path blobs;

  @BeforeAll
  static void writeBlobs() throws IOException {
    SplittableRandom rng = new SplittableRandom(3);
    StringBuilder sb = new StringBuilder("x,y\n");
    for (int i = 0; i < 3000; i++) {
      int c = i % 3;
      sb.append(String.format(Locale.ROOT, "%.4f,%.4f%n", 10 * c + rng.nextDouble(-1, 1),
          -5 * c + rng.nextDouble(-1, 1)));
    }
    blobs = tmp.resolve("blobs.csv");
    Files.writeString(blobs, sb.toString());
  }

  private static JsonNode run(ClusterRequest.Builder b) throws IOException {
    ClusterRequest r = b.build();
    ClusterJob.run(r);
    return new ObjectMapper().readTree(r.output().resolve("clustering.json").toFile());
  }

  @Test
  void fixedKReportsASampledSilhouetteAndNoStabilityByDefault() throws IOException {
    JsonNode sel = run(ClusterRequest.builder(blobs, tmp.resolve("cheap")).k(3).restarts(3)
        .scale(ScaleMethod.NONE)).get("selection");
    assertThat(sel.get("diagnostics").asText()).isEqualTo("cheap");
    JsonNode row = sel.get("table").get(0);
    assertThat(row.get("silhouette_error_bound").asDouble()).as("sampled, so bounded")
        .isGreaterThan(0);
    assertThat(row.get("silhouette").asDouble()).isGreaterThan(0.8);
    assertThat(row.get("calinski_harabasz").asDouble()).isGreaterThan(0);
    assertThat(row.get("stability_jaccard").isNull()).isTrue();
    assertThat(row.get("gap").isNull()).isTrue();
  }

  @Test
  void fullDiagnosticsAtAFixedKComputeTheExactSilhouetteAndStability() throws IOException {
    JsonNode sel = run(ClusterRequest.builder(blobs, tmp.resolve("full")).k(3).restarts(3)
        .scale(ScaleMethod.NONE).diagnostics(Diagnostics.FULL).selectionEffort(5, 2))
        .get("selection");
    assertThat(sel.get("diagnostics").asText()).isEqualTo("full");
    JsonNode row = sel.get("table").get(0);
    assertThat(row.get("silhouette_error_bound").asDouble()).as("exact").isZero();
    assertThat(row.get("stability_jaccard").isNull()).isFalse();
  }

  @Test
  void fullDiagnosticsDefaultToAHundredResamplesAndReferenceSets() {
    ClusterRequest fixedFull = ClusterRequest.builder(blobs, tmp.resolve("x")).k(3)
        .diagnostics(Diagnostics.FULL).build();
    assertThat(fixedFull.effectiveBootstrapResamples()).isEqualTo(100);
    assertThat(fixedFull.effectiveGapReferences()).isEqualTo(100);
    ClusterRequest fixed = ClusterRequest.builder(blobs, tmp.resolve("x")).k(3).build();
    assertThat(fixed.diagnostics()).isEqualTo(Diagnostics.CHEAP);
    assertThat(fixed.effectiveBootstrapResamples()).isZero();
    ClusterRequest range = ClusterRequest.builder(blobs, tmp.resolve("x")).kRange(2, 4).build();
    assertThat(range.diagnostics()).isEqualTo(Diagnostics.FULL);
    assertThat(range.effectiveBootstrapResamples()).isEqualTo(100);
  }

  @Test
  void cheapDiagnosticsCannotChooseKOverARange() {
    assertThatThrownBy(() -> ClusterRequest.builder(blobs, tmp.resolve("x")).kRange(2, 4)
        .diagnostics(Diagnostics.CHEAP).build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("needs full diagnostics");
    assertThatThrownBy(() -> Diagnostics.parse("some"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("cheap or full");
  }
}
