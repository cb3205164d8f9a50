package org.backstrat.core.scoring;

import java.util.List;

/**
 * Disc degeneration summaries over the five lumbar Pfirrmann grades (L1/2 … L5/S1, each 1–5;
 * Pfirrmann et al., Spine 2001): {@code dd_sum} (5–25), {@code dd_max} (1–5) and
 * {@code dd_n_degenerated}, the number of levels graded ≥ 4 (0–5). Each summary is NaN when any
 * of the five grades is missing: a sum or maximum over fewer levels would not be comparable
 * between people.
 */
public final class DiscDegeneration {

  /** Number of graded levels. */
  public static final int LEVELS = 5;
  /** Grade from which a disc counts as degenerated. */
  public static final int DEGENERATED_FROM_GRADE = 4;
  /** Smallest Pfirrmann grade. */
  public static final int MIN_GRADE = 1;
  /** Largest Pfirrmann grade. */
  public static final int MAX_GRADE = 5;

  private DiscDegeneration() {
  }

  /** Sum of the five grades (5–25), NaN when any is missing. */
  public static double sum(double[] grades) {
    checkGrades(grades);
    double s = 0;
    for (double g : grades) {
      s += g; // NaN propagates
    }
    return s;
  }

  /** Largest of the five grades (1–5), NaN when any is missing. */
  public static double max(double[] grades) {
    checkGrades(grades);
    double m = Double.NEGATIVE_INFINITY;
    for (double g : grades) {
      if (Double.isNaN(g)) {
        return Double.NaN;
      }
      m = Math.max(m, g);
    }
    return m;
  }

  /** Number of levels with grade ≥ 4 (0–5), NaN when any grade is missing. */
  public static double degeneratedLevels(double[] grades) {
    checkGrades(grades);
    int count = 0;
    for (double g : grades) {
      if (Double.isNaN(g)) {
        return Double.NaN;
      }
      if (g >= DEGENERATED_FROM_GRADE) {
        count++;
      }
    }
    return count;
  }

  /**
   * Scores whole columns.
   *
   * @param gradeColumns five columns, cranial to caudal, all of one length, NaN = missing
   */
  public static Scores score(double[][] gradeColumns) {
    int n = ColumnBlock.rows(gradeColumns, LEVELS, "Pfirrmann grade");
    double[] sum = new double[n];
    double[] max = new double[n];
    double[] degenerated = new double[n];
    double[] grades = new double[LEVELS];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < LEVELS; k++) {
        grades[k] = gradeColumns[k][i];
      }
      sum[i] = sum(grades);
      max[i] = max(grades);
      degenerated[i] = degeneratedLevels(grades);
    }
    return new Scores(sum, max, degenerated);
  }

  /**
   * Disc degeneration summaries per person; arrays are owned by the caller.
   *
   * @param sum {@code dd_sum}
   * @param max {@code dd_max}
   * @param degeneratedLevels {@code dd_n_degenerated}
   */
  public record Scores(double[] sum, double[] max, double[] degeneratedLevels) {

    /** The columns in the order of {@link ScoreGroup#DISC_DEGENERATION}'s derived variables. */
    public List<double[]> columns() {
      return List.of(sum, max, degeneratedLevels);
    }
  }

  private static void checkGrades(double[] grades) {
    if (grades.length != LEVELS) {
      throw new IllegalArgumentException("need " + LEVELS + " Pfirrmann grades, got "
          + grades.length);
    }
    for (double g : grades) {
      if (!Double.isNaN(g) && !(g == Math.rint(g) && g >= MIN_GRADE && g <= MAX_GRADE)) {
        throw new IllegalArgumentException("Pfirrmann grade " + g + " outside 1..5");
      }
    }
  }
}
