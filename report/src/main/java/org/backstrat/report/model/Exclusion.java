package org.backstrat.report.model;

/**
 * How many rows of the cohort were left out for one reason, before clustering.
 *
 * @param reason plain-language reason (e.g. "missing dd_sum")
 * @param count rows excluded for it
 */
public record Exclusion(String reason, int count) {
}
