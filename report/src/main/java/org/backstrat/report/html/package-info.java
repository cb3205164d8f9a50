/**
 * The self-contained HTML report: page model, template rendering and writing of
 * {@code report.html} with its CSV tables. Inline CSS and SVG only, no scripts and no network
 * loads, so the report can be opened offline and archived as is.
 */
package org.backstrat.report.html;
