package org.backstrat.report.model;

import java.util.List;

/**
 * One stratum of one variant: identity, size, stability, centroid and the distributions the
 * report draws. Arrays and lists are aligned with {@link VariantReport#features()}.
 *
 * @param id stratum number as printed (1-based)
 * @param label hint from the naming rule (psychosocial, degenerative, mixed, low-burden)
 * @param size people assigned and kept (not trimmed)
 * @param stabilityJaccard bootstrap mean Jaccard of this stratum (NaN when not computed)
 * @param centroidZ centroid in standardised units, one per feature
 * @param centroidRaw centroid in the features' own units (proportions for categorical ones)
 * @param lbpFrequency counts of LBP frequency levels 0..4 (length 5)
 * @param bothersomeness LBP bothersomeness (0–10) distribution
 * @param featureDistributions per-feature distribution in own units, one per feature
 */
public record StratumReport(int id, String label, int size, double stabilityJaccard, double[] centroidZ,
                            double[] centroidRaw, long[] lbpFrequency, BoxSummary bothersomeness,
                            List<BoxSummary> featureDistributions) {
  /** Number of LBP frequency levels (0 none … 4 daily). */
  public static final int LBP_FREQUENCY_LEVELS = 5;

  /** Checks lengths and copies. */
  public StratumReport {
    if (centroidZ.length != centroidRaw.length || featureDistributions.size() != centroidZ.length) {
      throw new IllegalArgumentException("stratum " + id + ": centroid and distributions differ in length");
    }
    if (lbpFrequency.length != LBP_FREQUENCY_LEVELS) {
      throw new IllegalArgumentException("stratum " + id + ": LBP frequency needs 5 counts (levels 0–4)");
    }
    centroidZ = centroidZ.clone();
    centroidRaw = centroidRaw.clone();
    lbpFrequency = lbpFrequency.clone();
    featureDistributions = List.copyOf(featureDistributions);
  }

  @Override
  public double[] centroidZ() {
    return centroidZ.clone();
  }

  @Override
  public double[] centroidRaw() {
    return centroidRaw.clone();
  }

  @Override
  public long[] lbpFrequency() {
    return lbpFrequency.clone();
  }

  /** @return "id label", e.g. "2 degenerative", as printed in charts */
  public String displayName() {
    return id + " " + label;
  }
}
