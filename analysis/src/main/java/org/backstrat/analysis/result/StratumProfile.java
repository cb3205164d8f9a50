package org.backstrat.analysis.result;

import java.util.Map;

/**
 * One stratum as summary.json describes it: identity, label, size, stability, its centroid in
 * the features' own units, LBP frequency counts and bothersomeness median/IQR.
 *
 * @param id stratum number (1-based, as printed)
 * @param label hint from the naming rule
 * @param size people assigned and kept (not trimmed)
 * @param stabilityJaccard bootstrap mean Jaccard of this stratum (NaN when not computed)
 * @param centroid feature name to centroid value in original units (insertion ordered)
 * @param lbpFrequency frequency level (0-4) to count
 * @param bothersomenessMedian median LBP bothersomeness
 * @param bothersomenessQ1 first quartile (R type 7)
 * @param bothersomenessQ3 third quartile (R type 7)
 */
public record StratumProfile(int id, String label, int size, double stabilityJaccard,
                             Map<String, Double> centroid, Map<Integer, Integer> lbpFrequency,
                             double bothersomenessMedian, double bothersomenessQ1,
                             double bothersomenessQ3) {
}
