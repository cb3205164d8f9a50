package org.backstrat.spark.kmeans;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.backstrat.cluster.data.Scaler;
import org.backstrat.core.BadInputException;

/**
 * The numeric columns of a {@code Dataset<Row>} as cached blocks of row-major doubles
 * ({@link RowBlock}), numbered by global row (the order of the Dataset's partitions and of the
 * rows within them), checked finite. What the distributed engine iterates over: one pass is one
 * Spark job over these blocks, with no shuffle of rows.
 *
 * @param blocks the cached blocks
 * @param rows number of rows n
 * @param names the column names, in column order
 */
public record BlockData(JavaRDD<RowBlock> blocks, long rows, List<String> names) {

  /** Most rows in one block (a partition with more is cut into several blocks). */
  public static final int MAX_BLOCK_ROWS = 1 << 20;

  /** Number of columns d. */
  public int columns() {
    return names.size();
  }

  /**
   * Reads {@code columns} of {@code data} (numbers of any numeric type) into cached blocks, at
   * once (so that bad values are reported here, not in the middle of a fit); the data are read
   * twice (row counts per partition, then the values), so a costly source should be
   * cached by the caller.
   *
   * @throws BadInputException naming the column and the global row (1-based) of a null, NaN or
   *     infinite value, or a column that is missing or not numeric
   */
  public static BlockData of(Dataset<Row> data, List<String> columns) {
    List<String> names = List.copyOf(columns);
    if (names.isEmpty()) {
      throw new BadInputException("no columns to cluster: name at least one numeric column");
    }
    List<String> present = List.of(data.columns());
    for (String c : names) {
      if (!present.contains(c)) {
        throw new BadInputException("column " + c + " is not in the data (columns: " + present
            + ")");
      }
    }
    Dataset<Row> numeric = data.select(names.stream()
        .map(c -> data.col("`" + c + "`"))
        .toArray(org.apache.spark.sql.Column[]::new));
    JavaRDD<Row> rows = numeric.javaRDD();
    List<Long> counts = rows.mapPartitions(it -> {
      long c = 0;
      while (it.hasNext()) {
        it.next();
        c++;
      }
      return List.of(c).iterator();
    }).collect();
    long[] offsets = new long[counts.size() + 1];
    for (int p = 0; p < counts.size(); p++) {
      offsets[p + 1] = offsets[p] + counts.get(p);
    }
    int d = names.size();
    JavaRDD<RowBlock> blocks = rows.mapPartitionsWithIndex((p, it) -> toBlocks(it, offsets[p], d,
        names), true);
    blocks.persist(StorageLevel.MEMORY_ONLY());
    blocks.count(); // reads and checks every value now, so bad input fails here
    long n = offsets[counts.size()];
    if (n == 0) {
      throw new BadInputException("the data have no rows");
    }
    return new BlockData(blocks, n, names);
  }

  private static Iterator<RowBlock> toBlocks(Iterator<Row> it, long first, int d,
                                             List<String> names) {
    List<RowBlock> out = new ArrayList<>();
    long start = first;
    double[] buf = new double[Math.min(MAX_BLOCK_ROWS, 4096) * d];
    int m = 0;
    while (it.hasNext()) {
      Row row = it.next();
      if ((m + 1) * d > buf.length) {
        if (m == MAX_BLOCK_ROWS) {
          out.add(new RowBlock(start, m, d, buf));
          start += m;
          m = 0;
          buf = new double[Math.min(MAX_BLOCK_ROWS, 4096) * d];
        } else {
          buf = java.util.Arrays.copyOf(buf, Math.min(MAX_BLOCK_ROWS, 2 * (buf.length / d)) * d);
        }
      }
      for (int j = 0; j < d; j++) {
        buf[m * d + j] = number(row, j, start + m + 1, names.get(j));
      }
      m++;
    }
    if (m > 0) {
      out.add(new RowBlock(start, m, d, java.util.Arrays.copyOf(buf, m * d)));
    }
    return out.iterator();
  }

  /**
   * Cell j of a row as a finite double: a number of any numeric type, or text that parses as
   * one (CSV read without a schema).
   */
  public static double number(Row row, int j, long rowNumber, String column) {
    Object v = row.isNullAt(j) ? null : row.get(j);
    double x = Double.NaN;
    if (v instanceof Number num) {
      x = num.doubleValue();
    } else if (v instanceof String text) {
      try {
        x = Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        x = Double.NaN;
      }
    }
    if (!Double.isFinite(x)) {
      throw BadInputException.at("data", rowNumber, column, v == null ? "" : v.toString(),
          "a finite number (empty cells, text, NaN and infinity cannot be clustered)");
    }
    return x;
  }

  /** The blocks transformed by {@code scaler} (cached); these blocks stay cached. */
  public BlockData scaled(Scaler scaler) {
    // Scaler.transformPoint's arithmetic, (x - centre) * (weight / scale), on plain arrays
    // (the Scaler itself is not serialisable)
    double[] center = scaler.center();
    double[] scale = scaler.scale();
    double[] weights = scaler.weights();
    double[] mul = new double[scale.length];
    for (int j = 0; j < mul.length; j++) {
      mul[j] = weights[j] / scale[j];
    }
    JavaRDD<RowBlock> out = blocks.map(b -> {
      double[] z = new double[b.x.length];
      for (int r = 0, p = 0; r < b.rows; r++) {
        for (int j = 0; j < b.d; j++, p++) {
          z[p] = (b.x[p] - center[j]) * mul[j];
        }
      }
      return new RowBlock(b.firstRow, b.rows, b.d, z);
    });
    out.persist(StorageLevel.MEMORY_ONLY());
    return new BlockData(out, rows, names);
  }

  /** Frees the cached blocks. */
  public void unpersist() {
    blocks.unpersist(false);
  }
}
