package org.backstrat.cluster.job;

import java.nio.file.Path;
import org.backstrat.cluster.select.KSelection;

/**
 * What a {@code cluster} job did: where it wrote, what it read, what it chose, and how long each
 * stage took (for progress messages and the benchmark).
 *
 * @param output the directory written
 * @param table the table read
 * @param selection the K selection (its chosen model is the one written)
 * @param readNanos time to read the input
 * @param fitNanos time to scale, cluster and compute the selection table
 * @param writeNanos time to write the outputs
 */
public record ClusterJobResult(Path output, NumericTable table, KSelection selection,
                               long readNanos, long fitNanos, long writeNanos) {
}
