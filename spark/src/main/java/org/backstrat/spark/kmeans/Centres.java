package org.backstrat.spark.kmeans;

import java.io.Serializable;
import org.backstrat.cluster.data.SquaredEuclidean;

/**
 * Centres broadcast to the blocks for one pass: {@code k x d} row-major values, an id that names
 * them (blocks whose cached labels and distances carry another id recompute them), which
 * distance sum to use ({@link SquaredEuclidean#between} while iterating, as the single-machine
 * engine does, or {@link SquaredEuclidean#inIndexOrder} for the final answer), and, for a step
 * that follows another, the previous centres' id, how far each centre moved and half of each
 * centre's distance to its nearest other centre: Hamerly's bounds, as the single-machine engine
 * keeps them, so that a block that still holds the previous step's labels computes only the
 * distance to each row's own centre for most rows.
 *
 * @param prevVersion id of the centres these moved from (0 = none: full assignment)
 * @param delta per centre, the distance it moved from the previous centres (null = none)
 * @param half per centre, half the distance to its nearest other centre (null = none)
 */
record Centres(long version, int k, int d, double[] values, boolean indexOrder,
               long prevVersion, double[] delta, double[] half) implements Serializable {

  /** Centres with no previous step: every block assigns every row in full. */
  Centres(long version, int k, int d, double[] values, boolean indexOrder) {
    this(version, k, d, values, indexOrder, 0, null, null);
  }

  /** Centres {@code values} that moved from {@code previous} (id {@code prevVersion}). */
  static Centres after(long version, int k, int d, double[] values, long prevVersion,
                       double[] previous) {
    double[] delta = new double[k];
    double[] half = new double[k];
    for (int j = 0; j < k; j++) {
      delta[j] = Math.sqrt(SquaredEuclidean.between(previous, j * d, values, j * d, d));
      double m = Double.POSITIVE_INFINITY;
      for (int q = 0; q < k; q++) {
        if (q != j) {
          m = Math.min(m, SquaredEuclidean.between(values, j * d, values, q * d, d));
        }
      }
      half[j] = 0.5 * Math.sqrt(m);
    }
    return new Centres(version, k, d, values, false, prevVersion, delta, half);
  }

  /**
   * Labels (nearest centre) and squared distances of a block's rows, by the single-machine
   * engine's kernels, computed unless the block's state already holds them for these centres:
   * in full ({@link SquaredEuclidean#nearest}, lowest index on ties) when the block does not
   * hold the previous step, else with Hamerly's bounds as the single-machine engine (a row
   * whose own centre is provably nearest keeps it; the distance to the own centre is always
   * computed exactly, so the trim and the sums see exact distances).
   */
  RowBlock.State assign(RowBlock b) {
    RowBlock.State s = b.state();
    if (s.version == version) {
      return s;
    }
    boolean bounded = prevVersion != 0 && s.version == prevVersion && s.lower != null
        && delta != null;
    s.version = 0; // a task that dies half-way leaves no labels that claim to be complete
    if (s.lower == null) {
      s.lower = new double[b.rows];
    }
    if (bounded) {
      assignBounded(b, s);
    } else {
      double[] near = new double[2];
      for (int i = 0, p = 0; i < b.rows; i++, p += d) {
        s.labels[i] = SquaredEuclidean.nearest(b.x, p, values, k, d, indexOrder, near);
        s.d2[i] = near[0];
        s.lower[i] = Math.sqrt(near[1]);
      }
    }
    s.version = version;
    return s;
  }

  private void assignBounded(RowBlock b, RowBlock.State s) {
    int maxJ = 0;
    for (int j = 1; j < k; j++) {
      if (delta[j] > delta[maxJ]) {
        maxJ = j;
      }
    }
    double maxDelta = delta[maxJ];
    double secondDelta = 0;
    for (int j = 0; j < k; j++) {
      if (j != maxJ && delta[j] > secondDelta) {
        secondDelta = delta[j];
      }
    }
    int[] label = s.labels;
    double[] d2 = s.d2;
    double[] lower = s.lower;
    double[] c = values;
    double[] x = b.x;
    for (int i = 0, p = 0; i < b.rows; i++, p += d) {
      int a = label[i];
      double lb = lower[i] - (a == maxJ ? secondDelta : maxDelta);
      double own2 = SquaredEuclidean.between(x, p, c, a * d, d);
      double own = Math.sqrt(own2);
      if (own <= lb || own <= half[a]) {
        lower[i] = lb;
        d2[i] = own2;
        continue;
      }
      double best = own2;
      double second = Double.POSITIVE_INFINITY;
      int nb = a;
      for (int j = 0; j < k; j++) {
        if (j == a) {
          continue;
        }
        double v = SquaredEuclidean.between(x, p, c, j * d, d);
        if (v < best) {
          second = best;
          best = v;
          nb = j;
        } else if (v < second) {
          second = v;
        }
      }
      label[i] = nb;
      d2[i] = best;
      lower[i] = Math.sqrt(second);
    }
  }
}
