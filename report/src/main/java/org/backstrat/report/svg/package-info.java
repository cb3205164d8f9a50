/**
 * Deterministic SVG charts (box plots, heat maps, line charts, scatter plots, stacked bars) with
 * colour-blind-safe palettes and fixed number formatting, so the same data give the same bytes
 * and no chart relies on colour alone.
 */
package org.backstrat.report.svg;
