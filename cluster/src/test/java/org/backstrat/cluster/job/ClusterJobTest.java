package org.backstrat.cluster.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backstrat.cluster.SharedData;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.kmeans.ClusterMethod;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterJobTest {
  @TempDir
  Path tmp;

  private static Path vertebral() {
    return SharedData.dir().resolve("uci_vertebral_column/column_3C.dat");
  }

  @Test
  void clustersTheHeaderlessVertebralFileAndWritesBothOutputs() throws IOException {
    Path out = tmp.resolve("out");
    ClusterJobResult r = ClusterJob.run(ClusterRequest.builder(vertebral(), out).k(3)
        .restarts(20).build());
    List<String> lines = Files.readAllLines(out.resolve("assignments.csv"));
    assertThat(lines.get(0)).isEqualTo("row,cluster,outlier,distance");
    assertThat(lines).hasSize(311);
    assertThat(lines.stream().skip(1).filter(l -> l.split(",")[2].equals("true")).count())
        .isEqualTo(15); // floor(0.05 * 310)
    JsonNode json = new ObjectMapper().readTree(out.resolve("clustering.json").toFile());
    assertThat(json.get("schema").asText()).isEqualTo("backstrat.clustering/1");
    assertThat(json.get("k").asInt()).isEqualTo(3);
    assertThat(json.get("method").asText()).isEqualTo("trimmed");
    assertThat(json.get("trim").asDouble()).isEqualTo(0.05);
    assertThat(json.get("restarts_to_convergence").asInt()).as("310 rows: every restart")
        .isEqualTo(json.get("restarts").asInt());
    assertThat(json.get("features").toString()).isEqualTo("[\"V1\",\"V2\",\"V3\",\"V4\",\"V5\",\"V6\"]");
    assertThat(json.get("skipped_columns").get(0).asText()).startsWith("V7");
    assertThat(json.get("objective").asDouble()).isEqualTo(r.selection().chosenModel().fit().objective());
    assertThat(json.get("clusters")).hasSize(3);
    assertThat(json.get("clusters").get(0).get("center").get("V1").isNumber()).isTrue();
    assertThat(json.get("selection").get("fixed_by_user").asBoolean()).isTrue();
    assertThat(json.get("selection").get("table").get(0).get("silhouette").isNumber()).isTrue();
    int sizeSum = 0;
    for (JsonNode c : json.get("clusters")) {
      sizeSum += c.get("size").asInt();
    }
    assertThat(sizeSum).isEqualTo(310 - 15);
  }

  @Test
  void outputBytesAreDeterministicWhateverTheThreadCount() throws IOException {
    ClusterRequest base = ClusterRequest.builder(vertebral(), tmp.resolve("a"))
        .kRange(2, 4).restarts(10).selectionEffort(10, 5)
        .scale(ScaleMethod.ZSCORE).build();
    ClusterJob.run(base.toBuilder().threads(1).build());
    ClusterJob.run(new ClusterRequest(base.input(), tmp.resolve("b"), base.features(),
        base.kMin(), base.kMax(), base.method(), base.trimFraction(), base.scale(), base.seed(),
        base.restarts(), false, base.header(), 10, 5, 3, base.diagnostics(), base.outFormat()));
    for (String f : List.of("assignments.csv", "clustering.json")) {
      assertThat(Files.readAllBytes(tmp.resolve("b").resolve(f)))
          .as(f).isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(f)));
    }
    JsonNode json = new ObjectMapper().readTree(tmp.resolve("a/clustering.json").toFile());
    assertThat(json.get("selection").get("table")).hasSize(3);
    assertThat(json.get("selection").get("rule").asText()).startsWith("K is chosen");
  }

  @Test
  void idColumnIsCarriedAndNamedFeaturesAreUsed() throws IOException {
    StringBuilder sb = new StringBuilder("id,a,b,note\n");
    for (int i = 0; i < 60; i++) {
      sb.append("p").append(i).append(',').append(i % 3 * 10 + (i % 7) * 0.1).append(',')
          .append(i % 3).append(",x\n");
    }
    Path in = tmp.resolve("c.csv");
    Files.writeString(in, sb);
    ClusterJob.run(ClusterRequest.builder(in, tmp.resolve("o")).features(List.of("a", "B"))
        .k(3).method(ClusterMethod.KMEANS).scale(ScaleMethod.NONE).restarts(5).build());
    List<String> lines = Files.readAllLines(tmp.resolve("o/assignments.csv"));
    assertThat(lines.get(0)).isEqualTo("row,id,cluster,outlier,distance");
    assertThat(lines.get(1)).startsWith("1,p0,");
  }

  @Test
  void existingOutputIsKeptWithoutForceAndReplacedWithIt() throws IOException {
    Path out = tmp.resolve("exists");
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "x");
    ClusterRequest req = ClusterRequest.builder(vertebral(), out).k(2).restarts(3).build();
    assertThatThrownBy(() -> ClusterJob.run(req)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("--force");
    assertThat(out.resolve("keep.txt")).exists();
    // a folder backstrat did not write is kept even with force
    assertThatThrownBy(() -> ClusterJob.run(req.toBuilder().force(true).build()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("did not write");
    assertThat(out.resolve("keep.txt")).exists();
    // a previous output (marked) is replaced with force
    Path previous = tmp.resolve("previous");
    ClusterRequest first = ClusterRequest.builder(vertebral(), previous).k(2).restarts(3).build();
    ClusterJob.run(first);
    Files.writeString(previous.resolve("stale.txt"), "x");
    ClusterJob.run(first.toBuilder().force(true).build());
    assertThat(previous.resolve("stale.txt")).doesNotExist();
    assertThat(previous.resolve("clustering.json")).exists();
  }

  @Test
  void badInputLeavesNothingBehind() throws IOException {
    Path in = tmp.resolve("const.csv");
    Files.writeString(in, "a,b\n1,5\n2,5\n3,5\n4,5\n");
    Path out = tmp.resolve("never");
    assertThatThrownBy(() -> ClusterJob.run(ClusterRequest.builder(in, out).k(2).build()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("column b");
    assertThatThrownBy(() -> ClusterJob.run(ClusterRequest.builder(in, out)
        .features(List.of("a")).k(9).build()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("only 4 rows");
    assertThat(out).doesNotExist();
    try (var s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("const.csv");
    }
  }

  @Test
  void kSpecificationIsParsed() {
    ClusterRequest r = ClusterRequest.builder(Path.of("x"), Path.of("y")).build();
    assertThat(r.toBuilder().k("3").build().kMin()).isEqualTo(3);
    assertThat(r.toBuilder().k(" 2..8 ").build().kMax()).isEqualTo(8);
    assertThatThrownBy(() -> r.toBuilder().k("two").build()).isInstanceOf(BadInputException.class)
        .hasMessageContaining("2..8");
    assertThatThrownBy(() -> r.toBuilder().k("5..2").build()).isInstanceOf(BadInputException.class);
  }

  @Test
  void absurdRestartsAreRefusedBeforeTheDataIsRead() {
    // the input does not exist: the settings are checked first, before any reading or allocating
    assertThatThrownBy(() -> ClusterRequest.builder(tmp.resolve("absent.csv"), tmp.resolve("o"))
        .restarts(Integer.MAX_VALUE).build())
        .isInstanceOf(BadInputException.class)
        .hasMessage("restarts 2147483647: expected a whole number from 1 to 10000");
    assertThatThrownBy(() -> ClusterRequest.builder(tmp.resolve("absent.csv"), tmp.resolve("o"))
        .k("2..99999999").build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("<= 1000");
  }
}
