package org.backstrat.core.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Facet tropism: the absolute difference between the left and right facet joint angles at a
 * level, in degrees, at L3/4, L4/5 and L5/S1 ({@code ft_l3l4}, {@code ft_l4l5},
 * {@code ft_l5s1}); its maximum over the three levels ({@code ft_max}); and whether any level
 * reaches 7° or 10° ({@code ft_any_7}, {@code ft_any_10}, the two thresholds used in the
 * literature).
 *
 * <p>Numerical choice: the difference is rounded to {@value #RESOLUTION_DEGREES} degrees (a
 * millionth of a degree, far below any measurement precision), because binary floating point
 * would otherwise make, e.g., 47.3 − 40.3 = 6.999999999999996, and a tropism a reader sees as
 * 7.0° would fall below the 7° threshold. Rounding is half-to-even on the scaled value.
 *
 * <p>A level's tropism is NaN when either side is missing; the maximum and the flags are NaN
 * when any of the six angles is missing (a maximum over fewer levels could hide the tropic
 * one).
 */
public final class FacetTropism {

  /** Number of levels measured. */
  public static final int LEVELS = 3;
  /** Lower literature threshold, degrees. */
  public static final double THRESHOLD_7_DEGREES = 7;
  /** Upper literature threshold, degrees. */
  public static final double THRESHOLD_10_DEGREES = 10;
  /** Resolution to which a tropism is rounded, degrees. */
  public static final double RESOLUTION_DEGREES = 1e-6;

  private static final double STEPS_PER_DEGREE = 1e6;

  private FacetTropism() {
  }

  /**
   * Tropism at one level, {@code |left − right|} rounded to {@link #RESOLUTION_DEGREES}.
   *
   * @return degrees, NaN when either angle is missing
   */
  public static double tropismDegrees(double leftDegrees, double rightDegrees) {
    double d = Math.abs(leftDegrees - rightDegrees);
    return Math.rint(d * STEPS_PER_DEGREE) / STEPS_PER_DEGREE; // NaN propagates
  }

  /** Largest tropism over the levels, NaN when any level is missing. */
  public static double maxDegrees(double[] tropismDegreesByLevel) {
    double m = Double.NEGATIVE_INFINITY;
    for (double t : tropismDegreesByLevel) {
      if (Double.isNaN(t)) {
        return Double.NaN;
      }
      m = Math.max(m, t);
    }
    return m;
  }

  /**
   * 1 when any level's tropism is ≥ the threshold, 0 when none is, NaN when any level is
   * missing.
   */
  public static double anyAtLeast(double[] tropismDegreesByLevel, double thresholdDegrees) {
    double max = maxDegrees(tropismDegreesByLevel);
    if (Double.isNaN(max)) {
      return Double.NaN;
    }
    return max >= thresholdDegrees ? 1 : 0;
  }

  /**
   * Scores whole columns.
   *
   * @param angleColumns six columns: left and right at L3/4, then at L4/5, then at L5/S1, in
   *     degrees, all of one length, NaN = missing
   */
  public static Scores score(double[][] angleColumns) {
    int n = ColumnBlock.rows(angleColumns, 2 * LEVELS, "facet angle");
    double[][] byLevel = new double[LEVELS][n];
    double[] max = new double[n];
    double[] any7 = new double[n];
    double[] any10 = new double[n];
    double[] person = new double[LEVELS];
    for (int i = 0; i < n; i++) {
      for (int level = 0; level < LEVELS; level++) {
        person[level] = tropismDegrees(angleColumns[2 * level][i], angleColumns[2 * level + 1][i]);
        byLevel[level][i] = person[level];
      }
      max[i] = maxDegrees(person);
      any7[i] = anyAtLeast(person, THRESHOLD_7_DEGREES);
      any10[i] = anyAtLeast(person, THRESHOLD_10_DEGREES);
    }
    return new Scores(byLevel, max, any7, any10);
  }

  /**
   * Facet tropism per person; arrays are owned by the caller.
   *
   * @param byLevelDegrees tropism per level (index 0 = L3/4, 1 = L4/5, 2 = L5/S1)
   * @param maxDegrees {@code ft_max}
   * @param any7 {@code ft_any_7} as 1/0
   * @param any10 {@code ft_any_10} as 1/0
   */
  public record Scores(double[][] byLevelDegrees, double[] maxDegrees, double[] any7,
                       double[] any10) {

    /** The columns in the order of {@link ScoreGroup#FACET_TROPISM}'s derived variables. */
    public List<double[]> columns() {
      List<double[]> out = new ArrayList<>(List.of(byLevelDegrees));
      out.addAll(List.of(maxDegrees, any7, any10));
      return out;
    }
  }
}
