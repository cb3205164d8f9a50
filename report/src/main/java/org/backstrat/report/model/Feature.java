package org.backstrat.report.model;

/**
 * One clustering feature as the report names it.
 *
 * @param name column name (e.g. "dd_sum")
 * @param unit unit or scale for axis labels (e.g. "kg/m²", "points 5–25"); "" when none
 * @param numeric true for numeric/ordinal features (box plots are drawn), false for categorical ones
 */
public record Feature(String name, String unit, boolean numeric) {
  /** @return the name with its unit in parentheses, for axis labels */
  public String axisLabel() {
    return unit == null || unit.isEmpty() ? name : name + " (" + unit + ")";
  }
}
