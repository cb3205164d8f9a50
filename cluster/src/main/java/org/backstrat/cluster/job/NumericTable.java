package org.backstrat.cluster.job;

import java.util.List;
import org.backstrat.cluster.data.FeatureMatrix;

/**
 * The numeric part of a delimited text table, as read by {@link NumericTableReader}.
 *
 * @param data the selected numeric columns, one row per data line
 * @param ids the values of the {@code id} column (any case), or null when the table has none
 * @param skippedColumns columns left out because they are not fully numeric (all-numeric mode),
 *     in file order
 * @param headerPresent whether the first line was taken as a header
 * @param delimiter the field separator: ',', ';', '\t', or ' ' for runs of whitespace
 */
public record NumericTable(FeatureMatrix data, List<String> ids, List<String> skippedColumns,
                           boolean headerPresent, char delimiter) {
}
