package org.backstrat.spark.kmeans;

import java.io.Serializable;
import org.backstrat.cluster.data.SquaredEuclidean;
import org.backstrat.cluster.kmeans.HamerlyStep;

/**
 * Centres broadcast to the blocks for one pass: {@code k x d} row-major values, an id that names
 * them (blocks whose cached labels and distances carry another id recompute them), which
 * distance sum to use ({@link SquaredEuclidean#between} while iterating, as the single-machine
 * engine does, or {@link SquaredEuclidean#inIndexOrder} for the final answer), and, for a step
 * that follows another, the previous centres' id and the {@link HamerlyStep} from them (how far
 * each centre moved, half of each centre's distance to its nearest other centre): the
 * single-machine engine's own bounded reassignment, so that a block that still holds the
 * previous step's labels computes only the distance to each row's own centre for most rows.
 *
 * @param prevVersion id of the centres these moved from (0 = none: full assignment)
 * @param step the bounded step from the previous centres (null = none)
 */
record Centres(long version, int k, int d, double[] values, boolean indexOrder,
               long prevVersion, HamerlyStep step) implements Serializable {

  /** Centres with no previous step: every block assigns every row in full. */
  Centres(long version, int k, int d, double[] values, boolean indexOrder) {
    this(version, k, d, values, indexOrder, 0, null);
  }

  /** Centres {@code values} that moved from {@code previous} (id {@code prevVersion}). */
  static Centres after(long version, int k, int d, double[] values, long prevVersion,
                       double[] previous) {
    return new Centres(version, k, d, values, false, prevVersion,
        HamerlyStep.between(previous, values, k, d));
  }

  /**
   * Labels (nearest centre) and squared distances of a block's rows, by the single-machine
   * engine's kernels, computed unless the block's state already holds them for these centres:
   * in full ({@link SquaredEuclidean#nearest}, lowest index on ties) when the block does not
   * hold the previous step, else by {@link HamerlyStep#reassign} as the single-machine engine
   * (a row whose own centre is provably nearest keeps it; the distance to the own centre is
   * always computed exactly, so the trim and the sums see exact distances).
   */
  RowBlock.State assign(RowBlock b) {
    RowBlock.State s = b.state();
    if (s.version == version) {
      return s;
    }
    boolean bounded = prevVersion != 0 && s.version == prevVersion && s.lower != null
        && step != null;
    s.version = 0; // a task that dies half-way leaves no labels that claim to be complete
    if (s.lower == null) {
      s.lower = new double[b.rows];
    }
    if (bounded) {
      step.reassign(b.x, 0, b.rows, s.labels, s.d2, s.lower, null);
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
}
