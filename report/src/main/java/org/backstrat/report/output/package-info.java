/**
 * Machine-readable outputs of {@code analyze}: summary.json, assignments.csv and the tables that
 * back every figure, and the assembly of the report's input from an analysis result.
 */
package org.backstrat.report.output;
