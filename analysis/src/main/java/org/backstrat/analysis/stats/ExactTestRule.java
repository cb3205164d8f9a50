package org.backstrat.analysis.stats;

/**
 * When a categorical comparison uses the exact Fisher–Freeman–Halton test instead of the
 * chi-square approximation.
 */
public enum ExactTestRule {
  /**
   * Cochran's rule (Cochran 1954; the default): the chi-square approximation is trusted only if
   * no expected count is below 1 and at most 20% of the expected counts are below 5; otherwise
   * the exact test is used. Expected counts are those of the table after dropping empty rows
   * and columns.
   */
  COCHRAN,
  /** Always the chi-square test. */
  NEVER,
  /** Always the exact test. */
  ALWAYS;

  /** Whether a table with these expected counts gets the exact test under this rule. */
  public boolean requiresExact(double[][] expected) {
    return switch (this) {
      case NEVER -> false;
      case ALWAYS -> true;
      case COCHRAN -> {
        int cells = 0;
        int belowFive = 0;
        boolean belowOne = false;
        for (double[] row : expected) {
          for (double e : row) {
            cells++;
            belowFive += e < 5 ? 1 : 0;
            belowOne |= e < 1;
          }
        }
        yield belowOne || belowFive > 0.2 * cells;
      }
    };
  }
}
