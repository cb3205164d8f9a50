package org.backstrat.imaging.pipeline;

import java.util.List;

/**
 * The biomarkers of one study. Missing values are NaN (grades 0); {@code messages} says why
 * anything is missing or doubtful.
 *
 * @param id person id
 * @param pfirrmann five grades (0 = not measured), cranial to caudal
 * @param pfirrmannConfidence model probability of each grade (NaN = not measured)
 * @param facetLeftDegrees left facet angle per facet level (NaN = not measured)
 * @param facetRightDegrees right facet angle per facet level
 * @param status {@code ok} (everything measured, no warnings), {@code partial} or
 *     {@code failed} (nothing measured)
 * @param messages errors and warnings, each prefixed by the part of the study it concerns
 * @param discConfidence the disc localiser's confidence per disc level (NaN = the localiser did
 *     not run, e.g. discs came from a label image)
 */
public record StudyResult(String id, int[] pfirrmann, double[] pfirrmannConfidence,
                          double[] facetLeftDegrees,
                          double[] facetRightDegrees, String status, List<String> messages,
                          double[] discConfidence) {
  public StudyResult {
    pfirrmann = pfirrmann.clone();
    pfirrmannConfidence = pfirrmannConfidence.clone();
    facetLeftDegrees = facetLeftDegrees.clone();
    facetRightDegrees = facetRightDegrees.clone();
    messages = List.copyOf(messages);
    discConfidence = discConfidence.clone();
  }

  /** A result without disc localiser confidences (all NaN). */
  public StudyResult(String id, int[] pfirrmann, double[] pfirrmannConfidence,
                     double[] facetLeftDegrees, double[] facetRightDegrees, String status,
                     List<String> messages) {
    this(id, pfirrmann, pfirrmannConfidence, facetLeftDegrees, facetRightDegrees, status,
        messages, nans(pfirrmann.length));
  }

  private static double[] nans(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, Double.NaN);
    return a;
  }

  /** Disc localiser confidence at disc index 0..4 (NaN = the localiser did not run). */
  public double discConfidence(int disc) {
    return discConfidence[disc];
  }

  /** Grade at disc index 0..4 (0 = not measured). */
  public int pfirrmann(int disc) {
    return pfirrmann[disc];
  }

  /** Confidence of the grade at disc index 0..4 (NaN = not measured). */
  public double pfirrmannConfidence(int disc) {
    return pfirrmannConfidence[disc];
  }

  /** Left angle at facet level index 0..2 (NaN = not measured). */
  public double facetLeftDegrees(int level) {
    return facetLeftDegrees[level];
  }

  /** Right angle at facet level index 0..2 (NaN = not measured). */
  public double facetRightDegrees(int level) {
    return facetRightDegrees[level];
  }
}
