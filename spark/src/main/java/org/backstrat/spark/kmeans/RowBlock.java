package org.backstrat.spark.kmeans;

import java.io.Serializable;

/**
 * A run of consecutive rows of the data set held in one row-major array, the unit the distributed
 * engine works on (one or more per Spark partition, cached by Spark). {@code firstRow} is the
 * global number of its first row, so ties in the trim are broken by row number as the
 * single-machine engine breaks them, whatever the partitioning.
 *
 * <p>Besides the data, a block carries a transient working state (labels and squared distances
 * for the current centres, the trim flags of the last step, the seeding distances). It is a
 * cache only: each pass names the centres it expects, and a block whose state belongs to other
 * centres (for example after Spark recomputed an evicted partition) recomputes it from them, so
 * results never depend on whether the state survived.
 */
final class RowBlock implements Serializable {
  private static final long serialVersionUID = 1L;
  final long firstRow;
  final int rows;
  final int d;
  final double[] x;
  private transient State state;

  RowBlock(long firstRow, int rows, int d, double[] x) {
    this.firstRow = firstRow;
    this.rows = rows;
    this.d = d;
    this.x = x;
  }

  /** The working state, created empty on first use. */
  State state() {
    if (state == null) {
      state = new State(rows);
    }
    return state;
  }

  /** Working state of one block; see the class comment. */
  static final class State {
    /** Id of the centres that labels and d2 belong to (0 = none). */
    long version;
    final int[] labels;
    final double[] d2;
    /**
     * Labels and trim flags of the last step (centres {@code lastVersion}), to count changes,
     * and a copy of those of the step before (centres {@code prevVersion}), so that a retried
     * task of a step compares with the right one (null = none yet).
     */
    int[] lastLabels;
    boolean[] lastTrimmed;
    long lastVersion;
    int[] prevLabels;
    boolean[] prevTrimmed;
    long prevVersion;
    /**
     * k-means|| seeding: id of the seeding run, candidates incorporated so far, nearest squared
     * distance (null until a k-means|| run needs it: the default sampled seeding never does).
     */
    long seedRun;
    int seedCount;
    double[] seedD2;

    State(int rows) {
      labels = new int[rows];
      d2 = new double[rows];
    }
  }
}
