package org.backstrat.spark.kmeans;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.execution.CoalesceExec;
import org.apache.spark.sql.execution.ColumnarToRowExec;
import org.apache.spark.sql.execution.InputAdapter;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
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
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarArray;
import org.apache.spark.sql.vectorized.ColumnarBatch;
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
   * a fit). The source is read once: a vectorised scan's columnar batches (Parquet) are copied
   * column by column into primitive arrays ({@link #columnarSource}); any other plan's internal
   * rows are copied without the conversion to external {@link Row}s (boxed cells); the blocks
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
    int d = names.size();
    // blocks numbered within their partition first (firstRow = row within the partition): from
    // the columnar batches of a vectorised source (Parquet) where the plan has them, else from
    // Spark's internal rows
    JavaRDD<ColumnarBatch> batches = columnarSource(numeric.queryExecution().executedPlan(),
        names, types);
    JavaRDD<?> source;
    JavaRDD<RowBlock> local;
    if (batches != null) {
      source = batches;
      local = batches.mapPartitionsWithIndex((p, it) -> fromBatches(it, p, d, types, names), true);
    } else {
      JavaRDD<InternalRow> rows = numeric.queryExecution().toRdd().toJavaRDD();
      source = rows;
      local = rows.mapPartitionsWithIndex((p, it) -> toBlocks(it, p, d, types, names), true);
    }
    local.persist(StorageLevel.MEMORY_ONLY());
    List<long[]> sizes;
    try {
      // reads and checks every value now, so bad input fails here
      sizes = local.map(b -> new long[] {b.partition, b.firstRow, b.rows}).collect();
    } catch (Exception e) { // Spark's SparkException is checked but not declared
      local.unpersist(false);
      BadCell bad = badCell(e);
      if (bad != null) {
        throw bad.globally(source);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getMessage(), e);
    }
    int parts = source.getNumPartitions();
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

    /**
     * The error naming the global row: the rows of the partitions before are counted in
     * {@code source} (internal rows, or columnar batches counted by their rows).
     */
    BadInputException globally(JavaRDD<?> source) {
      int p = partition;
      long before = source.mapPartitionsWithIndex((q, it) -> {
        long c = 0;
        if (q < p) {
          while (it.hasNext()) {
            c += it.next() instanceof ColumnarBatch cb ? cb.numRows() : 1;
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

  /**
   * The columnar batches under {@code plan} when it only turns a columnar scan into rows (a
   * vectorised Parquet or ORC read, optionally coalesced): reading the batches column by column
   * skips Spark's conversion of every row to an {@code UnsafeRow} and the per-cell type dispatch
   * on it, which took most of the time of building the blocks. Null when the plan does anything
   * else, or when the scan's columns are not exactly {@code names} of {@code types} in this order
   * (the rows are read then). The partitions are those of the plan (a coalesce is applied to the
   * batches in the same way as {@code CoalesceExec} applies it to the rows).
   */
  static JavaRDD<ColumnarBatch> columnarSource(SparkPlan plan, List<String> names,
                                               DataType[] types) {
    SparkPlan p = plan;
    while (p instanceof WholeStageCodegenExec || p instanceof InputAdapter) {
      p = p instanceof WholeStageCodegenExec w ? w.child() : ((InputAdapter) p).child();
    }
    if (p instanceof CoalesceExec c) {
      JavaRDD<ColumnarBatch> inner = columnarSource(c.child(), names, types);
      return inner == null ? null : inner.coalesce(c.numPartitions(), false);
    }
    if (p instanceof ColumnarToRowExec c && c.child().supportsColumnar()) {
      List<Attribute> out = scala.jdk.javaapi.CollectionConverters.asJava(c.child().output());
      if (out.size() != names.size()) {
        return null;
      }
      for (int j = 0; j < out.size(); j++) {
        if (!out.get(j).name().equals(names.get(j)) || !out.get(j).dataType().equals(types[j])) {
          return null;
        }
      }
      return c.child().executeColumnar().toJavaRDD();
    }
    return null;
  }

  /**
   * The blocks of one partition as they fill: row-major doubles in a buffer that grows by
   * doubling up to {@link #MAX_BLOCK_ROWS} rows, then starts the next block.
   */
  private static final class BlockBuilder {
    final List<RowBlock> out = new ArrayList<>();
    final int partition;
    final int d;
    long start;
    int m;
    double[] buf;

    BlockBuilder(int partition, int d) {
      this.partition = partition;
      this.d = d;
      buf = new double[Math.min(MAX_BLOCK_ROWS, 4096) * d];
    }

    /** Room for up to {@code want} more rows in the current block; returns how many fit. */
    int room(int want) {
      if (m == MAX_BLOCK_ROWS) {
        out.add(new RowBlock(partition, start, m, d, buf));
        start += m;
        m = 0;
        buf = new double[Math.min(MAX_BLOCK_ROWS, 4096) * d];
      }
      int take = Math.min(want, MAX_BLOCK_ROWS - m);
      int cap = buf.length / d;
      if (cap < m + take) {
        while (cap < m + take) {
          cap = Math.min(MAX_BLOCK_ROWS, 2 * cap);
        }
        buf = java.util.Arrays.copyOf(buf, cap * d);
      }
      return take;
    }

    /** Row (within the partition) of the current block's row {@code m + offset}. */
    long row(int offset) {
      return start + m + offset;
    }

    Iterator<RowBlock> finish() {
      if (m > 0) {
        out.add(new RowBlock(partition, start, m, d, java.util.Arrays.copyOf(buf, m * d)));
      }
      return out.iterator();
    }
  }

  private static Iterator<RowBlock> fromBatches(Iterator<ColumnarBatch> it, int partition,
                                                int d, DataType[] types, List<String> names) {
    BlockBuilder bb = new BlockBuilder(partition, d);
    while (it.hasNext()) {
      ColumnarBatch batch = it.next();
      int rows = batch.numRows();
      for (int r0 = 0; r0 < rows; ) {
        int take = bb.room(rows - r0);
        for (int j = 0; j < d; j++) {
          ColumnVector v = batch.column(j);
          int bad = copyColumn(v, types[j], r0, take, bb.buf, bb.m * d + j, d);
          if (bad >= 0) {
            int r = r0 + bad;
            throw new BadCell(partition, bb.row(bad), names.get(j),
                v.isNullAt(r) ? "" : String.valueOf(new ColumnarArray(v, r, 1).get(0, types[j])));
          }
        }
        bb.m += take;
        r0 += take;
      }
    }
    return bb.finish();
  }

  /**
   * Copies rows {@code [from, from + count)} of column vector {@code v} to
   * {@code buf[o], buf[o + stride], ...} as doubles (the conversions of {@link #cell}); returns
   * the index (from 0) of the first null or non-finite value, or -1.
   */
  private static int copyColumn(ColumnVector v, DataType t, int from, int count, double[] buf,
                                int o, int stride) {
    boolean nulls = v.hasNull();
    if (t instanceof DoubleType && !nulls) {
      int bad = -1;
      for (int r = 0, q = o; r < count; r++, q += stride) {
        double x = v.getDouble(from + r);
        buf[q] = x;
        if (!Double.isFinite(x) && bad < 0) {
          bad = r;
        }
      }
      return bad;
    }
    ColumnarArray cells = new ColumnarArray(v, from, count); // the row path's getters
    for (int r = 0, q = o; r < count; r++, q += stride) {
      double x = cell(cells, r, t);
      buf[q] = x;
      if (!Double.isFinite(x)) {
        return r;
      }
    }
    return -1;
  }

  private static Iterator<RowBlock> toBlocks(Iterator<InternalRow> it, int partition, int d,
                                             DataType[] types, List<String> names) {
    BlockBuilder bb = new BlockBuilder(partition, d);
    while (it.hasNext()) {
      InternalRow row = it.next();
      bb.room(1);
      for (int j = 0; j < d; j++) {
        double v = cell(row, j, types[j]);
        if (!Double.isFinite(v)) {
          throw new BadCell(partition, bb.row(0), names.get(j),
              row.isNullAt(j) ? "" : String.valueOf(row.get(j, types[j])));
        }
        bb.buf[bb.m * d + j] = v;
      }
      bb.m++;
    }
    return bb.finish();
  }

  /**
   * Cell j of an internal row (or of a column vector's cells) as a double (NaN when null, not a
   * number, or text that does not parse), with the conversions of {@link #number}.
   */
  private static double cell(SpecializedGetters row, int j, DataType t) {
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
