package org.backstrat.analysis.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The ridge trainer's Newton iterations are arranged for speed (objective first, derivatives only
 * for accepted steps and from the kept probabilities, the next λ started from the last pass, the
 * Hessian taking four rows per load and store); its fits must be bit for bit those of the plain
 * iteration that evaluates objective and derivatives in one pass per trial, row by row (the code
 * the demo's outputs were made with), whose results are pinned as digests in
 * {@code reference/newton/ridge_path_bits.txt}. Checked on data with and without separation, 2
 * to 4 classes, row counts that are and are not multiples of four.
 */
class RidgeNewtonBitIdentityTest {

  @Test
  void pathFitsAreBitIdenticalToOnePassNewtonAtEveryLambda() throws Exception {
    List<String> expected = BitDigest.fixtureLines("/reference/newton/ridge_path_bits.txt");
    assertThat(expected).hasSize(24);
    SplittableRandom rng = new SplittableRandom(21);
    double[] grid = MultinomialRidgeTrainer.DEFAULT_GRID;
    for (int trial = 0; trial < 24; trial++) {
      int n = 40 + rng.nextInt(400);
      int p = 1 + rng.nextInt(9);
      int k = 2 + rng.nextInt(3);
      double spread = trial % 3 == 0 ? 20 : 1; // every third data set separable
      double[][] x = new double[n][p];
      int[] y = new int[n];
      for (int i = 0; i < n; i++) {
        y[i] = i < k ? i : rng.nextInt(k);
        for (int j = 0; j < p; j++) {
          x[i][j] = rng.nextGaussian() + (j % k == y[i] ? spread : 0) + 3 * j;
        }
      }
      BitDigest digest = new BitDigest();
      // every λ of the path (as the inner cross-validation fits them) ...
      for (MultinomialRidgeModel m : MultinomialRidgeTrainer.fitPath(x, y, k, grid)) {
        digest.add(m.coefficients());
      }
      // ... and train's fit down to the λ it chose, and a fit at one fixed λ
      digest.add(MultinomialRidgeTrainer.crossValidated(trial).train(x, y, k).coefficients());
      digest.add(MultinomialRidgeTrainer.fixed(0.05).train(x, y, k).coefficients());
      assertThat(trial + " " + digest.hex()).as("trial %d (n %d, p %d, k %d)", trial, n, p, k)
          .isEqualTo(expected.get(trial));
    }
  }
}
