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
   * Labels (nearest centre, lowest index on ties) and squared distances of a block's rows, by
   * the single-machine engine's kernel ({@link SquaredEuclidean#nearest}), computed unless the block's state already holds them for these centres.
   */
  RowBlock.State assign(RowBlock b) {
    RowBlock.State s = b.state();
    if (s.version == version) {
      return s;
    }
    double[] near = new double[2];
    for (int i = 0, p = 0; i < b.rows; i++, p += d) {
      s.labels[i] = SquaredEuclidean.nearest(b.x, p, values, k, d, indexOrder, near);
      s.d2[i] = near[0];
    }
    s.version = version;
    return s;
  }
}
