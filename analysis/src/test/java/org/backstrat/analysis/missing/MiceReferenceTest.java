package org.backstrat.analysis.missing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backstrat.analysis.missing.ChainedImputation.Kind;
import org.backstrat.analysis.validation.SharedTestData;
import org.junit.jupiter.api.Test;

/**
 * Multiple imputation checked against R's mice on real data with missing values: the Heymans
 * LBP example (159 people; 10 of 15 columns incomplete: numeric, binary and 3-level). Reference:
 * {@code reference/mice/heymans_mice.R} (the command is in its header) with m = 50 imputations,
 * written to {@code heymans_mice.csv}. PMM and the coefficient draws are random, so the two
 * implementations can only agree within Monte Carlo error: each pooled quantity must lie within
 * 4 standard errors of the difference of two independent m = 50 runs, √(B_R/m + B_J/m), where B
 * is the between-imputation variance of the quantity (plus a small floor for quantities that
 * barely vary between sets).
 */
class MiceReferenceTest {
  private static final int M = 50;

  private record Ref(double estimate, double between, double within) {
  }

  private static Map<String, Ref> reference() throws IOException {
    Map<String, Ref> out = new HashMap<>();
    try (InputStream in = MiceReferenceTest.class.getResourceAsStream(
        "/reference/mice/heymans_mice.csv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("#") || line.startsWith("quantity")) {
          continue;
        }
        String[] f = line.split(",");
        out.put(f[0] + ":" + f[1], new Ref(Double.parseDouble(f[2]), Double.parseDouble(f[3]),
            Double.parseDouble(f[4])));
      }
    }
    return out;
  }

  @Test
  void pooledMeansAndRegressionAgreeWithRMiceWithinMonteCarloError() throws IOException {
    Path csv = SharedTestData.file("heymans_lbp_example/lbp_orig_159x15.csv");
    List<String> lines = Files.readAllLines(csv);
    List<String> names = new ArrayList<>();
    for (String h : lines.get(0).split(",")) {
      names.add(h.replace("\"", ""));
    }
    double[][] x = new double[lines.size() - 1][names.size()];
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      for (int j = 0; j < names.size(); j++) {
        x[i - 1][j] = f[j].isEmpty() ? Double.NaN : Double.parseDouble(f[j]);
      }
    }
    Kind[] kinds = new Kind[names.size()];
    for (int j = 0; j < kinds.length; j++) {
      String n = names.get(j);
      kinds[j] = switch (n) {
        case "Chronic", "Gender", "Radiation", "Smoking" -> Kind.BINARY;
        case "Carrying", "Satisfaction" -> Kind.CATEGORICAL;
        default -> Kind.NUMERIC;
      };
      if (kinds[j] == Kind.CATEGORICAL) {
        for (double[] row : x) {
          row[j] -= 1; // levels 1..3 as codes 0..2
        }
      }
    }
    List<double[][]> sets = ChainedImputation.builder().imputations(M).iterations(10)
        .seed(20251205).build().impute(x, kinds);
    assertThat(sets).hasSize(M);
    Map<String, Ref> ref = reference();
    int checked = 0;
    for (int j = 0; j < kinds.length; j++) {
      Ref r = ref.get("completed_mean:" + names.get(j));
      if (r == null) {
        continue;
      }
      double[] per = new double[M];
      for (int s = 0; s < M; s++) {
        double sum = 0;
        for (double[] row : sets.get(s)) {
          assertThat(row[j]).isNotNaN();
          sum += kinds[j] == Kind.NUMERIC ? row[j]
              : row[j] == (kinds[j] == Kind.BINARY ? 1 : 2) ? 1 : 0;
        }
        per[s] = sum / x.length;
      }
      double mean = mean(per);
      double b = variance(per, mean);
      double tolerance = 4 * Math.sqrt(r.between() / M + b / M) + 1e-3 * Math.abs(r.estimate());
      assertThat(mean).as("completed mean of " + names.get(j)).isCloseTo(r.estimate(),
          org.assertj.core.data.Offset.offset(tolerance));
      checked++;
    }
    assertThat(checked).isEqualTo(10);

    // lm(Function ~ Pain + Tampascale + Age + Radiation + Satisfaction), pooled
    int fn = names.indexOf("Function");
    int[] cols = {names.indexOf("Pain"), names.indexOf("Tampascale"), names.indexOf("Age")};
    int rad = names.indexOf("Radiation");
    int sat = names.indexOf("Satisfaction");
    List<double[]> est = new ArrayList<>();
    List<double[]> var = new ArrayList<>();
    for (double[][] set : sets) {
      double[][] design = new double[set.length][6];
      double[] y = new double[set.length];
      for (int i = 0; i < set.length; i++) {
        for (int k = 0; k < 3; k++) {
          design[i][k] = set[i][cols[k]];
        }
        design[i][3] = set[i][rad];
        design[i][4] = set[i][sat] == 1 ? 1 : 0;
        design[i][5] = set[i][sat] == 2 ? 1 : 0;
        y[i] = set[i][fn];
      }
      LinearRegression fit = LinearRegression.fit(design, y);
      est.add(fit.coefficients());
      var.add(fit.variances());
    }
    RubinPooling pooled = RubinPooling.of(est, var);
    String[] terms = {"(Intercept)", "Pain", "Tampascale", "Age", "Radiation1", "Satisfaction2",
        "Satisfaction3"};
    for (int k = 0; k < terms.length; k++) {
      Ref r = ref.get("lm_pooled:" + terms[k]);
      double tolerance = 4 * Math.sqrt(r.between() / M + pooled.between()[k] / M);
      assertThat(pooled.estimate()[k]).as("pooled " + terms[k]).isCloseTo(r.estimate(),
          org.assertj.core.data.Offset.offset(tolerance));
      // the pooled standard errors agree within 25 % (both include the between variance)
      double rTotal = r.within() + (1 + 1.0 / M) * r.between();
      assertThat(pooled.standardError(k) / Math.sqrt(rTotal)).as("pooled SE of " + terms[k])
          .isBetween(0.75, 1.25);
    }
  }

  @Test
  void theSameSeedGivesTheSameSetsAndObservedCellsAreKept() {
    double[][] x = {{1, 0}, {2, Double.NaN}, {3, 1}, {Double.NaN, 1}, {5, 0}, {6, 1}, {7, 0}};
    Kind[] kinds = {Kind.NUMERIC, Kind.BINARY};
    ChainedImputation mi = ChainedImputation.builder().imputations(5).seed(3).build();
    List<double[][]> a = mi.impute(x, kinds);
    List<double[][]> b = mi.impute(x, kinds);
    for (int s = 0; s < 5; s++) {
      assertThat(a.get(s)).isDeepEqualTo(b.get(s));
      assertThat(a.get(s)[0]).containsExactly(1, 0);
      assertThat(a.get(s)[1][1]).isIn(0.0, 1.0);
      assertThat(a.get(s)[3][0]).isIn(1.0, 2.0, 3.0, 5.0, 6.0, 7.0); // pmm donates observed
    }
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }

  private static double variance(double[] v, double mean) {
    double s = 0;
    for (double d : v) {
      s += (d - mean) * (d - mean);
    }
    return s / (v.length - 1);
  }
}
