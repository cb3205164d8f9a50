package org.backstrat.cluster.kmeans;

import java.util.Arrays;
import java.util.Objects;
import org.backstrat.cluster.data.SquaredEuclidean;

/**
 * The result of clustering a scaled feature matrix: the best of all restarts. Clusters are numbered
 * 0..k-1 in a canonical order (largest kept size first, ties by the centre's coordinates), so the
 * same partition always gets the same numbers.
 *
 * <p>Definitions: {@code distance(i)} is the Euclidean distance of row i to its own (nearest)
 * centre; {@code objective} is the sum of squared distances of the kept (non-outlier) points to
 * their centre (for k-medoids: the sum of distances, PAM's criterion; for Huber: twice the Huber
 * loss, equal to the sum of squares when no point is beyond the Huber cut-off; for
 * median-of-means: n times the median-of-means estimate of the mean squared distance; see
 * ReweightedEngine); {@code sizes} count kept points only;
 * {@code trimRadius} is the largest kept distance; {@code weights} are the per-point weights of the
 * last step (1 kept / 0 trimmed for trimmed k-means, all 1 for k-means and k-medoids, the robust
 * weights for Huber and median-of-means).
 */
public final class ClusterFit {
  private final ClusterMethod method;
  private final double trimFraction;
  private final int k;
  private final int dimension;
  private final int[] labels;
  private final boolean[] outliers;
  private final double[] distances;
  private final double[] centers;
  private final int[] sizes;
  private final double objective;
  private final int iterations;
  private final double trimRadius;
  private final double[] weights;
  private final double[] objectiveHistory;

  ClusterFit(ClusterMethod method, double trimFraction, int k, int dimension, int[] labels,
             boolean[] outliers, double[] distances, double[] centers, double objective,
             int iterations, double[] weights, double[] objectiveHistory) {
    this.method = method;
    this.trimFraction = trimFraction;
    this.k = k;
    this.dimension = dimension;
    this.labels = labels;
    this.outliers = outliers;
    this.distances = distances;
    this.centers = centers;
    this.objective = objective;
    this.iterations = iterations;
    this.weights = weights;
    this.objectiveHistory = objectiveHistory;
    this.sizes = new int[k];
    double radius = 0;
    for (int i = 0; i < labels.length; i++) {
      if (!outliers[i]) {
        sizes[labels[i]]++;
        radius = Math.max(radius, distances[i]);
      }
    }
    this.trimRadius = radius;
  }

  /** A fit restored from stored parts: no rows, the given centres and trim radius. */
  private ClusterFit(ClusterMethod method, double trimFraction, int k, int dimension,
                     double[] centers, double trimRadius) {
    this.method = method;
    this.trimFraction = trimFraction;
    this.k = k;
    this.dimension = dimension;
    this.labels = new int[0];
    this.outliers = new boolean[0];
    this.distances = new double[0];
    this.centers = centers;
    this.objective = Double.NaN;
    this.iterations = 0;
    this.weights = new double[0];
    this.objectiveHistory = new double[0];
    this.sizes = new int[k];
    this.trimRadius = trimRadius;
  }

