/**
 * Descriptions of the strata for readers: Table 1 ({@link TableOne}) and the strata in plain
 * words.
 */
package org.backstrat.analysis.describe;
