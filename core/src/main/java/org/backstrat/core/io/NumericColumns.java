package org.backstrat.core.io;

import java.util.List;

/**
 * The numeric columns of a table as read by {@link NumericReader}: one row-major
 * {@code double[]} (row i, column j at {@code values[i * names.size() + j]}).
 *
 * @param values the numbers, row-major, {@code rows * names.size()} of them
 * @param rows number of data rows
 * @param names the kept columns, in order
 * @param ids the values of the {@code id} column (any case), or null when the table has none
 * @param skippedColumns columns left out because they are not numeric in every row (only when
 *     every numeric column was asked for), with the first reason, in file order
 * @param headerPresent whether the first row was taken as a header
 * @param delimiter the cell separator: ',', ';', '\t', or ' ' for runs of spaces and tabs
 */
public record NumericColumns(double[] values, int rows, List<String> names, List<String> ids,
                             List<String> skippedColumns, boolean headerPresent,
                             char delimiter) {
}
