package org.backstrat.core.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Cut points of an ordered probit on a normal mixture agree with SciPy (Brent's method on the
 * mixture CDF; reference/synth/ordinal_cuts_reference.py, output ordinal_cuts.json).
 */
class OrdinalCutsTest {

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  @Test
  void cutsAgreeWithScipyToNineDecimals() throws IOException {
    JsonNode cases;
    try (InputStream in = OrdinalCutsTest.class.getResourceAsStream(
        "/reference/synth/ordinal_cuts.json")) {
      cases = new ObjectMapper().readTree(in);
    }
    assertThat(cases.size()).isEqualTo(4);
    for (JsonNode c : cases) {
      double[] cuts = OrdinalCuts.solve(doubles(c.get("weights")), doubles(c.get("means")),
          doubles(c.get("sds")), doubles(c.get("shares")));
      double[] expected = doubles(c.get("cuts"));
      assertThat(cuts).hasSize(expected.length);
      for (int k = 0; k < cuts.length; k++) {
        assertThat(cuts[k]).as("cut %d of %s", k, c.get("shares")).isCloseTo(expected[k],
            within(1e-9));
      }
    }
  }

  @Test
  void theMixtureCdfAtEachCutIsTheCumulativeShare() {
    double[] w = {0.3, 0.35, 0.35};
    double[] m = {-3, 0.5, 4};
    double[] s = {1, 1.5, 2};
    double[] shares = {0.2, 0.3, 0.5};
    double[] cuts = OrdinalCuts.solve(w, m, s, shares);
    assertThat(OrdinalCuts.cdf(w, m, s, cuts[0])).isCloseTo(0.2, within(1e-12));
    assertThat(OrdinalCuts.cdf(w, m, s, cuts[1])).isCloseTo(0.5, within(1e-12));
  }
}
