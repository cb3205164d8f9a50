/**
 * The report's tables with their CSV twins: each table carries machine values and display texts
 * in the same rows, so the HTML and the CSV can never disagree.
 */
package org.backstrat.report.table;
