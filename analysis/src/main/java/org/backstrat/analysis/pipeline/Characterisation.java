package org.backstrat.analysis.pipeline;

import java.util.List;
import org.backstrat.analysis.result.StratumProfile;
import org.backstrat.analysis.stats.StratumComparison;

/**
 * The characterisation stage's result: the strata named and profiled, and the between-stratum
 * tests on the kept people.
 *
 * @param profiles one per stratum, in stratum order (label, size, stability, centroid, LBP)
 * @param tests one per characterised variable, adjusted across the variant
 * @param pairwise post-hoc comparisons of strata for the variables whose test ran
 * @param sentences one plain-words description per stratum, in stratum order
 */
public record Characterisation(List<StratumProfile> profiles,
                               List<StratumComparison.TestRow> tests,
                               List<StratumComparison.PairwiseRow> pairwise,
                               List<String> sentences) {

  public Characterisation {
    profiles = List.copyOf(profiles);
    tests = List.copyOf(tests);
    pairwise = List.copyOf(pairwise);
    sentences = List.copyOf(sentences);
  }
}
