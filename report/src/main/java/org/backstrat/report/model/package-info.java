/**
 * Everything the report shows, as immutable values (cohort, variants, strata, selection rows,
 * decision curves, projections): the analysis maps its results onto them and the report computes
 * nothing statistical itself.
 */
package org.backstrat.report.model;
