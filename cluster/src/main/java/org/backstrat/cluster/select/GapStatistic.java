package org.backstrat.cluster.select;

import java.util.List;
import java.util.SplittableRandom;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.cluster.data.PrincipalComponents;
import org.backstrat.cluster.kmeans.Clusterer;
import org.backstrat.cluster.kmeans.Restarts;
import org.backstrat.core.BadInputException;

/**
 * The gap statistic (Tibshirani, Walther &amp; Hastie 2001) as computed by R's
 * {@code cluster::clusGap} with {@code d.power = 2}: {@code log W_k} is the log of half the
 * clustering objective (clusGap's W_k: half the within-cluster sum of squares for k-means; for
 * trimmed k-means half the trimmed one),
 * {@code gap_k = mean_b(log W*_kb) - log W_k} over B uniform reference data sets clustered the
 * same way, {@code SE_k = sqrt(1 + 1/B) sd_b(log W*_kb)} (sd with n - 1), and the number of
 * clusters is picked by the first-SE-max rule (clusGap's {@code maxSE(method = "firstSEmax")}):
 * find the first local maximum j of the gap over the k range; choose the smallest k with
 * {@code gap_k >= gap_j - SE_j}.
 *
 * @param references number B of reference data sets
 * @param reference the null reference distribution
 * @param seed master seed (reference set b uses the b-th derived seed)
 * @param threads worker threads (the result does not depend on it)
 */
public record GapStatistic(int references, GapReference reference, long seed, int threads) {

  /**
   * Gap values over a k range.
   *
   * @param ks the k values
   * @param logW observed log W_k
   * @param expectedLogW mean of log W*_k over the reference sets
   * @param gap gap_k
   * @param se standard error SE_k
   * @param firstSeMaxK the k chosen by the first-SE-max rule
   */
  public record Result(int[] ks, double[] logW, double[] expectedLogW, double[] gap, double[] se,
                       int firstSeMaxK) {
  }

  public GapStatistic {
    if (references < 2 || threads < 1) {
      throw new BadInputException("gap statistic needs at least 2 reference sets");
    }
  }

  /** B = 100 reference sets in the scaled PCA box (clusGap's defaults but spaceH0). */
  public static GapStatistic withDefaults() {
    return new GapStatistic(100, GapReference.SCALED_PCA, 1L,
        Runtime.getRuntime().availableProcessors());
  }

  /** Copy with another B. */
  public GapStatistic withReferences(int b) {
    return new GapStatistic(b, reference, seed, threads);
  }

  /** Copy with another reference distribution. */
  public GapStatistic withReference(GapReference r) {
    return new GapStatistic(references, r, seed, threads);
  }

  /** Copy with another seed. */
  public GapStatistic withSeed(long s) {
    return new GapStatistic(references, reference, s, threads);
  }

  /** Copy with another thread count. */
  public GapStatistic withThreads(int t) {
    return new GapStatistic(references, reference, seed, t);
  }

  /**
   * The gap over {@code ks}, given the observed objectives (W_k) of the clustering of
   * {@code data} at each k; reference sets are clustered with {@code clusterer} (run
   * single-threaded inside each parallel task).
   */
  public Result compute(FeatureMatrix data, int[] ks, double[] observedObjective,
                        Clusterer clusterer) {
    Box box = box(data);
    Clusterer inner = clusterer.toBuilder().threads(1).build();
    long[] seeds = Restarts.seeds(seed, references);
    List<double[]> logWstar = Restarts.inOrder(references, threads,
        b -> referenceLogW(box, data, ks, inner, seeds[b]));
    return combine(ks, observedObjective, logWstar);
  }

  /**
   * log W*_k at every k of one reference set, drawn with {@code referenceSeed} from the box of
   * {@code data}; its fit at the q-th k uses that seed plus q.
   */
  static double[] referenceLogW(Box box, FeatureMatrix data, int[] ks, Clusterer inner,
                                long referenceSeed) {
    FeatureMatrix z = box.sample(new SplittableRandom(referenceSeed), data.rows(),
        data.columns(), data.names());
    double[] lw = new double[ks.length];
    for (int q = 0; q < ks.length; q++) {
      lw[q] = Math.log(0.5 * inner.toBuilder().seed(referenceSeed + q).build()
          .fitScaled(z, ks[q]).objective());
    }
    return lw;
  }

  /** The gap and its SE from the observed objectives and the reference sets' log W*, in order. */
  Result combine(int[] ks, double[] observedObjective, List<double[]> logWstar) {
    double[] logW = new double[ks.length];
    double[] mean = new double[ks.length];
    double[] gap = new double[ks.length];
    double[] se = new double[ks.length];
    for (int q = 0; q < ks.length; q++) {
      logW[q] = Math.log(0.5 * observedObjective[q]);
      double m = 0;
      for (double[] lw : logWstar) {
        m += lw[q];
      }
      m /= references;
      double ss = 0;
      for (double[] lw : logWstar) {
        ss += (lw[q] - m) * (lw[q] - m);
      }
      mean[q] = m;
      gap[q] = m - logW[q];
      se[q] = Math.sqrt((1 + 1.0 / references) * ss / (references - 1));
    }
    return new Result(ks.clone(), logW, mean, gap, se, ks[firstSeMax(gap, se)]);
  }

  /**
   * clusGap's {@code maxSE(f, SE.f, "firstSEmax")}: index of the smallest k whose gap is within
   * one SE of the first local maximum.
   */
  static int firstSeMax(double[] gap, double[] se) {
    int kk = gap.length;
    int nc = kk - 1; // index of the first local max (0-based); the last one if gap never drops
    for (int q = 0; q + 1 < kk; q++) {
      if (gap[q + 1] - gap[q] <= 0) {
        nc = q;
        break;
      }
    }
    for (int q = 0; q < nc; q++) {
      if (gap[q] >= gap[nc] - se[nc]) {
        return q;
      }
    }
    return nc;
  }

  /** The reference box and its rotation. */
  record Box(double[] mean, double[][] rotation, double[] lo, double[] hi) {
    FeatureMatrix sample(SplittableRandom rng, int n, int d, List<String> names) {
      double[] v = new double[n * d];
      double[] u = new double[d];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          u[j] = lo[j] + (hi[j] - lo[j]) * rng.nextDouble();
        }
        for (int j = 0; j < d; j++) {
          double s = mean[j];
          for (int c = 0; c < d; c++) {
            s += u[c] * rotation[j][c];
          }
          v[i * d + j] = s;
        }
      }
      return FeatureMatrix.wrap(n, d, v, names);
    }
  }

  /** The reference box of {@code data} for {@link #reference}. */
  Box box(FeatureMatrix data) {
    int n = data.rows();
    int d = data.columns();
    double[] x = data.rowMajorView();
    double[] mean = new double[d];
    double[][] rot = new double[d][d];
    if (reference == GapReference.ORIGINAL) {
      for (int j = 0; j < d; j++) {
        rot[j][j] = 1;
      }
    } else {
      // right singular vectors of the centred data = eigenvectors of its cross-product matrix
      PrincipalComponents pca = PrincipalComponents.of(data);
      mean = pca.mean();
      rot = pca.rotation();
    }
    double[] lo = new double[d];
    double[] hi = new double[d];
    java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += (x[i * d + j] - mean[j]) * rot[j][c];
        }
        lo[c] = Math.min(lo[c], s);
        hi[c] = Math.max(hi[c], s);
      }
    }
    return new Box(mean, rot, lo, hi);
  }
}
