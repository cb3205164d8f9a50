package org.backstrat.analysis.stats;

import java.util.Arrays;
import org.backstrat.core.BadInputException;

/**
 * Values paired with group labels, cleaned for a between-group test: pairs whose value is NaN
 * (missing) or whose label is negative (a person in no group, for example a trimmed outlier) are
 * dropped; the remaining distinct labels, sorted ascending, become groups {@code 0..k-1}. Groups
 * that end up empty therefore do not exist, which is how every test here treats an empty group
 * (as R's {@code factor()} drops unused levels).
 */
final class GroupedSample {
  private final double[] values;
  private final int[] group;
  private final int[] labels;
  private final int[] sizes;

  private GroupedSample(double[] values, int[] group, int[] labels, int[] sizes) {
    this.values = values;
    this.group = group;
    this.labels = labels;
    this.sizes = sizes;
  }

  /** Pairs {@code values[i]}, {@code labels[i]}; both arrays must have the same length. */
  static GroupedSample of(double[] values, int[] labels) {
    if (values.length != labels.length) {
      throw new BadInputException("values and group labels differ in length: " + values.length
          + " values, " + labels.length + " labels");
    }
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if (!Double.isNaN(values[i]) && labels[i] >= 0) {
        n++;
      }
    }
    double[] v = new double[n];
    int[] l = new int[n];
    int m = 0;
    for (int i = 0; i < values.length; i++) {
      if (!Double.isNaN(values[i]) && labels[i] >= 0) {
        v[m] = values[i];
        l[m] = labels[i];
        m++;
      }
    }
    int[] distinct = Arrays.stream(l).distinct().sorted().toArray();
    int[] g = new int[n];
    int[] sizes = new int[distinct.length];
    for (int i = 0; i < n; i++) {
      g[i] = Arrays.binarySearch(distinct, l[i]);
      sizes[g[i]]++;
    }
    return new GroupedSample(v, g, distinct, sizes);
  }

  /** One array per group (empty arrays are skipped); the group's label is its index. */
  static GroupedSample of(double[][] groups) {
    int total = 0;
    for (double[] g : groups) {
      total += g.length;
    }
    double[] v = new double[total];
    int[] l = new int[total];
    int m = 0;
    for (int j = 0; j < groups.length; j++) {
      for (double x : groups[j]) {
        v[m] = x;
        l[m] = j;
        m++;
      }
    }
    return of(v, l);
  }

  int size() {
    return values.length;
  }

  int groupCount() {
    return labels.length;
  }

  double value(int i) {
    return values[i];
  }

  double[] values() {
    return values;
  }

  /** Group index 0..k-1 of observation {@code i}. */
  int group(int i) {
    return group[i];
  }

  /** Original label of group index {@code g}. */
  int label(int g) {
    return labels[g];
  }

  int groupSize(int g) {
    return sizes[g];
  }

  /** The values of group index {@code g}, in input order. */
  double[] groupValues(int g) {
    double[] out = new double[sizes[g]];
    int m = 0;
    for (int i = 0; i < values.length; i++) {
      if (group[i] == g) {
        out[m++] = values[i];
      }
    }
    return out;
  }

  /** Fails with a clear message unless at least two groups have members. */
  void requireTwoGroups(String test) {
    if (labels.length < 2) {
      throw new BadInputException(test + " needs observations in at least two groups; found "
          + labels.length + " non-empty group(s) among " + values.length + " non-missing values");
    }
  }
}