  /**
   * The assignment part of a fit, restored from what a frozen model stores (its centres in the
   * scaled space, trim fraction and trim radius), so that new points are placed by the very
   * same {@link #assignScaled} arithmetic as the training points. The restored fit has no rows:
   * {@link #rows()} is 0, sizes are 0, and objective is NaN.
   *
   * @param method the method that produced the centres
   * @param trimFraction the trimmed fraction alpha (0 when the method does not trim)
   * @param centers the centres in the scaled space, one row per cluster, all of one length
   * @param trimRadius the largest kept training distance (beyond it a new point is an outlier)
   * @throws IllegalArgumentException when there is no centre, the rows differ in length, a value
   *     is not finite, the trim fraction is outside [0, 0.5) or the radius is negative
   */
  public static ClusterFit restored(ClusterMethod method, double trimFraction,
                                    double[][] centers, double trimRadius) {
    if (centers.length == 0 || centers[0].length == 0) {
      throw new IllegalArgumentException("a restored fit needs at least one non-empty centre");
    }
    if (!(trimFraction >= 0 && trimFraction < 0.5)) {
      throw new IllegalArgumentException("trim fraction " + trimFraction + " outside [0, 0.5)");
    }
    if (!(trimRadius >= 0) || !Double.isFinite(trimRadius)) {
      throw new IllegalArgumentException("trim radius " + trimRadius);
    }
    int d = centers[0].length;
    double[] flat = new double[centers.length * d];
    for (int c = 0; c < centers.length; c++) {
      if (centers[c].length != d) {
        throw new IllegalArgumentException("centre " + c + " has " + centers[c].length
            + " values, not " + d);
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(centers[c][j])) {
          throw new IllegalArgumentException("centre " + c + " value " + j + ": "
              + centers[c][j]);
        }
      }
      System.arraycopy(centers[c], 0, flat, c * d, d);
    }
    return new ClusterFit(Objects.requireNonNull(method, "method"), trimFraction,
        centers.length, d, flat, trimRadius);
  }

  /** The algorithm that produced this fit. */
  public ClusterMethod method() {
    return method;
  }

  /** The trimmed fraction alpha (0 for methods that do not trim). */
  public double trimFraction() {
    return trimFraction;
  }

  /** Number of clusters. */
  public int k() {
    return k;
  }

  /** Number of features of the scaled space. */
  public int dimension() {
    return dimension;
  }

  /** Number of rows clustered. */
  public int rows() {
    return labels.length;
  }

  /** Cluster of row i (0-based), also for outliers (their nearest centre). */
  public int label(int row) {
    return labels[row];
  }

  /** A copy of all labels. */
  public int[] labels() {
    return labels.clone();
  }

  /** Whether row i was trimmed. */
  public boolean outlier(int row) {
    return outliers[row];
  }

  /** A copy of the outlier flags. */
  public boolean[] outliers() {
    return outliers.clone();
  }

  /** Number of trimmed rows. */
  public int outlierCount() {
    int c = 0;
    for (boolean o : outliers) {
      if (o) {
        c++;
      }
    }
    return c;
  }

  /** Euclidean distance of row i to its centre, in the scaled space. */
  public double distance(int row) {
    return distances[row];
  }

  /** A copy of all distances. */
  public double[] distances() {
    return distances.clone();
  }

  /** Centre j in the scaled space (a copy). */
  public double[] center(int cluster) {
    return Arrays.copyOfRange(centers, cluster * dimension, (cluster + 1) * dimension);
  }

  /** All centres in the scaled space, one row per cluster (a copy). */
  public double[][] centers() {
    double[][] c = new double[k][];
    for (int j = 0; j < k; j++) {
      c[j] = center(j);
    }
    return c;
  }

  /** Kept points per cluster (a copy). */
  public int[] sizes() {
    return sizes.clone();
  }

  /** The criterion minimised (see the class comment). */
  public double objective() {
    return objective;
  }

  /** Steps taken by the best restart. */
  public int iterations() {
    return iterations;
  }

  /** Largest distance of a kept point to its centre; new points beyond it are outliers. */
  public double trimRadius() {
    return trimRadius;
  }

  /** Per-point weights of the last step (see the class comment; a copy). */
  public double[] weights() {
    return weights.clone();
  }

  /** The objective after each step of the best restart (non-increasing for (trimmed) k-means). */
  public double[] objectiveHistory() {
    return objectiveHistory.clone();
  }

  /**
   * Nearest centre of a point given in the scaled space (lowest index on ties), with the same
   * arithmetic as the fit's final assignment, so a training point gets back its own cluster,
   * distance and outlier flag exactly.
   */
  public Assignment assignScaled(double[] scaledPoint) {
    checkPoint(scaledPoint);
    int best = 0;
    double bestD2 = Double.POSITIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      double v = SquaredEuclidean.inIndexOrder(scaledPoint, 0, centers, j * dimension,
          dimension);
      if (v < bestD2) {
        bestD2 = v;
        best = j;
      }
    }
    double dist = Math.sqrt(bestD2);
    return new Assignment(best, dist, trimFraction > 0 && dist > trimRadius);
  }

  /**
   * Squared Euclidean distances of a point given in the scaled space to every centre, in
   * cluster order, with the same arithmetic as {@link #assignScaled} (so the smallest entry is
   * the square of the distance it reports, and its index the cluster it picks).
   */
  public double[] squaredDistancesScaled(double[] scaledPoint) {
    checkPoint(scaledPoint);
    double[] d2 = new double[k];
    for (int j = 0; j < k; j++) {
      d2[j] = SquaredEuclidean.inIndexOrder(scaledPoint, 0, centers, j * dimension, dimension);
    }
    return d2;
  }

  private void checkPoint(double[] scaledPoint) {
    if (scaledPoint.length != dimension) {
      throw new IllegalArgumentException("point has " + scaledPoint.length + " values, not "
          + dimension);
    }
  }
}
