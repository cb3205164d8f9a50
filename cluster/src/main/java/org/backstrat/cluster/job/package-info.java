/**
 * The generic clustering job behind {@code backstrat cluster}: request, numeric table reading,
 * and the atomic writing of {@code assignments.csv} and {@code clustering.json}. Separate from the
 * engine so that library users cluster matrices without files.
 */
package org.backstrat.cluster.job;
