package org.backstrat.cluster.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15's hostile inputs to {@code cluster}: each is refused with a message, nothing written. */
class HostileClusterInputTest {
  @TempDir
  Path tmp;

  private Path table(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void oneClusterIsRefusedBeforeTheDataAreRead() {
    assertThatThrownBy(() -> ClusterRequest.builder(tmp.resolve("none.csv"), tmp.resolve("o"))
        .k(1).build()).isInstanceOf(BadInputException.class)
        .hasMessageContaining("k 1: expected 2 <= smallest");
    assertThatThrownBy(() -> ClusterRequest.builder(tmp.resolve("none.csv"), tmp.resolve("o"))
        .kRange(1, 4).build()).isInstanceOf(BadInputException.class)
        .hasMessageContaining("k 1..4: expected 2 <= smallest");
  }

  @Test
  void aColumnNear1e200IsRefusedWithZScoringNotACrash() throws IOException {
    StringBuilder sb = new StringBuilder("a,b\n");
    for (int i = 0; i < 20; i++) {
      sb.append(i).append(',').append(i % 2 == 0 ? "1e200" : "-3e200").append('\n');
    }
    Path in = table("big.csv", sb.toString());
    Path out = tmp.resolve("out");
    assertThatThrownBy(() -> ClusterJob.run(ClusterRequest.builder(in, out).k(2)
        .scale(ScaleMethod.ZSCORE).build())).isInstanceOf(BadInputException.class)
        .hasMessageContaining("big.csv: row 2, column b: value \"1e200\"");
    assertThat(out).doesNotExist();
  }

  @Test
  void valuesNear1e300AreRefusedInsteadOfWritingInfiniteDistances() throws IOException {
    StringBuilder sb = new StringBuilder("a,b\n");
    for (int i = 0; i < 20; i++) {
      sb.append(i % 2 == 0 ? "1e300" : "-1e300").append(',').append(i).append('\n');
    }
    Path in = table("near.csv", sb.toString());
    Path out = tmp.resolve("out");
    assertThatThrownBy(() -> ClusterJob.run(ClusterRequest.builder(in, out).k(2)
        .scale(ScaleMethod.NONE).build())).isInstanceOf(BadInputException.class)
        .hasMessageContaining("near.csv: row 2, column a");
    assertThat(out).doesNotExist();
  }
}
