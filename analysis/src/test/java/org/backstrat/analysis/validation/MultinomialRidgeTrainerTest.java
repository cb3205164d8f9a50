package org.backstrat.analysis.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ridge trainer against R glmnet at fixed λ (reference/validation/glmnet_ridge.R), its
 * separation check against Konis's linear programs (reference/validation/separation_lp.py), and
 * the inner choice of λ.
 */
class MultinomialRidgeTrainerTest {

  private static final String[] CLASSES = {"DH", "SL", "NO"};
  private static final String[] TERMS = {"(Intercept)", "V1", "V2", "V3", "V4", "V5", "V6"};

  /** key "lambda/class/term" to estimate. */
  private static Map<String, Double> glmnet() {
    Map<String, Double> out = new LinkedHashMap<>();
    List<String> lines = SharedTestData.resourceLines("/reference/validation/glmnet_ridge_vertebral.csv");
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.replace("\"", "").split(",");
      out.put(Double.parseDouble(f[0]) + "/" + f[1] + "/" + f[2], Double.parseDouble(f[3]));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.001, 0.01, 0.1, 1})
  void vertebralColumnMatchesGlmnetMultinomialRidgeAtFixedLambda(double lambda) {
    var d = SharedTestData.vertebral3c();
    MultinomialRidgeModel model = MultinomialRidgeTrainer.fixed(lambda)
        .train(d.features(), d.classes(), 3);
    assertThat(model.converged()).isTrue();
    Map<String, Double> ref = glmnet();
    double[][] b = model.coefficients();
    for (int k = 0; k < 3; k++) {
      for (int t = 0; t < TERMS.length; t++) {
        String key = lambda + "/" + CLASSES[k] + "/" + TERMS[t];
        double tol = 1e-6 * Math.max(1, Math.abs(ref.get(key)));
        assertThat(b[k][t]).as(key).isCloseTo(ref.get(key), within(tol));
      }
    }
    for (int i = 0; i < 5; i++) {
      double[] p = model.predictProbabilities(d.features()[i]);
      for (int k = 0; k < 3; k++) {
        assertThat(p[k]).isCloseTo(ref.get(lambda + "/" + CLASSES[k] + "/p_row" + (i + 1)), within(1e-7));
      }
    }
  }

  @Test
  void separationCheckAgreesWithKonisLinearProgramOnReferenceData() {
    List<String> verdicts = SharedTestData.resourceLines("/reference/validation/separation_lp.csv");
    for (String line : verdicts.subList(1, verdicts.size())) {
      String[] f = line.split(",");
      var data = read("/reference/validation/separation_" + f[0] + ".csv");
      int k = Integer.parseInt(f[1]);
      assertThat(MultinomialRidgeTrainer.separationOf(data.features(), data.classes(), k))
          .as(f[0]).isEqualTo(Separation.valueOf(f[2]));
    }
  }

  @Test
  void ridgeConvergesWhereMaximumLikelihoodDivergesUnderCompleteSeparation() {
    var data = read("/reference/validation/separation_iris_setosa.csv");
    assertThat(MultinomialLogisticTrainer.withDefaults().train(data.features(), data.classes(), 2)
        .converged()).isFalse();
    MultinomialRidgeModel model = MultinomialRidgeTrainer.crossValidated(3).withSeparationCheck()
        .train(data.features(), data.classes(), 2);
    assertThat(model.converged()).isTrue();
    assertThat(model.separation()).isEqualTo(Separation.COMPLETE);
    assertThat(model.lambda()).isIn(toList(MultinomialRidgeTrainer.DEFAULT_GRID));
  }

  @Test
  void innerCrossValidationPrefersWeakPenaltyForSignalAndStrongForNoise() {
    var d = SharedTestData.vertebral3c();
    double signal = MultinomialRidgeTrainer.crossValidated(5).chooseLambda(d.features(), d.classes(), 3);
    int[] order = org.backstrat.analysis.evidence.Shuffle.permutation(d.classes().length,
        new java.util.SplittableRandom(11));
    int[] shuffled = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      shuffled[i] = d.classes()[order[i]];
    }
    double noise = MultinomialRidgeTrainer.crossValidated(5).chooseLambda(d.features(), shuffled, 3);
    assertThat(signal).isLessThan(noise);
  }

  @Test
  void sameSeedSameModel() {
    var d = SharedTestData.vertebral3c();
    double[][] a = MultinomialRidgeTrainer.crossValidated(9).train(d.features(), d.classes(), 3).coefficients();
    double[][] b = MultinomialRidgeTrainer.crossValidated(9).train(d.features(), d.classes(), 3).coefficients();
    assertThat(a).isDeepEqualTo(b);
  }

  private static List<Double> toList(double[] v) {
    List<Double> l = new ArrayList<>();
    for (double x : v) {
      l.add(x);
    }
    return l;
  }

  private static SharedTestData.Labelled read(String resource) {
    List<String> lines = SharedTestData.resourceLines(resource);
    List<double[]> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    int k = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      int y = (int) Double.parseDouble(f[0]);
      ys.add(y);
      k = Math.max(k, y + 1);
      double[] x = new double[f.length - 1];
      for (int j = 1; j < f.length; j++) {
        x[j - 1] = Double.parseDouble(f[j]);
      }
      xs.add(x);
    }
    return new SharedTestData.Labelled(xs.toArray(new double[0][]),
        ys.stream().mapToInt(Integer::intValue).toArray(), k);
  }
}
