package org.backstrat.analysis.stats;

import java.util.Arrays;

/**
 * Counts and percentages of a categorical variable's levels per group (for example per
 * stratum): the table a report prints as "n (%)". Percentages are of the group's non-missing
 * values (column percentages); a group with no non-missing value has NaN percentages.
 *
 * @param levels the distinct level codes found, ascending
 * @param groups the group labels, ascending
 * @param counts {@code counts[level][group]}
 * @param missing number of missing values per group
 */
public record LevelCounts(double[] levels, int[] groups, long[][] counts, long[] missing) {

  public LevelCounts {
    levels = levels.clone();
    groups = groups.clone();
    counts = copy(counts);
    missing = missing.clone();
  }

  /**
   * Tabulates category codes {@code values} (NaN = missing) by {@code groupLabels} (negative = in
   * no group, left out).
   */
  public static LevelCounts of(double[] values, int[] groupLabels) {
    GroupedSample all = GroupedSample.of(new double[values.length], groupLabels);
    int[] groups = new int[all.groupCount()];
    for (int g = 0; g < groups.length; g++) {
      groups[g] = all.label(g);
    }
    double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    double[] levels = ContingencyTable.distinctSorted(present);
    long[][] counts = new long[levels.length][groups.length];
    long[] missing = new long[groups.length];
    for (int i = 0; i < values.length; i++) {
      if (groupLabels[i] < 0) {
        continue;
      }
      int g = Arrays.binarySearch(groups, groupLabels[i]);
      if (Double.isNaN(values[i])) {
        missing[g]++;
      } else {
        counts[Arrays.binarySearch(levels, values[i])][g]++;
      }
    }
    return new LevelCounts(levels, groups, counts, missing);
  }

  @Override
  public long[][] counts() {
    return copy(counts);
  }

  @Override
  public double[] levels() {
    return levels.clone();
  }

  @Override
  public int[] groups() {
    return groups.clone();
  }

  @Override
  public long[] missing() {
    return missing.clone();
  }

  /** Percentage (0–100) of group index {@code g}'s non-missing values at level index {@code l}. */
  public double percent(int l, int g) {
    long total = 0;
    for (long[] row : counts) {
      total += row[g];
    }
    return total == 0 ? Double.NaN : 100.0 * counts[l][g] / total;
  }

  private static long[][] copy(long[][] a) {
    long[][] b = new long[a.length][];
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i].clone();
    }
    return b;
  }
}
