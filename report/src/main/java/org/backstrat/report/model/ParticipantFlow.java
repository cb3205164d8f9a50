package org.backstrat.report.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * How the people of one variant went from the rows read to the strata, CONSORT-style: rows
 * read, people left out for missing features (complete-case), people with an imputed value
 * (imputation), people clustered, outliers trimmed, people in the strata. The report states
 * these numbers in its overview and draws them as a small flow diagram; the constructor checks
 * that they add up, so a diagram whose boxes disagree cannot be built.
 *
 * @param nRead rows read from the input table
 * @param nExcludedMissing people left out because a feature was missing
 * @param excludedByFeature people left out per missing feature (a person missing two features
 *     counts under both, so these may sum to more than {@code nExcludedMissing})
 * @param nImputed people kept with at least one imputed feature value (0 without imputation)
 * @param imputation how missing values were imputed, in words ("" when they were not)
 * @param nClustered people clustered (= nRead − nExcludedMissing)
 * @param nOutliers people trimmed as outliers
 */
public record ParticipantFlow(int nRead, int nExcludedMissing, Map<String, Integer> excludedByFeature,
                              int nImputed, String imputation, int nClustered, int nOutliers) {

  /** Checks that the counts add up and copies the map (sorted by feature). */
  public ParticipantFlow {
    excludedByFeature = Map.copyOf(new TreeMap<>(excludedByFeature));
    if (nRead < 0 || nExcludedMissing < 0 || nImputed < 0 || nOutliers < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    if (nRead - nExcludedMissing != nClustered) {
      throw new IllegalArgumentException(nRead + " read - " + nExcludedMissing
          + " left out != " + nClustered + " clustered");
    }
    if (nImputed > nClustered || nOutliers > nClustered) {
      throw new IllegalArgumentException("more imputed or trimmed people than clustered");
    }
    if (imputation == null) {
      throw new IllegalArgumentException("imputation: \"\" when none");
    }
  }

  /** People in the strata: clustered and not trimmed. */
  public int nInStrata() {
    return nClustered - nOutliers;
  }

  /** The excluded features sorted by feature name, as "bmi 40, smoking 3". */
  public String excludedList() {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(excludedByFeature).forEach((f, n) -> {
      if (n > 0) {
        sb.append(sb.length() == 0 ? "" : ", ").append(f).append(' ').append(n);
      }
    });
    return sb.toString();
  }
}
