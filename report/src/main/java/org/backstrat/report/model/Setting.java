package org.backstrat.report.model;

/**
 * One analysis setting, printed in the methods section and its table.
 *
 * @param name setting name (e.g. "trim fraction α")
 * @param value its value as text (e.g. "0.05")
 */
public record Setting(String name, String value) {
}
