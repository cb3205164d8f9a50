package org.backstrat.analysis.missing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.analysis.validation.MultinomialLogisticModel;
import org.backstrat.analysis.validation.MultinomialLogisticTrainer;
import org.backstrat.core.RandomStream;

/**
 * Multiple imputation by chained equations (van Buuren and Groothuis-Oudshoorn 2011, R package
 * mice), with mice's default methods: predictive mean matching for numeric columns
 * ({@code mice.impute.pmm}: a Bayesian linear regression draw, then a donor drawn among the
 * {@value #DONORS} observed people whose predicted values are closest), logistic regression with
 * a coefficient draw for binary columns ({@code mice.impute.logreg}), and multinomial logistic
 * regression for categorical columns with more than two levels ({@code mice.impute.polyreg},
 * drawing from the predicted probabilities). Every other column predicts each column (categories
 * as indicator columns), the columns are visited left to right, missing cells start as random
 * draws from the column's observed values, and {@code iterations} sweeps are run per imputed
 * set.
 *
 * <p>Deterministic: imputed set i draws only from its own generator (the i-th split of
 * {@code SplittableRandom(seed)}), so the sets do not depend on each other or on threads.
 * Immutable; build with {@link #builder()}.
 */
public final class ChainedImputation {
  /** Donors pmm draws from (mice's default {@code donors = 5}). */
  public static final int DONORS = 5;
  /** Ridge added to the normal equations, relative to their diagonal (mice's 1e-5). */
  private static final double RIDGE = 1e-5;

  /** How a column is imputed. */
  public enum Kind {
    /** Numeric: predictive mean matching. */
    NUMERIC,
    /** Two levels coded 0/1: logistic regression. */
    BINARY,
    /** Levels coded 0..L-1 (L > 2): multinomial logistic regression. */
    CATEGORICAL
  }

  private final int imputations;
  private final int iterations;
  private final long seed;

  private ChainedImputation(Builder b) {
    this.imputations = b.imputations;
    this.iterations = b.iterations;
    this.seed = b.seed;
  }

  /** A builder with m = 5, 10 iterations, seed 1. */
  public static Builder builder() {
    return new Builder();
  }

  /** Number of imputed sets m. */
  public int imputations() {
    return imputations;
  }

  /**
   * Imputes a table.
   *
   * @param x people x columns, NaN = missing (not changed)
   * @param kinds each column's kind; categorical columns hold 0..L-1
   * @return m completed copies of {@code x}
   * @throws IllegalArgumentException when a column has no observed value or a categorical code
   *     is not a whole number from 0
   */
  public List<double[][]> impute(double[][] x, Kind[] kinds) {
    int p = kinds.length;
    int[] levels = new int[p];
    for (int j = 0; j < p; j++) {
      boolean any = false;
      int max = 0;
      for (double[] row : x) {
        double v = row[j];
        if (Double.isNaN(v)) {
          continue;
        }
        any = true;
        if (kinds[j] != Kind.NUMERIC) {
          if (v < 0 || v != Math.rint(v)) {
            throw new IllegalArgumentException("column " + j + ": code " + v
                + " is not a level 0, 1, ...");
          }
          max = Math.max(max, (int) v);
        }
      }
      if (!any) {
        throw new IllegalArgumentException("column " + j + " has no observed value");
      }
      levels[j] = kinds[j] == Kind.BINARY ? 2 : kinds[j] == Kind.CATEGORICAL ? max + 1 : 0;
    }
    SplittableRandom root = new SplittableRandom(seed);
    List<double[][]> out = new ArrayList<>();
    for (int i = 0; i < imputations; i++) {
      SplittableRandom rng = root.split();
      out.add(one(x, kinds, levels, rng));
    }
    return out;
  }

