package org.backstrat.analysis.validation;

import java.util.SplittableRandom;

/**
 * Assigns rows to k folds so that every fold holds each class in (almost) the same proportion:
 * the rows of each class, in a random order, are dealt round-robin to the folds, and the dealing
 * continues across classes where the previous class stopped. Each fold then holds either
 * floor(n_c/k) or ceil(n_c/k) rows of every class c, and fold sizes differ by at most one.
 */
public final class StratifiedFolds {

  private StratifiedFolds() {
  }

  /**
   * Fold of every row, 0..folds-1.
   *
   * @param classes class (or stratum) index of each row, 0..classCount-1
   * @param classCount number of classes
   * @param folds number of folds, 2..n
   * @param random source of the shuffle; consumed, so pass a fresh split per repeat
   */
  public static int[] assign(int[] classes, int classCount, int folds, SplittableRandom random) {
    int n = classes.length;
    if (folds < 2 || folds > n) {
      throw new IllegalArgumentException("folds must be in 2.." + n + ": " + folds);
    }
    int[] counts = new int[classCount];
    for (int c : classes) {
      if (c < 0 || c >= classCount) {
        throw new IllegalArgumentException("class " + c + " outside 0.." + (classCount - 1));
      }
      counts[c]++;
    }
    int[] fold = new int[n];
    int next = 0;
    for (int c = 0; c < classCount; c++) {
      int[] members = new int[counts[c]];
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (classes[i] == c) {
          members[m++] = i;
        }
      }
      for (int i = m - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = members[i];
        members[i] = members[j];
        members[j] = t;
      }
      for (int i = 0; i < m; i++) {
        fold[members[i]] = next;
        next = (next + 1) % folds;
      }
    }
    return fold;
  }
}
