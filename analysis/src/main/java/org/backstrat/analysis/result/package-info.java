/**
 * Typed results of an analysis that outlive it (summary.json's stratum profiles), so that report
 * and model code read results without depending on how the pipeline computed them.
 */
package org.backstrat.analysis.result;
