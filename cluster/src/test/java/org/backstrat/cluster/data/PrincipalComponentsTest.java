package org.backstrat.cluster.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.backstrat.cluster.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The principal components shared by the gap statistic and the report's projection, against
 * numpy's SVD of the real vertebral column data (src/test/resources/reference/pca_reference.py,
 * which states its command).
 */
class PrincipalComponentsTest {

  @Test
  void sharesAxesAndScoresMatchNumpyOnTheVertebralData() throws IOException {
    FeatureMatrix data = SharedData.vertebral();
    PrincipalComponents pca = PrincipalComponents.of(data);
    double[][] scores = pca.scores(data, 6);
    int checked = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/reference/pca_reference.csv"),
        StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",", -1);
        int c = Integer.parseInt(f[1]);
        double expected = Double.parseDouble(f[3]);
        switch (f[0]) {
          case "share" -> assertThat(pca.varianceShare(c)).as(line)
              .isCloseTo(expected, within(1e-12));
          case "axis" -> assertThat(pca.orientedAxis(c)[Integer.parseInt(f[2])]).as(line)
              .isCloseTo(expected, within(1e-9));
          case "score" -> assertThat(scores[Integer.parseInt(f[2])][c]).as(line)
              .isCloseTo(expected, within(1e-8 * Math.max(1, Math.abs(expected))));
          default -> throw new AssertionError(line);
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(6 + 6 * 6 + 6 * 5);
  }

  @Test
  void theRotationIsOrthonormalAndOrderedByVariance() {
    FeatureMatrix data = SharedData.vertebral();
    PrincipalComponents pca = PrincipalComponents.of(data);
    double[][] r = pca.rotation();
    for (int a = 0; a < 6; a++) {
      for (int b = 0; b < 6; b++) {
        double dot = 0;
        for (int j = 0; j < 6; j++) {
          dot += r[j][a] * r[j][b];
        }
        assertThat(dot).isCloseTo(a == b ? 1 : 0, within(1e-12));
      }
      if (a > 0) {
        assertThat(pca.variance(a)).isLessThanOrEqualTo(pca.variance(a - 1));
      }
    }
  }
}
