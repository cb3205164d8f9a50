package org.backstrat.spark.kmeans;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
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
   * Reads {@code columns} of {@code data} (numbers of any numeric type, or text that parses as
   * one) into cached blocks, at once (so that bad values are reported here, not in the middle of
   * a fit). The source is read once: Spark's internal rows (the Parquet reader's columnar
   * batches turned into {@code UnsafeRow}s) are copied into primitive arrays without the
   * conversion to external {@link Row}s (boxed cells), which cost most of the read; the blocks
   * are numbered by partition first and then given their global rows from the cached blocks'
   * sizes (no second read of the source).
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
    DataType[] types = java.util.Arrays.stream(numeric.schema().fields())
        .map(StructField::dataType).toArray(DataType[]::new);
    JavaRDD<InternalRow> rows = numeric.queryExecution().toRdd().toJavaRDD();
    int d = names.size();
    // blocks numbered within their partition first (firstRow = row within the partition)
    JavaRDD<RowBlock> local = rows.mapPartitionsWithIndex((p, it) -> toBlocks(it, p, d, types,
        names), true);
    local.persist(StorageLevel.MEMORY_ONLY());
    List<long[]> sizes;
    try {
      // reads and checks every value now, so bad input fails here
      sizes = local.map(b -> new long[] {b.partition, b.firstRow, b.rows}).collect();
    } catch (Exception e) { // Spark's SparkException is checked but not declared
      local.unpersist(false);
      BadCell bad = badCell(e);
      if (bad != null) {
        throw bad.globally(rows);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getMessage(), e);
    }
    int parts = rows.getNumPartitions();
    long[] offsets = new long[parts + 1];
    for (long[] s : sizes) {
      offsets[(int) s[0] + 1] += s[2];
    }
    for (int p = 0; p < parts; p++) {
      offsets[p + 1] += offsets[p];
    }
    long n = offsets[parts];
    if (n == 0) {
      local.unpersist(false);
      throw new BadInputException("the data have no rows");
    }
    // the same arrays under their global rows (no copy); made now, then the local ones freed
    JavaRDD<RowBlock> blocks = local.map(b -> new RowBlock(offsets[b.partition] + b.firstRow,
        b.rows, b.d, b.x));
    blocks.persist(StorageLevel.MEMORY_ONLY());
    blocks.count();
    local.unpersist(false);
    return new BlockData(blocks, n, names);
  }

  /** A bad cell found on an executor, by partition and row within it. */
  static final class BadCell extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int partition;
    final long row;
    final String column;
    final String value;

    BadCell(int partition, long row, String column, String value) {
      super("bad value in partition " + partition + ", row " + (row + 1) + " of it, column "
          + column);
      this.partition = partition;
      this.row = row;
      this.column = column;
      this.value = value;
    }

    /** The error naming the global row: the rows of the partitions before are counted. */
    BadInputException globally(JavaRDD<InternalRow> rows) {
      int p = partition;
      long before = rows.mapPartitionsWithIndex((q, it) -> {
        long c = 0;
        if (q < p) {
          while (it.hasNext()) {
            it.next();
            c++;
          }
        }
        return List.of(c).iterator();
      }, true).collect().stream().mapToLong(Long::longValue).sum();
      return BadInputException.at("data", before + row + 1, column, value,
          "a finite number (empty cells, text, NaN and infinity cannot be clustered)");
    }
  }

  private static BadCell badCell(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BadCell b) {
        return b;
      }
    }
    return null;
  }

  private static Iterator<RowBlock> toBlocks(Iterator<InternalRow> it, int partition, int d,
                                             DataType[] types, List<String> names) {
    List<RowBlock> out = new ArrayList<>();
    long start = 0;
    double[] buf = new double[Math.min(MAX_BLOCK_ROWS, 4096) * d];
    int m = 0;
    while (it.hasNext()) {
      InternalRow row = it.next();
      if ((m + 1) * d > buf.length) {
        if (m == MAX_BLOCK_ROWS) {
          out.add(new RowBlock(partition, start, m, d, buf));
          start += m;
          m = 0;
          buf = new double[Math.min(MAX_BLOCK_ROWS, 4096) * d];
        } else {
          buf = java.util.Arrays.copyOf(buf, Math.min(MAX_BLOCK_ROWS, 2 * (buf.length / d)) * d);
        }
      }
      for (int j = 0; j < d; j++) {
        double v = cell(row, j, types[j]);
        if (!Double.isFinite(v)) {
          throw new BadCell(partition, start + m, names.get(j),
              row.isNullAt(j) ? "" : String.valueOf(row.get(j, types[j])));
        }
        buf[m * d + j] = v;
      }
      m++;
    }
    if (m > 0) {
      out.add(new RowBlock(partition, start, m, d, java.util.Arrays.copyOf(buf, m * d)));
    }
    return out.iterator();
  }

  /**
   * Cell j of an internal row as a double (NaN when null, not a number, or text that does not
   * parse), with the conversions of {@link #number}.
   */
  private static double cell(InternalRow row, int j, DataType t) {
    if (row.isNullAt(j)) {
      return Double.NaN;
    }
    if (t instanceof DoubleType) {
      return row.getDouble(j);
    } else if (t instanceof FloatType) {
      return row.getFloat(j);
    } else if (t instanceof IntegerType) {
      return row.getInt(j);
    } else if (t instanceof LongType) {
      return row.getLong(j);
    } else if (t instanceof ShortType) {
      return row.getShort(j);
    } else if (t instanceof ByteType) {
      return row.getByte(j);
    } else if (t instanceof DecimalType dt) {
      return row.getDecimal(j, dt.precision(), dt.scale()).toDouble();
    } else if (t instanceof StringType) {
      try {
        return Double.parseDouble(row.getUTF8String(j).toString().trim());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
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
