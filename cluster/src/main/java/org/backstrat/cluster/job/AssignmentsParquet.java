package org.backstrat.cluster.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backstrat.cluster.kmeans.ClusterFit;
import org.backstrat.core.io.ParquetOutput;
import org.backstrat.core.io.ParquetOutput.ColumnType;

/**
 * Writes {@code assignments.parquet} ({@code --out-format parquet}): the columns of
 * {@link AssignmentsCsv} typed — row INT32, id UTF-8 text, cluster INT32, outlier BOOLEAN,
 * distance DOUBLE — straight from the fit, with no CSV in between: writing the CSV and
 * converting it took about twice the time and memory for 10^6 rows.
 */
final class AssignmentsParquet {
  private AssignmentsParquet() {
  }

  /** Writes the file for {@code fit} (ids per row, or null). */
  static void write(Path file, List<String> ids, ClusterFit fit) throws IOException {
    List<String> names = new ArrayList<>(List.of("row"));
    List<ColumnType> types = new ArrayList<>(List.of(ColumnType.INT32));
    if (ids != null) {
      names.add("id");
      types.add(ColumnType.STRING);
    }
    names.addAll(List.of("cluster", "outlier", "distance"));
    types.addAll(List.of(ColumnType.INT32, ColumnType.BOOLEAN, ColumnType.DOUBLE));
    try (ParquetOutput.TypedWriter w = ParquetOutput.TypedWriter.open(file, names, types)) {
      for (int i = 0; i < fit.rows(); i++) {
        Integer row = i + 1;
        Integer cluster = fit.label(i) + 1;
        Boolean outlier = fit.outlier(i);
        Double distance = fit.distance(i);
        if (ids == null) {
          w.row(row, cluster, outlier, distance);
        } else {
          w.row(row, ids.get(i), cluster, outlier, distance);
        }
      }
    }
  }
}
