package org.backstrat.cluster.kmeans;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.SquaredEuclidean;

/**
 * Reweighted k-means in the spirit of scikit-learn-extra's {@code RobustWeightedKMeans}: each
 * step assigns points to their nearest centre and moves the centres to weighted means, with
 * per-point weights that shrink the influence of far points. Two weightings:
 *
 * <ul>
 *   <li><b>Huber</b> (iteratively reweighted least squares for the Huber loss): with
 *       {@code r} the distance to the nearest centre and {@code c = huberConstant x s}, the weight
 *       is 1 for {@code r <= c} and {@code c / r} beyond. The scale {@code s} is fixed once per
 *       fit (so restarts are comparable): the median distance to the nearest centre of a
 *       preliminary trimmed k-means (alpha 0.1, 10 restarts). Each step cannot increase the
 *       objective {@code sum_i rho(r_i)} with {@code rho(r) = r^2} for {@code r <= c} and
 *       {@code 2 c r - c^2} beyond (twice Huber's loss: the sum of squares when no point is far).
 *   <li><b>Median of means</b> (as scikit-learn-extra's "mom" weighting): each step draws many
 *       random partitions of the rows into B blocks (10 B, at least 20, at most 200); in each,
 *       the block whose mean squared distance is the median gets its rows counted. A row's weight
 *       is its count scaled so that a typical row weighs about 1, and centres move to the weighted
 *       means. Rows in blocks with gross outliers are never the median block, so outliers get
 *       weight near 0 as long as fewer than B/2 blocks contain one (choose B above twice the
 *       expected number of outliers). The objective is the median-of-means estimate of the mean
 *       squared distance over one fixed partition into B blocks, times n; it is noisy, so the best
 *       centres seen are kept and a restart stops after 5 steps without improvement. B is
 *       {@code momBlocks}, or automatically the odd number nearest to n / 5 (blocks of about 5
 *       rows; at least 5, at most 2001 blocks).
 * </ul>
 * Nothing is trimmed: every row gets its nearest cluster and no outlier flag.
 */
final class ReweightedEngine {
  private final Clusterer settings;
  private final FeatureMatrix data;
  private final double[] x;
  private final int n;
  private final int d;
  private final int k;

  ReweightedEngine(Clusterer settings, FeatureMatrix data, int k) {
    this.settings = settings;
    this.data = data;
    this.x = data.rowMajorView();
    this.n = data.rows();
    this.d = data.columns();
    this.k = k;
  }

  private record Run(double[] centers, double objective, int iterations, double[] history,
                     double[] weights) {
  }

  ClusterFit fit() {
    boolean huber = settings.method() == ClusterMethod.HUBER;
    double cut = huber ? settings.huberConstant() * preliminaryScale() : 0;
    int blocks = blocks();
    int[] fixedBlock = huber ? null : shuffledBlocks(new SplittableRandom(settings.seed()), blocks);
    List<Run> runs = Restarts.runAll(settings.restarts(), settings.seed(), settings.threads(),
        () -> null, (r, s, ignored) -> huber ? huber(s, cut) : mom(s, blocks, fixedBlock));
    Run best = runs.get(0);
    for (Run r : runs) {
      if (r.objective() < best.objective()) {
        best = r;
      }
    }
    int[] labels = new int[n];
    double[] dist = new double[n];
    assign(best.centers(), labels, dist);
    for (int i = 0; i < n; i++) {
      dist[i] = Math.sqrt(dist[i]);
    }
    double[] weights = best.weights();
    return Clusterer.canonical(settings.method(), 0, k, d, labels, new boolean[n], dist,
        best.centers(), best.objective(), best.iterations(), weights, best.history());
  }

  private double preliminaryScale() {
    ClusterFit pre = settings.toBuilder().method(ClusterMethod.TRIMMED).trimFraction(0.1)
        .restarts(Math.min(10, settings.restarts())).build().fitScaled(data, k);
    double[] r = pre.distances();
    double med = Selection.kthSmallest(r, n, n / 2);
    return med > 0 ? med : Double.MIN_NORMAL;
  }

  private int blocks() {
    if (settings.momBlocks() > 0) {
      return Math.min(settings.momBlocks(), n);
    }
    int b = (int) Math.round(n / 5.0);
    b = Math.max(5, Math.min(2001, b));
    if (b % 2 == 0) {
      b++;
    }
    return Math.min(b, n);
  }

