package org.backstrat.analysis.validation;

/**
 * Logistic recalibration of predicted probabilities against 0/1 outcomes, as R
 * {@code rms::val.prob} reports it: with lp = logit(p) (p clamped to [1e-12, 1 − 1e-12]),
 * the calibration intercept (calibration-in-the-large) is a of {@code logit P(y) = a + lp}
 * (lp as an offset) and the calibration slope is b of {@code logit P(y) = a' + b·lp}; perfect
 * calibration gives intercept 0 and slope 1, a slope below 1 means probabilities too extreme.
 * Both are maximum likelihood fits by Newton's method (checked against R glm, fixture
 * {@code reference/validation/calibration_glm.R}). Also the binned curve for a plot: people
 * sorted by p into {@code bins} groups of (almost) equal size, mean p against observed share.
 */
public final class Calibration {
  private static final double CLAMP = 1e-12;

  private Calibration() {
  }

  /**
   * The calibration of one set of predictions.
   *
   * @param intercept calibration-in-the-large (NaN when it does not exist)
   * @param slope calibration slope (NaN when it does not exist)
   * @param meanPredicted mean predicted probability per bin
   * @param observed observed share per bin
   */
  public record Result(double intercept, double slope, double[] meanPredicted,
                       double[] observed) {
    public Result {
      meanPredicted = meanPredicted.clone();
      observed = observed.clone();
    }

    @Override
    public double[] meanPredicted() {
      return meanPredicted.clone();
    }

    @Override
    public double[] observed() {
      return observed.clone();
    }
  }

  /** Calibration of predictions p of outcomes y, with the binned curve in {@code bins} groups. */
  public static Result of(double[] p, boolean[] y, int bins) {
    int n = p.length;
    if (y.length != n || n == 0) {
      throw new IllegalArgumentException(n + " predictions, " + y.length + " outcomes");
    }
    double[] lp = new double[n];
    for (int i = 0; i < n; i++) {
      double q = Math.min(1 - CLAMP, Math.max(CLAMP, p[i]));
      lp[i] = Math.log(q / (1 - q));
    }
    double intercept = fit(lp, y, false)[0];
    double slope = fit(lp, y, true)[1];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
    int g = Math.min(bins, n);
    double[] mp = new double[g];
    double[] obs = new double[g];
    for (int b = 0; b < g; b++) {
      int from = (int) ((long) b * n / g);
      int to = (int) ((long) (b + 1) * n / g);
      double s = 0;
      double e = 0;
      for (int i = from; i < to; i++) {
        s += p[order[i]];
        e += y[order[i]] ? 1 : 0;
      }
      mp[b] = s / (to - from);
      obs[b] = e / (to - from);
    }
    return new Result(intercept, slope, mp, obs);
  }

  /**
   * Newton's method for logit P(y) = a + b·lp, with b fixed at 1 (offset) unless
   * {@code withSlope}; returns {a, b}, NaN where the estimate does not exist (no convergence).
   */
  static double[] fit(double[] lp, boolean[] y, boolean withSlope) {
    double a = 0;
    double b = 1;
    for (int iter = 0; iter < 100; iter++) {
      double ga = 0;
      double gb = 0;
      double haa = 0;
      double hab = 0;
      double hbb = 0;
      for (int i = 0; i < lp.length; i++) {
        double eta = a + b * lp[i];
        double mu = 1 / (1 + Math.exp(-eta));
        double r = (y[i] ? 1 : 0) - mu;
        double w = mu * (1 - mu);
        ga += r;
        gb += r * lp[i];
        haa += w;
        hab += w * lp[i];
        hbb += w * lp[i] * lp[i];
      }
      double da;
      double db = 0;
      if (withSlope) {
        double det = haa * hbb - hab * hab;
        if (!(det > 0)) {
          return new double[] {Double.NaN, Double.NaN};
        }
        da = (hbb * ga - hab * gb) / det;
        db = (haa * gb - hab * ga) / det;
      } else {
        if (!(haa > 0)) {
          return new double[] {Double.NaN, Double.NaN};
        }
        da = ga / haa;
      }
      a += da;
      b += db;
      if (Math.abs(da) < 1e-12 && Math.abs(db) < 1e-12) {
        return new double[] {a, b};
      }
    }
    return new double[] {Double.NaN, Double.NaN};
  }
}
