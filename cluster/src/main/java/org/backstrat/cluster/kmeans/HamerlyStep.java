package org.backstrat.cluster.kmeans;

import java.io.Serializable;
import org.backstrat.cluster.data.SquaredEuclidean;

/**
 * One bounded reassignment step of Hamerly's k-means (G. Hamerly, "Making k-means even faster",
 * SDM 2010): after the centres moved from {@code previous} to {@code centres}, each row that
 * holds its label, its squared distance to that centre and a lower bound on its distance to the
 * second nearest centre is relabelled only when its own centre is not provably still the nearest.
 * The one kernel of this rule: the single-machine {@code LloydEngine} runs it on its row blocks
 * and the Spark engine on each cached block, so that both label and measure every row
 * identically (same comparisons, same {@link SquaredEuclidean#between} sums, same bounds).
 *
 * <p>The rule, per row with label a: the bound on the second nearest distance drops by the
 * largest move of any other centre ({@code lower - maxShift}, or {@code lower - secondShift} when
 * a itself moved most); the distance to a is always computed exactly (callers trim on it and sum
 * it). When it is at most the dropped bound, or at most half of a's distance to its nearest other
 * centre, a stays nearest and the bound is kept dropped; otherwise all k distances are computed,
 * the nearest wins (a tie keeps a, else goes to the lowest index), and the bound becomes the
 * exact second smallest distance.
 *
 * <p>Immutable and serialisable (it travels with the broadcast centres of the Spark engine).
 */
public final class HamerlyStep implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Receives each row whose nearest centre changed in {@link #reassign}. */
  @FunctionalInterface
  public interface Moves {
    /** Row {@code row} (values at {@code row * d}) moved from centre {@code from} to {@code to}. */
    void moved(int row, int from, int to);
  }

  private final double[] centres;
  private final int k;
  private final int d;
  private final double[] half;
  private final int maxJ;
  private final double maxShift;
  private final double secondShift;

  private HamerlyStep(double[] centres, int k, int d, double[] shift, double[] half) {
    this.centres = centres;
    this.k = k;
    this.d = d;
    this.half = half;
    int m = 0;
    for (int j = 1; j < k; j++) {
      if (shift[j] > shift[m]) {
        m = j;
      }
    }
    double second = 0;
    for (int j = 0; j < k; j++) {
      if (j != m && shift[j] > second) {
        second = shift[j];
      }
    }
    this.maxJ = m;
    this.maxShift = shift[m];
    this.secondShift = second;
  }

  /**
   * The step from centres {@code previous} to {@code centres} ({@code k x d}, row-major; the
   * arrays are kept, not copied, and must not change afterwards): each centre's shift
   * {@code sqrt(between(previous_j, centres_j))} and half the distance from each centre to its
   * nearest other centre.
   */
  public static HamerlyStep between(double[] previous, double[] centres, int k, int d) {
    double[] shift = new double[k];
    double[] half = new double[k];
    for (int j = 0; j < k; j++) {
      shift[j] = Math.sqrt(SquaredEuclidean.between(previous, j * d, centres, j * d, d));
      double m = Double.POSITIVE_INFINITY;
      for (int q = 0; q < k; q++) {
        if (q != j) {
          m = Math.min(m, SquaredEuclidean.between(centres, j * d, centres, q * d, d));
        }
      }
      half[j] = 0.5 * Math.sqrt(m);
    }
    return new HamerlyStep(centres, k, d, shift, half);
  }

  /**
   * Reassigns rows {@code [from, to)} of {@code x} (row i at {@code x[i * d]}) to the new centres
   * with the rule of the class comment, updating {@code label[i]}, {@code d2[i]} (the exact
   * squared distance to the row's centre) and {@code lower[i]} in place; {@code moves} (may be
   * null) hears of every row whose label changed, in row order. Returns the sum of the rows' new
   * {@code d2}, added in row order.
   */
  public double reassign(double[] x, int from, int to, int[] label, double[] d2, double[] lower,
                         Moves moves) {
    double[] c = centres;
    double obj = 0;
    for (int i = from, p = from * d; i < to; i++, p += d) {
      int a = label[i];
      double lb = lower[i] - (a == maxJ ? secondShift : maxShift);
      double own2 = SquaredEuclidean.between(x, p, c, a * d, d);
      double own = Math.sqrt(own2);
      if (own <= lb || own <= half[a]) {
        lower[i] = lb;
        d2[i] = own2;
        obj += own2;
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
      if (nb != a) {
        label[i] = nb;
        if (moves != null) {
          moves.moved(i, a, nb);
        }
      }
      d2[i] = best;
      lower[i] = Math.sqrt(second);
      obj += best;
    }
    return obj;
  }
}