  private Run huber(long seed, double cut) {
    double[] c = Seeding.kMeansPlusPlus(x, n, d, k, 0, new SplittableRandom(seed),
        new double[n], new double[n]);
    int[] label = new int[n];
    double[] d2 = new double[n];
    double[] w = new double[n];
    double[] history = new double[settings.maxIterations()];
    double prev = Double.POSITIVE_INFINITY;
    int iter = 0;
    double obj;
    while (true) {
      assign(c, label, d2);
      obj = 0;
      for (int i = 0; i < n; i++) {
        double r = Math.sqrt(d2[i]);
        if (r <= cut) {
          obj += d2[i];
          w[i] = 1;
        } else {
          obj += 2 * cut * r - cut * cut;
          w[i] = cut / r;
        }
      }
      history[iter++] = obj;
      if (prev - obj <= settings.tolerance() * obj || iter >= settings.maxIterations()) {
        break;
      }
      prev = obj;
      c = weightedMeans(c, label, w);
    }
    return new Run(c, obj, iter, Arrays.copyOf(history, iter), w.clone());
  }

  private double[] weightedMeans(double[] old, int[] label, double[] w) {
    double[] sum = new double[k * d];
    double[] tot = new double[k];
    for (int i = 0; i < n; i++) {
      int a = label[i];
      tot[a] += w[i];
      for (int j = 0; j < d; j++) {
        sum[a * d + j] += w[i] * x[i * d + j];
      }
    }
    double[] c = old.clone();
    for (int a = 0; a < k; a++) {
      if (tot[a] > 0) {
        for (int j = 0; j < d; j++) {
          c[a * d + j] = sum[a * d + j] / tot[a];
        }
      }
    }
    return c;
  }

  private Run mom(long seed, int blocks, int[] fixedBlock) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] c = Seeding.kMeansPlusPlus(x, n, d, k, 0, rng, new double[n], new double[n]);
    int[] label = new int[n];
    double[] d2 = new double[n];
    double[] w = new double[n];
    int partitions = partitions(blocks);
    double[] history = new double[settings.maxIterations()];
    double[] bestC = c;
    double[] bestW = null;
    double bestObj = Double.POSITIVE_INFINITY;
    int bestIter = 0;
    int iter = 0;
    while (iter < settings.maxIterations()) {
      assign(c, label, d2);
      double obj = n * medianOfMeans(d2, fixedBlock, blocks);
      history[iter++] = obj;
      momWeights(rng, d2, blocks, partitions, w);
      if (obj < bestObj * (1 - settings.tolerance())) {
        bestObj = obj;
        bestC = c;
        bestW = w.clone();
        bestIter = iter;
      } else if (iter - bestIter >= 5) {
        break; // the (noisy) objective stopped improving
      }
      c = weightedMeans(c, label, w);
    }
    return new Run(bestC, bestObj, iter, Arrays.copyOf(history, iter), bestW);
  }

  private static int partitions(int blocks) {
    return Math.max(20, Math.min(200, 10 * blocks));
  }

  /**
   * Median-of-means weights: over {@code partitions} random partitions into blocks, the number of
   * times a row falls in the median block, scaled so that a typical row has weight about 1.
   */
  private void momWeights(SplittableRandom rng, double[] d2, int blocks, int partitions,
                          double[] w) {
    Arrays.fill(w, 0);
    double unit = (double) blocks / partitions;
    for (int p = 0; p < partitions; p++) {
      int[] block = shuffledBlocks(rng, blocks);
      int median = medianBlock(d2, block, blocks);
      for (int i = 0; i < n; i++) {
        if (block[i] == median) {
          w[i] += unit;
        }
      }
    }
  }

  /** Block of each row under a random equal-size partition (sizes differ by at most one). */
  private int[] shuffledBlocks(SplittableRandom rng, int blocks) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int[] block = new int[n];
    for (int p = 0; p < n; p++) {
      block[perm[p]] = p % blocks;
    }
    return block;
  }

  private double[] blockMeans(double[] d2, int[] block, int blocks) {
    double[] s = new double[blocks];
    int[] c = new int[blocks];
    for (int i = 0; i < n; i++) {
      s[block[i]] += d2[i];
      c[block[i]]++;
    }
    for (int b = 0; b < blocks; b++) {
      s[b] /= c[b];
    }
    return s;
  }

  private double medianOfMeans(double[] d2, int[] block, int blocks) {
    double[] m = blockMeans(d2, block, blocks);
    return Selection.kthSmallest(m, blocks, blocks / 2);
  }

  /** The block whose mean is the median (lowest block number among equal means). */
  private int medianBlock(double[] d2, int[] block, int blocks) {
    double[] m = blockMeans(d2, block, blocks);
    double med = Selection.kthSmallest(m.clone(), blocks, blocks / 2);
    for (int b = 0; b < blocks; b++) {
      if (m[b] == med) {
        return b;
      }
    }
    throw new AssertionError();
  }

  private void assign(double[] c, int[] label, double[] d2) {
    for (int i = 0, p = 0; i < n; i++, p += d) {
      double best = Double.POSITIVE_INFINITY;
      int a = 0;
      for (int j = 0; j < k; j++) {
        double v = SquaredEuclidean.between(x, p, c, j * d, d);
        if (v < best) {
          best = v;
          a = j;
        }
      }
      label[i] = a;
      d2[i] = best;
    }
  }
}
