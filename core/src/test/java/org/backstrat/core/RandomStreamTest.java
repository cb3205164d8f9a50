package org.backstrat.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The per-component random streams: the derivation is exactly the documented one (checked
 * against an independent Python transcription of SplittableRandom,
 * src/test/resources/reference/random_stream_seeds.py, which states its command), and the
 * streams never coincide with each other or with the master's own sequence (the per-restart
 * seeds a component draws from the seed it is given).
 */
class RandomStreamTest {

  @Test
  void streamSeedsMatchTheIndependentReference() throws IOException {
    int rows = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/reference/random_stream_seeds.csv"),
        StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",");
        long master = Long.parseLong(f[0]);
        int number = Integer.parseInt(f[1]);
        RandomStream stream = RandomStream.values()[number - 1];
        assertThat(stream.number()).isEqualTo(number);
        assertThat(stream.seed(master)).as("master %d stream %d", master, number)
            .isEqualTo(Long.parseLong(f[2]));
        rows++;
      }
    }
    assertThat(rows).isEqualTo(7 * RandomStream.values().length);
  }

  @Test
  void streamsDifferFromEachOtherAndFromTheMastersOwnSequence() {
    for (long master : List.of(0L, 1L, 7L, 1966L, -5L, Long.MAX_VALUE)) {
      Set<Long> seen = new HashSet<>();
      SplittableRandom own = new SplittableRandom(master);
      for (int i = 0; i < 1000; i++) {
        seen.add(own.nextLong()); // what Restarts.seeds(master, 1000) hands the restarts
      }
      for (RandomStream s : RandomStream.values()) {
        assertThat(seen.add(s.seed(master))).as("master %d, %s", master, s).isTrue();
      }
    }
  }

  @Test
  void numbersAreFixedAndUnique() {
    Set<Integer> numbers = new HashSet<>();
    for (RandomStream s : RandomStream.values()) {
      assertThat(numbers.add(s.number())).isTrue();
    }
    assertThat(RandomStream.CLUSTER_RESTARTS.number()).isEqualTo(1);
    assertThat(RandomStream.DECISION_CURVES.number()).isEqualTo(8);
  }
}
