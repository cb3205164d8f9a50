package org.backstrat.cluster.data;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;

/**
 * Principal components of the rows of a matrix: the column means and the eigen-decomposition of
 * the centred cross-product matrix {@code C = sum_i (x_i - mean)(x_i - mean)^T}, whose
 * eigenvectors are the right singular vectors of the centred data (the principal axes), in
 * decreasing order of variance. One implementation for the two users: the gap statistic's
 * reference box ({@code GapReference.SCALED_PCA}, Tibshirani, Walther &amp; Hastie 2001, as R's
 * {@code cluster::clusGap}) and the report's 2-D projection of the clustered people.
 *
 * <p>Numerical choices: the means are sums divided by n; the cross products are accumulated
 * from centred values (not as sums of squares minus n·mean², which loses precision); the
 * decomposition is Commons Math's {@link EigenDecomposition} of the symmetric matrix, whose
 * eigenvalues come sorted in decreasing order. The component variances are the eigenvalues
 * divided by n − 1 (the sample covariance's), and the sign of each axis, which the
 * decomposition leaves arbitrary, is fixed for display by {@link #orientedAxis} (largest
 * loading positive) so that a projection reads the same on every run.
 */
public final class PrincipalComponents {
  private final double[] mean;
  private final double[][] rotation;
  private final double[] eigenvalues;
  private final int rows;

  private PrincipalComponents(double[] mean, double[][] rotation, double[] eigenvalues,
                              int rows) {
    this.mean = mean;
    this.rotation = rotation;
    this.eigenvalues = eigenvalues;
    this.rows = rows;
  }

  /**
   * The principal components of the rows of {@code data}.
   *
   * @throws IllegalArgumentException when {@code data} has no rows or no columns
   */
  public static PrincipalComponents of(FeatureMatrix data) {
    int n = data.rows();
    int d = data.columns();
    if (n == 0 || d == 0) {
      throw new IllegalArgumentException("principal components need rows and columns");
    }
    double[] x = data.rowMajorView();
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    double[][] cross = new double[d][d];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < d; a++) {
        double ea = x[i * d + a] - mean[a];
        for (int b = a; b < d; b++) {
          cross[a][b] += ea * (x[i * d + b] - mean[b]);
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < a; b++) {
        cross[a][b] = cross[b][a];
      }
    }
    EigenDecomposition eig = new EigenDecomposition(MatrixUtils.createRealMatrix(cross));
    return new PrincipalComponents(mean, eig.getV().getData(), eig.getRealEigenvalues(), n);
  }

  /** Number of columns (and of components). */
  public int dimension() {
    return mean.length;
  }

  /** Column means (a copy). */
  public double[] mean() {
    return mean.clone();
  }

  /**
   * The principal axes as the columns of an orthonormal matrix, {@code rotation[j][c]} = loading
   * of column j on component c, in decreasing order of variance, signs as the decomposition
   * gave them (a copy).
   */
  public double[][] rotation() {
    double[][] r = new double[rotation.length][];
    for (int j = 0; j < r.length; j++) {
      r[j] = rotation[j].clone();
    }
    return r;
  }

  /** Sample variance along component c (eigenvalue / (n − 1); 0 for one row). */
  public double variance(int component) {
    return rows > 1 ? Math.max(0, eigenvalues[component]) / (rows - 1) : 0;
  }

  /** The share of the total variance along component c, in [0, 1] (0 when there is none). */
  public double varianceShare(int component) {
    double total = 0;
    for (double e : eigenvalues) {
      total += Math.max(e, 0);
    }
    return total > 0 ? Math.max(eigenvalues[component], 0) / total : 0;
  }

  /** Axis c with its sign fixed so that its largest loading (in absolute value) is positive. */
  public double[] orientedAxis(int component) {
    int d = mean.length;
    double[] v = new double[d];
    int big = 0;
    for (int j = 0; j < d; j++) {
      v[j] = rotation[j][component];
      if (Math.abs(v[j]) > Math.abs(v[big])) {
        big = j;
      }
    }
    if (v[big] < 0) {
      for (int j = 0; j < d; j++) {
        v[j] = -v[j];
      }
    }
    return v;
  }

  /**
   * The scores of {@code data}'s rows on the first {@code components} oriented axes
   * ({@code scores[i][c]} = (x_i − mean) · orientedAxis(c)); a component beyond the dimension
   * repeats the last one.
   */
  public double[][] scores(FeatureMatrix data, int components) {
    int n = data.rows();
    int d = mean.length;
    if (data.columns() != d) {
      throw new IllegalArgumentException(data.columns() + " columns, not " + d);
    }
    double[][] axes = new double[components][];
    for (int c = 0; c < components; c++) {
      axes[c] = orientedAxis(Math.min(c, d - 1));
    }
    double[] x = data.rowMajorView();
    double[][] out = new double[n][components];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double e = x[i * d + j] - mean[j];
        for (int c = 0; c < components; c++) {
          out[i][c] += e * axes[c][j];
        }
      }
    }
    return out;
  }
}
