package org.backstrat.spark.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.backstrat.core.BadInputException;
import org.backstrat.spark.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BlockData#of} reads a vectorised Parquet scan from its columnar batches (the fast path):
 * the blocks hold every value of every numeric type converted as the row path converts it, in
 * the Dataset's row order (plain and coalesced), and a bad value there is still named by its
 * global row and column.
 */
class BlockDataTest {
  private static final List<String> NAMES = List.of("d", "i", "l", "f", "m");

  /** 3 Parquet files of 2,000 rows of five numeric types; row 4,321 (0-based) gets {@code bad}. */
  private static Dataset<Row> parquet(Path dir, Double bad) {
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("d", DataTypes.DoubleType, true),
        DataTypes.createStructField("i", DataTypes.IntegerType, false),
        DataTypes.createStructField("l", DataTypes.LongType, false),
        DataTypes.createStructField("f", DataTypes.FloatType, false),
        DataTypes.createStructField("m", DataTypes.createDecimalType(12, 3), false)));
    LocalSpark.get().range(0, 6000, 1, 3).map(
        (org.apache.spark.api.java.function.MapFunction<Long, Row>) i -> RowFactory.create(
            i == 4321 ? (Object) bad : (Object) (Math.sin(i) * 1e3), (int) (i * 7 - 20_000),
            i * 1_000_003L, (float) (i / 7.0), BigDecimal.valueOf(i * 1234 - 99_999, 3)),
        org.apache.spark.sql.Encoders.row(schema)).write().parquet(dir.toString());
    return LocalSpark.get().read().parquet(dir.toString());
  }

  /** The blocks' values in global row order (checked to tile the rows without gaps). */
  private static double[] values(BlockData b) {
    List<RowBlock> blocks = new ArrayList<>(b.blocks().collect());
    blocks.sort(Comparator.comparingLong(x -> x.firstRow));
    double[] all = new double[Math.toIntExact(b.rows() * b.columns())];
    long next = 0;
    for (RowBlock x : blocks) {
      assertThat(x.firstRow).isEqualTo(next);
      System.arraycopy(x.x, 0, all, (int) (x.firstRow * b.columns()), x.x.length);
      next += x.rows;
    }
    assertThat(next).isEqualTo(b.rows());
    return all;
  }

  /** What the row path makes of each row, in the Dataset's order. */
  private static double[] expected(Dataset<Row> ds) {
    List<Row> rows = ds.select("d", "i", "l", "f", "m").collectAsList();
    double[] out = new double[rows.size() * NAMES.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int j = 0; j < NAMES.size(); j++) {
        out[r * NAMES.size() + j] = BlockData.number(rows.get(r), j, r + 1, NAMES.get(j));
      }
    }
    return out;
  }

  private static DataType[] types(Dataset<Row> ds) {
    return java.util.Arrays.stream(ds.select("d", "i", "l", "f", "m").schema().fields())
        .map(StructField::dataType).toArray(DataType[]::new);
  }

  @Test
  void parquetIsReadFromItsColumnarBatchesIntoTheValuesOfItsRowsInRowOrder(@TempDir Path dir) {
    Dataset<Row> ds = parquet(dir.resolve("p"), 0.5);
    for (Dataset<Row> view : List.of(ds, ds.coalesce(2))) {
      Dataset<Row> numeric = view.select("d", "i", "l", "f", "m");
      assertThat(BlockData.columnarSource(numeric.queryExecution().executedPlan(), NAMES,
          types(view))).as("the columnar path is taken").isNotNull();
      BlockData b = BlockData.of(view, NAMES);
      try {
        assertThat(b.rows()).isEqualTo(6000);
        assertThat(b.blocks().getNumPartitions()).isEqualTo(view.rdd().getNumPartitions());
        assertThat(values(b)).containsExactly(expected(view));
      } finally {
        b.unpersist();
      }
    }
  }

  @Test
  void columnsInAnotherOrderThanTheFileAreReadRight(@TempDir Path dir) {
    Dataset<Row> ds = parquet(dir.resolve("p"), 0.5);
    BlockData b = BlockData.of(ds, List.of("m", "d"));
    try {
      List<Row> rows = ds.select("m", "d").collectAsList();
      double[] want = new double[rows.size() * 2];
      for (int r = 0; r < rows.size(); r++) {
        want[2 * r] = BlockData.number(rows.get(r), 0, r + 1, "m");
        want[2 * r + 1] = BlockData.number(rows.get(r), 1, r + 1, "d");
      }
      assertThat(values(b)).containsExactly(want);
    } finally {
      b.unpersist();
    }
  }

  @Test
  void aNullInAParquetColumnIsNamedByItsGlobalRowAndColumn(@TempDir Path dir) {
    Dataset<Row> ds = parquet(dir.resolve("p"), null).coalesce(2);
    long row = globalRowOfTheBadValue(ds);
    assertThatThrownBy(() -> BlockData.of(ds, NAMES))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("row " + row + ", column d");
  }

  @Test
  void aNaNInAParquetColumnIsNamedByItsGlobalRowAndColumn(@TempDir Path dir) {
    Dataset<Row> ds = parquet(dir.resolve("p"), Double.NaN);
    long row = globalRowOfTheBadValue(ds);
    assertThatThrownBy(() -> BlockData.of(ds, NAMES))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("row " + row + ", column d");
  }

  /** 1-based position in the Dataset's row order of the row made from 4,321 (long column). */
  private static long globalRowOfTheBadValue(Dataset<Row> ds) {
    List<Row> rows = ds.select("l").collectAsList();
    for (int r = 0; r < rows.size(); r++) {
      if (rows.get(r).getLong(0) == 4321L * 1_000_003L) {
        return r + 1;
      }
    }
    throw new AssertionError("row not found");
  }
}
