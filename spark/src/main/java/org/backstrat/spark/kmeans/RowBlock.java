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
  /** The Spark partition the block was read from (-1 when not from a source read). */
  final int partition;
  final long firstRow;
  final int rows;
  final int d;
  final double[] x;
  private transient State state;

  RowBlock(long firstRow, int rows, int d, double[] x) {
    this(-1, firstRow, rows, d, x);
  }

  RowBlock(int partition, long firstRow, int rows, int d, double[] x) {
    this.partition = partition;
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
    /** Hamerly lower bound on each row's distance to its second nearest centre (null = none). */
    double[] lower;
    /**
     * Committed labels and trim flags of the step of centres {@code lastVersion}, to count the
     * rows that change (null = none yet).
     */
    int[] lastLabels;
    boolean[] lastOut;
    long lastVersion;
    /**
     * Labels and trim flags written by the sums pass of the step of centres {@code flagVersion}
     * (0 while they are being written, so a task that died half-way is never committed); the
     * {@code pendCount} rows {@code pendIdx} (their distances {@code pendD2}) were in the bin of
     * the trim radius and get their flag when that step's radius is known (at the next step).
     */
    int[] newLabels;
    boolean[] newOut;
    long flagVersion;
    int[] pendIdx = new int[0];
    double[] pendD2 = new double[0];
    int pendCount;
    /**
     * The rows below the step's bracket of the trim radius (kept whatever the radius), for the
     * centres {@code lowVersion} (0 = none, or being written): each row's centre there
     * ({@code lowLabels}, -1 = not below the bracket) and their per-centre sums and counts,
     * updated from step to step for the rows that changed.
     */
    long lowVersion;
    int[] lowLabels;
    double[] lowSums;
    long[] lowCounts;
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
