package org.backstrat.analysis.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The maximum likelihood (and L2) trainer adds four rows' terms to each entry of the information
 * matrix at once, for speed; its fits (coefficients, log-likelihood, iterations, status) must be
 * bit for bit those of the row-by-row Newton iteration it replaced (the code the demo's outputs
 * were made with; its results pinned as digests in {@code reference/newton/logistic_bits.txt}),
 * including fits that end in separation and row counts that
 * are not multiples of four.
 */
class LogisticNewtonBitIdentityTest {

  @Test
  void fitsAreBitIdenticalToRowByRowNewton() throws Exception {
    List<String> expected = BitDigest.fixtureLines("/reference/newton/logistic_bits.txt");
    assertThat(expected).hasSize(40);
    SplittableRandom rng = new SplittableRandom(31);
    for (int trial = 0; trial < 40; trial++) {
      int n = 30 + rng.nextInt(300);
      int p = 1 + rng.nextInt(8);
      int k = 2 + rng.nextInt(3);
      double spread = trial % 3 == 0 ? 20 : 0.7; // every third data set separable
      double lambda = trial % 4 == 1 ? 0.5 : 0;
      double[][] x = new double[n][p];
      int[] y = new int[n];
      for (int i = 0; i < n; i++) {
        y[i] = i < k ? i : rng.nextInt(k);
        for (int j = 0; j < p; j++) {
          x[i][j] = rng.nextGaussian() + (j % k == y[i] ? spread : 0) - 2 * j;
        }
      }
      MultinomialLogisticModel got = MultinomialLogisticTrainer.withDefaults()
          .withL2Lambda(lambda).train(x, y, k);
      String digest = new BitDigest().add(got.logLikelihood()).add(got.coefficients()).hex();
      assertThat(trial + " " + got.status() + " " + got.iterations() + " " + digest)
          .as("trial %d (n %d, p %d, k %d, λ %s)", trial, n, p, k, lambda)
          .isEqualTo(expected.get(trial));
    }
  }
}
