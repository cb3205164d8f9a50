package org.backstrat.analysis.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Calibration intercept and slope against R glm (reference/validation/calibration_glm.R). */
class CalibrationTest {

  @Test
  void interceptAndSlopeMatchRGlm() {
    List<String> data = SharedTestData.resourceLines("/reference/validation/calibration_data.csv");
    int n = data.size() - 1;
    double[] p = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      String[] f = data.get(i + 1).split(",");
      p[i] = Double.parseDouble(f[0]);
      y[i] = f[1].equals("1");
    }
    String[] ref = SharedTestData.resourceLines("/reference/validation/calibration_glm.csv").get(1).split(",");
    Calibration.Result r = Calibration.of(p, y, 10);
    assertThat(r.intercept()).isCloseTo(Double.parseDouble(ref[0]), within(1e-9));
    assertThat(r.slope()).isCloseTo(Double.parseDouble(ref[1]), within(1e-9));
    assertThat(r.slope()).isLessThan(1); // the predictions were made too extreme
    assertThat(r.meanPredicted()).hasSize(10).isSorted();
  }

  @Test
  void perfectlyCalibratedPredictionsHaveInterceptZeroAndSlopeOne() {
    // outcome shares equal to the predictions in every group of 100
    double[] p = new double[1000];
    boolean[] y = new boolean[1000];
    for (int g = 0; g < 10; g++) {
      for (int i = 0; i < 100; i++) {
        p[g * 100 + i] = (g + 0.5) / 10;
        y[g * 100 + i] = i < (g + 0.5) * 10;
      }
    }
    Calibration.Result r = Calibration.of(p, y, 10);
    assertThat(r.intercept()).isCloseTo(0, within(1e-9));
    assertThat(r.slope()).isCloseTo(1, within(1e-9));
  }
}
