/**
 * Evidence for strata that is not circular: tests and reproducibility measures that do not
 * predict the clustering from the very features it was built on. {@link BlockPermutationTest}
 * asks whether the strata are more than the separate data domains would give on their own;
 * {@link PredictionStrength} asks whether a clustering of one half of the people predicts the
 * clustering of the other half (Tibshirani &amp; Walther 2005, as R fpc computes it), and how well
 * the two halves agree (split-half adjusted Rand index).
 */
package org.backstrat.analysis.evidence;
