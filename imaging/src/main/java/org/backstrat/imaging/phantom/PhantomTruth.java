package org.backstrat.imaging.phantom;

import java.util.List;
import org.backstrat.core.cohort.CohortSchema;

/**
 * The ground truth of one phantom study, in the cohort table's terms: Pfirrmann grades at
 * L1/2..L5/S1 and facet angles (degrees to the mid-sagittal line, 0–90) at L3/4, L4/5, L5/S1.
 *
 * @param id person id (the study's folder name)
 * @param pfirrmann five grades 1–5, cranial to caudal ({@link CohortSchema#DISC_LEVELS})
 * @param facetLeftDegrees left facet angle at each {@link CohortSchema#FACET_LEVELS} level
 * @param facetRightDegrees right facet angle at each level
 */
public record PhantomTruth(String id, List<Integer> pfirrmann, List<Double> facetLeftDegrees,
                           List<Double> facetRightDegrees) {

  public PhantomTruth {
    pfirrmann = List.copyOf(pfirrmann);
    facetLeftDegrees = List.copyOf(facetLeftDegrees);
    facetRightDegrees = List.copyOf(facetRightDegrees);
    if (pfirrmann.size() != CohortSchema.DISC_LEVELS.size()
        || facetLeftDegrees.size() != CohortSchema.FACET_LEVELS.size()
        || facetRightDegrees.size() != CohortSchema.FACET_LEVELS.size()) {
      throw new IllegalArgumentException("need 5 grades and 3 angles per side");
    }
  }

  /** Facet tropism |left - right| at facet level index 0..2, in degrees. */
  public double tropismDegrees(int level) {
    return Math.abs(facetLeftDegrees.get(level) - facetRightDegrees.get(level));
  }
}
