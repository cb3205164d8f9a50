package org.backstrat.cluster.kmeans;

import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.SquaredEuclidean;
import org.backstrat.core.BadInputException;

/**
 * k-medoids with Euclidean distances: the objective is the total distance (not squared) of the
 * points to their nearest medoid, PAM's criterion (R {@code cluster::pam} reports it divided by
 * n). Each restart starts from k-medoids++ (medoids drawn with probability proportional to the
 * distance to the nearest chosen one) and improves by FasterPAM's eager swaps (Schubert &amp;
 * Rousseeuw 2021): for each candidate point in turn, the change of the objective for swapping it
 * with every medoid is computed in one pass over the data from each point's nearest and second
 * nearest medoid distances; the best improving swap is applied at once; passes repeat until no
 * swap improves. Distances are computed on the fly (no n x n matrix), so a pass costs O(n^2 d):
 * meant for up to some ten thousand rows; larger data are refused.
 */
final class MedoidEngine {
  /** Largest number of rows accepted (a pass is quadratic in n). */
  static final int MAX_ROWS = 50_000;

  private final Clusterer settings;
  private final double[] x;
  private final int n;
  private final int d;
  private final int k;

  MedoidEngine(Clusterer settings, FeatureMatrix data, int k) {
    if (data.rows() > MAX_ROWS) {
      throw new BadInputException("k-medoids handles at most " + MAX_ROWS + " rows (its swaps"
          + " cost n^2); " + data.rows() + " given: use --method trimmed");
    }
    this.settings = settings;
    this.x = data.rowMajorView();
    this.n = data.rows();
    this.d = data.columns();
    this.k = k;
  }

  private record Run(int[] medoids, double objective, int passes, double[] history) {
  }

  ClusterFit fit() {
    List<Run> runs = Restarts.runAll(settings.restarts(), settings.seed(), settings.threads(),
        () -> null, (r, s, ignored) -> run(s));
    Run best = runs.get(0);
    for (Run r : runs) {
      if (r.objective() < best.objective()) {
        best = r;
      }
    }
    double[] centers = new double[k * d];
    for (int j = 0; j < k; j++) {
      System.arraycopy(x, best.medoids()[j] * d, centers, j * d, d);
    }
    int[] labels = new int[n];
    double[] dist = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      double bestD = Double.POSITIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        double v = Math.sqrt(SquaredEuclidean.between(x, i * d, centers, j * d, d));
        if (v < bestD) {
          bestD = v;
          labels[i] = j;
        }
      }
      dist[i] = bestD;
      total += bestD;
    }
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1.0);
    return Clusterer.canonical(ClusterMethod.KMEDOIDS, 0, k, d, labels, new boolean[n], dist,
        centers, total, best.passes(), ones, best.history());
  }

  private double dist(int a, int b) {
    return Math.sqrt(SquaredEuclidean.between(x, a * d, x, b * d, d));
  }

  private Run run(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int[] med = init(rng);
    int[] nearest = new int[n]; // index into med
    double[] dn = new double[n];
    double[] ds = new double[n];
    double td = nearestTwo(med, nearest, dn, ds);
    double[] history = new double[1000];
    int h = 0;
    history[h++] = td;
    double[] delta = new double[k];
    double[] removal = new double[k];
    removalLoss(nearest, dn, ds, removal);
    long maxEvaluations = (long) settings.maxIterations() * n;
    long evaluations = 0;
    int sinceSwap = 0;
    int cand = rng.nextInt(n);
    // cycle through the candidates; stop after n candidates in a row without an improving swap
    while (sinceSwap < n && evaluations < maxEvaluations) {
      evaluations++;
      sinceSwap++;
      if (dn[cand] > 0) { // not a medoid nor a duplicate of one
        double change = swapChange(cand, nearest, dn, ds, removal, delta);
        int bestM = 0;
        for (int m = 1; m < k; m++) {
          if (delta[m] < delta[bestM]) {
            bestM = m;
          }
        }
        if (change < -1e-12 * Math.max(1, td)) {
          med[bestM] = cand;
          td = nearestTwo(med, nearest, dn, ds);
          removalLoss(nearest, dn, ds, removal);
          if (h < history.length) {
            history[h++] = td;
          }
          sinceSwap = 0;
        }
      }
      cand = cand + 1 == n ? 0 : cand + 1;
    }
    int passes = (int) Math.min(Integer.MAX_VALUE, (evaluations + n - 1) / n);
    return new Run(med, td, passes, java.util.Arrays.copyOf(history, h));
  }

  /**
   * FastPAM1's one-pass evaluation: fills {@code delta[m]} with the change of the objective when
   * medoid m is replaced by {@code cand}, minus the part shared by all m, and returns the best
   * total change.
   */
  private double swapChange(int cand, int[] nearest, double[] dn, double[] ds, double[] removal,
                            double[] delta) {
    System.arraycopy(removal, 0, delta, 0, k);
    double acc = 0;
    for (int o = 0; o < n; o++) {
      double doc = dist(o, cand);
      if (k == 1) {
        acc += doc - dn[o];
        continue;
      }
      int no = nearest[o];
      if (doc < dn[o]) {
        acc += doc - dn[o];
        delta[no] += dn[o] - ds[o];
      } else if (doc < ds[o]) {
        delta[no] += doc - ds[o];
      }
    }
    double best = delta[0];
    for (int m = 1; m < k; m++) {
      best = Math.min(best, delta[m]);
    }
    return best + acc;
  }

  private int[] init(SplittableRandom rng) {
    int[] med = new int[k];
    double[] dmin = new double[n];
    med[0] = rng.nextInt(n);
    for (int i = 0; i < n; i++) {
      dmin[i] = dist(i, med[0]);
    }
    for (int j = 1; j < k; j++) {
      double total = 0;
      for (double v : dmin) {
        total += v;
      }
      double r = rng.nextDouble() * total;
      double acc = 0;
      int chosen = -1;
      for (int i = 0; i < n; i++) {
        if (dmin[i] > 0) {
          acc += dmin[i];
          chosen = i;
          if (acc > r) {
            break;
          }
        }
      }
      med[j] = chosen;
      for (int i = 0; i < n; i++) {
        dmin[i] = Math.min(dmin[i], dist(i, chosen));
      }
    }
    return med;
  }

  private double nearestTwo(int[] med, int[] nearest, double[] dn, double[] ds) {
    double td = 0;
    for (int o = 0; o < n; o++) {
      double b = Double.POSITIVE_INFINITY;
      double s = Double.POSITIVE_INFINITY;
      int bi = 0;
      for (int m = 0; m < k; m++) {
        double v = dist(o, med[m]);
        if (v < b) {
          s = b;
          b = v;
          bi = m;
        } else if (v < s) {
          s = v;
        }
      }
      nearest[o] = bi;
      dn[o] = b;
      ds[o] = s;
      td += b;
    }
    return td;
  }

  /** Loss of removing each medoid: its points move to their second nearest medoid. */
  private void removalLoss(int[] nearest, double[] dn, double[] ds, double[] removal) {
    java.util.Arrays.fill(removal, 0);
    for (int o = 0; o < n; o++) {
      removal[nearest[o]] += (k == 1 ? 0 : ds[o] - dn[o]);
    }
  }
}
