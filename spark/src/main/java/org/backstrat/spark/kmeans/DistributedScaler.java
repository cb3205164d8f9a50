package org.backstrat.spark.kmeans;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.backstrat.cluster.data.ScaleMethod;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.core.BadInputException;

/**
 * Fits the single-machine engine's {@link Scaler} on distributed data: for
 * {@link ScaleMethod#ROBUST} the median and the interquartile range of every column are R's type
 * 7 quantiles of the exact order statistics ({@link ExactSelection}, all columns in the same
 * passes), so centre and scale equal {@link Scaler#fit} bit for bit; the fallbacks for an IQR of
 * 0 (sample SD, then mean absolute deviation) and {@link ScaleMethod#ZSCORE} use sums combined
 * exactly (their last bit may differ from the single-machine sums, which add in sorted order).
 */
public final class DistributedScaler {
  private DistributedScaler() {
  }

  /**
   * The scaler of {@code data}'s columns.
   *
   * @throws BadInputException naming a column whose values are all equal
   */
  public static Scaler fit(BlockData data, ScaleMethod method) {
    int d = data.columns();
    long n = data.rows();
    double[] probs = {0.25, 0.5, 0.75};
    List<ExactSelection.Target> targets = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      targets.add(new ExactSelection.Target(j, 0));
      targets.add(new ExactSelection.Target(j, n - 1));
      if (method == ScaleMethod.ROBUST) {
        for (double p : probs) {
          long lo = (long) Math.floor((n - 1) * p);
          targets.add(new ExactSelection.Target(j, lo));
          targets.add(new ExactSelection.Target(j, Math.min(lo + 1, n - 1)));
        }
      }
    }
    List<ExactSelection.Result> res = ExactSelection.select(data.blocks(), n,
        DistributedScaler::column, targets, null);
    int per = method == ScaleMethod.ROBUST ? 8 : 2;
    double[] center = new double[d];
    double[] scale = new double[d];
    double[] weights = new double[d];
    Arrays.fill(weights, 1.0);
    double[] means = null;
    for (int j = 0; j < d; j++) {
      double min = res.get(j * per).value();
      double max = res.get(j * per + 1).value();
      if (min == max) {
        throw new BadInputException("column " + data.names().get(j) + ": all values are equal ("
            + min + "); a constant column cannot be scaled and carries no information for"
            + " clustering: leave it out");
      }
      switch (method) {
        case NONE -> {
          center[j] = 0;
          scale[j] = 1;
        }
        case ZSCORE -> {
          means = means == null ? means(data) : means;
          center[j] = means[j];
          scale[j] = sampleSd(data, j, means[j]);
        }
        case ROBUST -> {
          double[] q = new double[3];
          for (int i = 0; i < 3; i++) {
            double h = (n - 1) * probs[i];
            double lo = res.get(j * per + 2 + 2 * i).value();
            double hi = res.get(j * per + 3 + 2 * i).value();
            q[i] = lo + (h - Math.floor(h)) * (hi - lo);
          }
          center[j] = q[1];
          double iqr = q[2] - q[0];
          if (iqr > 0) {
            scale[j] = iqr;
          } else {
            means = means == null ? means(data) : means;
            double sd = sampleSd(data, j, means[j]);
            scale[j] = sd > 0 ? sd : meanAbsoluteDeviation(data, j, center[j]);
          }
        }
        default -> throw new IllegalStateException(method.toString());
      }
    }
    return new Scaler(method, data.names(), center, scale, weights);
  }

  /** Column {@code j} of rows [from, to) of a block, into {@code out}. */
  static void column(RowBlock b, int j, int from, int to, double[] out) {
    for (int r = from, p = from * b.d + j; r < to; r++, p += b.d) {
      out[r - from] = b.x[p];
    }
  }

  private static double[] means(BlockData data) {
    int d = data.columns();
    BigDecimal[] sums = exactSums(data, -1, null);
    double[] m = new double[d];
    for (int j = 0; j < d; j++) {
      m[j] = sums[j].divide(BigDecimal.valueOf(data.rows()), MathContext.DECIMAL128)
          .doubleValue();
    }
    return m;
  }

  private static double sampleSd(BlockData data, int j, double mean) {
    if (data.rows() < 2) {
      return 0;
    }
    BigDecimal ss = exactSums(data, j, new double[] {mean, 2})[0];
    return Math.sqrt(ss.doubleValue() / (data.rows() - 1));
  }

  private static double meanAbsoluteDeviation(BlockData data, int j, double c) {
    BigDecimal s = exactSums(data, j, new double[] {c, 1})[0];
    return s.doubleValue() / data.rows();
  }

  /**
   * Per column (column {@code only} alone when {@code only >= 0}): the sum of the values, or with
   * {@code dev = {c, power}} the sum of |x - c|^power; each block's double sum is combined
   * exactly, so the result does not depend on the order the blocks arrive in.
   */
  private static BigDecimal[] exactSums(BlockData data, int only, double[] dev) {
    int d = data.columns();
    int width = only >= 0 ? 1 : d;
    BigDecimal[] zero = new BigDecimal[width];
    Arrays.fill(zero, BigDecimal.ZERO);
    return data.blocks().treeAggregate(zero, (acc, b) -> {
      for (int w = 0; w < width; w++) {
        int j = only >= 0 ? only : w;
        double s = 0;
        for (int r = 0; r < b.rows; r++) {
          double v = b.x[r * b.d + j];
          if (dev != null) {
            double e = Math.abs(v - dev[0]);
            v = dev[1] == 2 ? e * e : e;
          }
          s += v;
        }
        acc[w] = acc[w].add(new BigDecimal(s));
      }
      return acc;
    }, (a, c) -> {
      for (int w = 0; w < width; w++) {
        a[w] = a[w].add(c[w]);
      }
      return a;
    }, 2);
  }
}
