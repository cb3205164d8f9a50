package org.backstrat.spark.kmeans;

import java.io.Serializable;
import org.backstrat.cluster.data.SquaredEuclidean;

/**
 * Centres broadcast to the blocks for one pass: {@code k x d} row-major values, an id that names
 * them (blocks whose cached labels and distances carry another id recompute them), and which
 * distance sum to use ({@link SquaredEuclidean#between} while iterating, as the single-machine
 * engine does, or {@link SquaredEuclidean#inIndexOrder} for the final answer).
 */
record Centres(long version, int k, int d, double[] values, boolean indexOrder)
    implements Serializable {

  /**
   * Labels (nearest centre, lowest index on ties) and squared distances of a block's rows,
   * computed unless the block's state already holds them for these centres.
   */
  RowBlock.State assign(RowBlock b) {
    RowBlock.State s = b.state();
    if (s.version == version) {
      return s;
    }
    double[] x = b.x;
    for (int i = 0, p = 0; i < b.rows; i++, p += d) {
      double best = Double.POSITIVE_INFINITY;
      int a = 0;
      for (int j = 0; j < k; j++) {
        double v = indexOrder ? SquaredEuclidean.inIndexOrder(x, p, values, j * d, d)
            : SquaredEuclidean.between(x, p, values, j * d, d);
        if (v < best) {
          best = v;
          a = j;
        }
      }
      s.labels[i] = a;
      s.d2[i] = best;
    }
    s.version = version;
    return s;
  }
}
