/**
 * Naming of strata (degenerative, psychosocial, mixed, ...) from their standardised centroids, by
 * the rule of DESIGN.md, so that labels are reproducible and explained rather than chosen by hand.
 */
package org.backstrat.analysis.strata;