  private double[][] one(double[][] x, Kind[] kinds, int[] levels, SplittableRandom rng) {
    int n = x.length;
    int p = kinds.length;
    double[][] y = new double[n][];
    for (int i = 0; i < n; i++) {
      y[i] = x[i].clone();
    }
    List<int[]> missingRows = new ArrayList<>();
    List<int[]> observedRows = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      List<Integer> mis = new ArrayList<>();
      List<Integer> obs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        (Double.isNaN(x[i][j]) ? mis : obs).add(i);
      }
      missingRows.add(mis.stream().mapToInt(Integer::intValue).toArray());
      observedRows.add(obs.stream().mapToInt(Integer::intValue).toArray());
      int[] o = observedRows.get(j);
      for (int i : missingRows.get(j)) {
        y[i][j] = x[o[rng.nextInt(o.length)]][j];
      }
    }
    for (int it = 0; it < iterations; it++) {
      for (int j = 0; j < p; j++) {
        int[] mis = missingRows.get(j);
        if (mis.length == 0) {
          continue;
        }
        int[] obs = observedRows.get(j);
        double[][] design = design(y, kinds, levels, j);
        switch (kinds[j]) {
          case NUMERIC -> pmm(y, j, design, obs, mis, rng);
          case BINARY -> logreg(y, j, design, obs, mis, rng);
          case CATEGORICAL -> polyreg(y, j, levels[j], design, obs, mis, rng);
          default -> throw new IllegalStateException();
        }
      }
    }
    return y;
  }

  /** Intercept, then every other column (categories as indicators of levels 1..L-1). */
  private static double[][] design(double[][] y, Kind[] kinds, int[] levels, int target) {
    int width = 1;
    for (int j = 0; j < kinds.length; j++) {
      if (j != target) {
        width += kinds[j] == Kind.CATEGORICAL ? levels[j] - 1 : 1;
      }
    }
    double[][] d = new double[y.length][width];
    for (int i = 0; i < y.length; i++) {
      d[i][0] = 1;
      int c = 1;
      for (int j = 0; j < kinds.length; j++) {
        if (j == target) {
          continue;
        }
        if (kinds[j] == Kind.CATEGORICAL) {
          for (int l = 1; l < levels[j]; l++) {
            d[i][c++] = y[i][j] == l ? 1 : 0;
          }
        } else {
          d[i][c++] = y[i][j];
        }
      }
    }
    return d;
  }

  /** mice.impute.pmm, type-1 matching: β̂ for the observed, a drawn β* for the missing. */
  private static void pmm(double[][] y, int j, double[][] d, int[] obs, int[] mis,
                          SplittableRandom rng) {
    int q = d[0].length;
    double[][] xtx = new double[q][q];
    double[] xty = new double[q];
    for (int i : obs) {
      double[] r = d[i];
      for (int a = 0; a < q; a++) {
        xty[a] += r[a] * y[i][j];
        for (int b = 0; b < q; b++) {
          xtx[a][b] += r[a] * r[b];
        }
      }
    }
    for (int a = 0; a < q; a++) {
      xtx[a][a] += Math.max(xtx[a][a], 1e-12) * RIDGE;
    }
    double[][] inv = Linear.inverse(xtx);
    double[] beta = Linear.times(inv, xty);
    double rss = 0;
    for (int i : obs) {
      double e = y[i][j] - Linear.dot(d[i], beta);
      rss += e * e;
    }
    int df = Math.max(obs.length - q, 1);
    double chi = 0;
    for (int k = 0; k < df; k++) {
      double z = gaussian(rng);
      chi += z * z;
    }
    double sigma = Math.sqrt(rss / chi);
    double[] star = draw(beta, Linear.cholesky(inv), sigma, rng);
    double[] fitObs = new double[obs.length];
    for (int k = 0; k < obs.length; k++) {
      fitObs[k] = Linear.dot(d[obs[k]], beta);
    }
    double[] donorValue = new double[obs.length];
    for (int k = 0; k < obs.length; k++) {
      donorValue[k] = y[obs[k]][j];
    }
    int donors = Math.min(DONORS, obs.length);
    double[] imputed = new double[mis.length];
    for (int k = 0; k < mis.length; k++) {
      double target = Linear.dot(d[mis[k]], star);
      imputed[k] = donorValue[nearest(fitObs, target, donors, rng)];
    }
    for (int k = 0; k < mis.length; k++) {
      y[mis[k]][j] = imputed[k];
    }
  }

  /** Index of one of the {@code donors} values closest to {@code target}, drawn uniformly. */
  private static int nearest(double[] values, double target, int donors, SplittableRandom rng) {
    int[] best = new int[donors];
    double[] dist = new double[donors];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    for (int k = 0; k < values.length; k++) {
      double dk = Math.abs(values[k] - target);
      if (dk < dist[donors - 1]) {
        int at = donors - 1;
        while (at > 0 && dist[at - 1] > dk) {
          dist[at] = dist[at - 1];
          best[at] = best[at - 1];
          at--;
        }
        dist[at] = dk;
        best[at] = k;
      }
    }
    return best[rng.nextInt(donors)];
  }

  /** mice.impute.logreg: ML logistic fit, β* ~ N(β̂, V), then a Bernoulli draw. */
  private static void logreg(double[][] y, int j, double[][] d, int[] obs, int[] mis,
                             SplittableRandom rng) {
    int q = d[0].length;
    double[] beta = new double[q];
    double[][] info = new double[q][q];
    for (int iter = 0; iter < 50; iter++) {
      double[] grad = new double[q];
      info = new double[q][q];
      for (int i : obs) {
        double[] r = d[i];
        double pr = 1 / (1 + Math.exp(-Linear.dot(r, beta)));
        double w = Math.max(pr * (1 - pr), 1e-10);
        for (int a = 0; a < q; a++) {
          grad[a] += r[a] * (y[i][j] - pr);
          for (int b = 0; b < q; b++) {
            info[a][b] += w * r[a] * r[b];
          }
        }
      }
      for (int a = 0; a < q; a++) {
        // a small ridge keeps separated data finite, as mice's data augmentation does
        info[a][a] += RIDGE * Math.max(info[a][a], 1) + 1e-4;
        grad[a] -= 1e-4 * beta[a];
      }
      double[] step = Linear.times(Linear.inverse(info), grad);
      double size = 0;
      for (int a = 0; a < q; a++) {
        beta[a] += step[a];
        size = Math.max(size, Math.abs(step[a]));
      }
      if (size < 1e-8) {
        break;
      }
    }
    double[] star = draw(beta, Linear.cholesky(Linear.inverse(info)), 1, rng);
    double[] u = new double[mis.length];
    for (int k = 0; k < mis.length; k++) {
      u[k] = rng.nextDouble();
    }
    for (int k = 0; k < mis.length; k++) {
      double pr = 1 / (1 + Math.exp(-Linear.dot(d[mis[k]], star)));
      y[mis[k]][j] = u[k] <= pr ? 1 : 0;
    }
  }

  /** mice.impute.polyreg: multinomial logistic fit, then a draw from its probabilities. */
  private static void polyreg(double[][] y, int j, int levels, double[][] d, int[] obs, int[] mis,
                              SplittableRandom rng) {
    int q = d[0].length - 1; // the trainer adds its own intercept
    double[][] xo = new double[obs.length][q];
    int[] yo = new int[obs.length];
    for (int k = 0; k < obs.length; k++) {
      System.arraycopy(d[obs[k]], 1, xo[k], 0, q);
      yo[k] = (int) y[obs[k]][j];
    }
    MultinomialLogisticModel model = MultinomialLogisticTrainer.withDefaults()
        .withL2Lambda(1e-4).train(xo, yo, levels);
    for (int i : mis) {
      double[] xi = Arrays.copyOfRange(d[i], 1, q + 1);
      double[] pr = model.predictProbabilities(xi);
      double u = rng.nextDouble();
      double acc = 0;
      int pick = levels - 1;
      for (int l = 0; l < levels; l++) {
        acc += pr[l];
        if (u <= acc) {
          pick = l;
          break;
        }
      }
      y[i][j] = pick;
    }
  }

  /** β + scale · L z with z standard normal: a draw from N(β, scale² L Lᵀ). */
  private static double[] draw(double[] beta, double[][] chol, double scale,
                               SplittableRandom rng) {
    int q = beta.length;
    double[] z = new double[q];
    for (int a = 0; a < q; a++) {
      z[a] = gaussian(rng);
    }
    double[] star = beta.clone();
    for (int a = 0; a < q; a++) {
      for (int b = 0; b <= a; b++) {
        star[a] += scale * chol[a][b] * z[b];
      }
    }
    return star;
  }

  /** A standard normal draw (Box–Muller, one of the pair). */
  private static double gaussian(SplittableRandom rng) {
    double u1 = rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Builder of {@link ChainedImputation}; not thread-safe. */
  public static final class Builder {
    private int imputations = 5;
    private int iterations = 10;
    private long seed = 1;

    private Builder() {
    }

    /** Number of imputed sets m, 1 to 1000. */
    public Builder imputations(int m) {
      if (m < 1 || m > 1000) {
        throw new IllegalArgumentException("imputations m: expected 1 to 1000, not " + m);
      }
      this.imputations = m;
      return this;
    }

    /** Sweeps over the columns per imputed set, 1 to 1000. */
    public Builder iterations(int sweeps) {
      if (sweeps < 1 || sweeps > 1000) {
        throw new IllegalArgumentException("iterations: expected 1 to 1000, not " + sweeps);
      }
      this.iterations = sweeps;
      return this;
    }

    /** Seed (for the analysis: {@link RandomStream}'s stream of the config seed). */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** The imputation. */
    public ChainedImputation build() {
      return new ChainedImputation(this);
    }
  }
}
