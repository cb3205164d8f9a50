package org.backstrat.analysis.strata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names strata from their standardised centroids (DESIGN.md, "Naming the strata"). Each
 * stratum gets a psychosocial burden P (mean z of its psychosocial features' centroid values)
 * and an imaging burden D (mean z of its DD/FT features), where z = (centroid − mean of the
 * people clustered) / their SD. Labels are hints; the numbers are the truth, and the rule is
 * printed in the report ({@link #RULE}).
 */
public final class StratumNamer {

  /** The rule in words, for the report's methods text. */
  public static final String RULE = "Each stratum's psychosocial burden P is the mean "
      + "standardised centroid of its psychosocial scores and its imaging burden D that of DD "
      + "and FT (z = (centroid - mean) / SD over the people clustered). The stratum with the "
      + "highest P is 'psychosocial' and the one with the highest D 'degenerative', unless one "
      + "stratum holds both maxima, which is then 'mixed'. Every other stratum is 'low-burden' "
      + "when it has both the lowest P and the lowest D, else 'mixed'. Repeated labels are "
      + "numbered (mixed, mixed 2).";

  private StratumNamer() {
  }

  /**
   * Labels for each stratum.
   *
   * @param psychosocialZ P per stratum
   * @param imagingZ D per stratum
   */
  public static List<String> name(double[] psychosocialZ, double[] imagingZ) {
    int k = psychosocialZ.length;
    if (imagingZ.length != k) {
      throw new IllegalArgumentException("one P and one D per stratum");
    }
    int psyTop = argmax(psychosocialZ);
    int degTop = argmax(imagingZ);
    int psyLow = argmin(psychosocialZ);
    int degLow = argmin(imagingZ);
    List<String> base = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      String label;
      if (c == psyTop && c == degTop) {
        label = "mixed";
      } else if (c == psyTop) {
        label = "psychosocial";
      } else if (c == degTop) {
        label = "degenerative";
      } else if (c == psyLow && c == degLow) {
        label = "low-burden";
      } else {
        label = "mixed";
      }
      base.add(label);
    }
    Map<String, Integer> seen = new HashMap<>();
    List<String> out = new ArrayList<>();
    for (String label : base) {
      int count = seen.merge(label, 1, Integer::sum);
      out.add(count == 1 ? label : label + " " + count);
    }
    return out;
  }

  /**
   * Mean z-score of the selected columns of each centroid.
   *
   * @param centroids centroids in original units, strata x features
   * @param mean per-feature mean of the people clustered
   * @param sd per-feature SD of the people clustered (0 gives z = 0)
   * @param columns feature indices to average
   */
  public static double[] burden(double[][] centroids, double[] mean, double[] sd,
                                int[] columns) {
    double[] out = new double[centroids.length];
    for (int c = 0; c < centroids.length; c++) {
      double s = 0;
      for (int j : columns) {
        s += sd[j] > 0 ? (centroids[c][j] - mean[j]) / sd[j] : 0;
      }
      out[c] = columns.length == 0 ? 0 : s / columns.length;
    }
    return out;
  }

  private static int argmax(double[] x) {
    int best = 0;
    for (int i = 1; i < x.length; i++) {
      if (x[i] > x[best]) {
        best = i;
      }
    }
    return best;
  }

  private static int argmin(double[] x) {
    int best = 0;
    for (int i = 1; i < x.length; i++) {
      if (x[i] < x[best]) {
        best = i;
      }
    }
    return best;
  }
}
