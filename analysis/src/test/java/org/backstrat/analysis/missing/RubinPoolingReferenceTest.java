package org.backstrat.analysis.missing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rubin's rules on a logistic regression agree with R mice's {@code pool} to 1e-6: the same
 * five completed data sets of the Heymans LBP example (imputed by mice and committed with the
 * script {@code reference/rubin/heymans_rubin.R}, command in its header) are fitted here with
 * {@link LogisticRegression} and pooled with {@link RubinPooling}; estimates, Ū, B, T, the
 * Barnard–Rubin degrees of freedom, λ, r, fmi, p-values and 95% limits are compared. No Monte
 * Carlo error enters, so the agreement must be exact up to the fitting tolerance.
 */
class RubinPoolingReferenceTest {
  private static List<String> lines(String resource) throws IOException {
    try (InputStream in = RubinPoolingReferenceTest.class.getResourceAsStream(resource)) {
      List<String> out = new ArrayList<>();
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!l.startsWith("#") && !l.isBlank()) {
          out.add(l);
        }
      }
      return out;
    }
  }

  @Test
  void logisticRegressionPooledOverImputedSetsAgreesWithMicePool() throws IOException {
    // .imp,Chronic,Pain,Tampascale,Age,Radiation,Satisfaction (levels 1, 2, 3; 1 the reference)
    List<String> data = lines("/reference/rubin/completed.csv");
    List<double[]> est = new ArrayList<>();
    List<double[]> var = new ArrayList<>();
    int dfcom = -1;
    for (int set = 1; set <= 5; set++) {
      List<double[]> x = new ArrayList<>();
      List<Boolean> y = new ArrayList<>();
      for (String l : data.subList(1, data.size())) {
        String[] f = l.split(",");
        if (Integer.parseInt(f[0]) != set) {
          continue;
        }
        double sat = Double.parseDouble(f[6]);
        x.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]),
            Double.parseDouble(f[4]), Double.parseDouble(f[5]), sat == 2 ? 1 : 0,
            sat == 3 ? 1 : 0});
        y.add(f[1].equals("1"));
      }
      boolean[] yy = new boolean[y.size()];
      for (int i = 0; i < yy.length; i++) {
        yy[i] = y.get(i);
      }
      LogisticRegression fit = LogisticRegression.fit(x.toArray(new double[0][]), yy);
      assertThat(fit.converged()).isTrue();
      est.add(fit.coefficients());
      var.add(fit.variances());
      dfcom = fit.completeDataDf();
    }
    RubinPooling pooled = RubinPooling.of(est, var, dfcom);

    List<String> ref = lines("/reference/rubin/pooled.csv");
    List<String> header = List.of(ref.get(0).split(","));
    assertThat(ref).hasSize(1 + 7);
    for (int k = 0; k < 7; k++) {
      String[] f = ref.get(k + 1).split(",");
      String term = f[0];
      assertThat(pooled.estimate()[k]).as(term + " estimate")
          .isCloseTo(value(f, header, "estimate"), within(1e-6));
      assertClose(pooled.within()[k], value(f, header, "ubar"), term + " ubar");
      assertClose(pooled.between()[k], value(f, header, "b"), term + " b");
      assertClose(pooled.total()[k], value(f, header, "t"), term + " t");
      assertThat((double) dfcom).isEqualTo(value(f, header, "dfcom"));
      assertClose(pooled.degreesOfFreedom(k), value(f, header, "df"), term + " df");
      assertClose(pooled.relativeIncrease(k), value(f, header, "riv"), term + " riv");
      assertClose(pooled.lambda(k), value(f, header, "lambda"), term + " lambda");
      assertClose(pooled.fractionMissingInformation(k), value(f, header, "fmi"), term + " fmi");
      assertClose(pooled.standardError(k), value(f, header, "std_error"), term + " se");
      assertClose(pooled.pValue(k), value(f, header, "p_value"), term + " p");
      double[] ci = pooled.confidenceInterval(k, 0.95);
      assertThat(ci[0]).as(term + " lower").isCloseTo(value(f, header, "lower"), within(1e-6));
      assertThat(ci[1]).as(term + " upper").isCloseTo(value(f, header, "upper"), within(1e-6));
    }
  }

  @Test
  void withoutBetweenImputationVarianceTheDegreesOfFreedomAreTheObservedDataOnes() {
    // identical sets: B = 0, λ floored at 1e-4 as mice does; ν_com = 100
    RubinPooling p = RubinPooling.of(List.of(new double[] {1}, new double[] {1}),
        List.of(new double[] {0.25}, new double[] {0.25}), 100);
    double lambda = 1e-4;
    double old = 1 / (lambda * lambda);
    double obs = 101.0 / 103 * 100 * (1 - lambda);
    assertThat(p.degreesOfFreedom(0)).isCloseTo(old * obs / (old + obs), within(1e-9));
    assertThat(p.standardError(0)).isEqualTo(0.5);
  }

  @Test
  void separatedOutcomeIsReportedAsNotConverged() {
    double[][] x = {{0}, {1}, {2}, {3}, {4}, {5}};
    boolean[] y = {false, false, false, true, true, true};
    assertThat(LogisticRegression.fit(x, y).converged()).isFalse();
  }

  private static double value(String[] f, List<String> header, String name) {
    return Double.parseDouble(f[header.indexOf(name)]);
  }

  private static void assertClose(double actual, double expected, String what) {
    assertThat(actual).as(what).isCloseTo(expected, within(1e-6 * Math.max(1, Math.abs(expected))));
  }
}
