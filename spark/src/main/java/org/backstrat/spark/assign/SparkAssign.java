package org.backstrat.spark.assign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortReader;
import org.backstrat.core.io.RawTable;
import org.backstrat.core.io.TableFormat;
import org.backstrat.core.scoring.CohortScorer;
import org.backstrat.model.AssignedRow;
import org.backstrat.model.FrozenModel;
import org.backstrat.model.FrozenVariant;
import org.backstrat.model.ModelJson;
import org.backstrat.model.Placement;
import org.backstrat.model.StratumAssigner;

/**
 * Batch assignment on Spark: the bytes of model.json are broadcast once, and every partition of
 * a cohort table is validated, scored and assigned by exactly the code of {@code backstrat
 * assign} ({@link CohortReader#check}, {@link CohortScorer}, {@link StratumAssigner}), so each
 * row equals the single-machine row. The result has one row per person and variant with the
 * columns of assign's CSV, typed, plus {@code row} (the person's row number in the table as a
 * spreadsheet shows it, header = 1) to order by.
 *
 * <p>Checks that need the whole table see one partition at a time: an id repeated in two
 * partitions is not reported (the single-machine verb reports it).
 */
public final class SparkAssign {
  private SparkAssign() {
  }

  /** The output schema for a model whose largest variant has {@code maxK} strata. */
  public static StructType schema(int maxK) {
    List<StructField> f = new ArrayList<>();
    f.add(DataTypes.createStructField("row", DataTypes.LongType, false));
    f.add(DataTypes.createStructField("id", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("variant", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("cluster", DataTypes.IntegerType, true));
    f.add(DataTypes.createStructField("label", DataTypes.StringType, true));
    f.add(DataTypes.createStructField("outlier", DataTypes.BooleanType, true));
    f.add(DataTypes.createStructField("distance", DataTypes.DoubleType, true));
    for (int c = 1; c <= maxK; c++) {
      f.add(DataTypes.createStructField("p_" + c, DataTypes.DoubleType, true));
    }
    f.add(DataTypes.createStructField("top_features", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("reason", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("basis", DataTypes.StringType, true));
    f.add(DataTypes.createStructField("basis_accuracy", DataTypes.DoubleType, true));
    f.add(DataTypes.createStructField("strata", DataTypes.StringType, false));
    return DataTypes.createStructType(f);
  }

  /**
   * Assigns every row of {@code table} (the cohort's columns, any types; cells are read as their
   * text, null as an empty cell) with the model in {@code modelJson}; {@code source} names the
   * table in messages.
   *
   * @throws org.backstrat.core.BadInputException when model.json is invalid (at once); invalid
   *     rows fail the Spark job with the single-machine message as its cause
   */
  public static Dataset<Row> assign(SparkSession spark, Dataset<Row> table, byte[] modelJson,
                                    String source) {
    FrozenModel model = ModelJson.read(modelJson, source + " (model)");
    Broadcast<byte[]> bc = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(modelJson);
    List<String> header = Arrays.asList(table.columns());
    int maxK = model.maxK();
    JavaRDD<Row> out = table.javaRDD().zipWithIndex().mapPartitions(it -> {
      List<String[]> cells = new ArrayList<>();
      List<Long> numbers = new ArrayList<>();
      while (it.hasNext()) {
        scala.Tuple2<Row, Long> t = it.next();
        Row r = t._1();
        String[] c = new String[r.length()];
        for (int j = 0; j < c.length; j++) {
          c[j] = r.isNullAt(j) ? "" : String.valueOf(r.get(j));
        }
        cells.add(c);
        numbers.add(t._2() + 2);
      }
      if (cells.isEmpty()) {
        return List.<Row>of().iterator();
      }
      long[] rowNumbers = numbers.stream().mapToLong(Long::longValue).toArray();
      FrozenModel m = ModelJson.read(bc.value(), source + " (model)");
      Cohort cohort = CohortReader.withDefaults()
          .check(new RawTable(source, header, cells, rowNumbers, TableFormat.CSV)).orThrow();
      Cohort scored = CohortScorer.withDefaults().withOptions(m.scoring()).score(cohort)
          .cohort();
      if (scored.size() != rowNumbers.length) {
        throw new IllegalStateException("the cohort has " + scored.size() + " people but the"
            + " partition " + rowNumbers.length + " rows");
      }
      List<AssignedRow> assigned = StratumAssigner.assign(m, scored);
      List<Row> rows = new ArrayList<>(assigned.size());
      for (int i = 0; i < assigned.size(); i++) {
        rows.add(toRow(m, assigned.get(i), rowNumbers[i % rowNumbers.length], maxK));
      }
      return rows.iterator();
    });
    return spark.createDataFrame(out, schema(maxK));
  }

  /** One assigned row in the columns of {@link #schema}, as assign's CSV writes it. */
  static Row toRow(FrozenModel model, AssignedRow r, long row, int maxK) {
    FrozenVariant v = model.variant(r.variant()).orElseThrow();
    Object[] c = new Object[12 + maxK];
    int w = 0;
    c[w++] = row;
    c[w++] = r.id();
    c[w++] = r.variant();
    double[] p = new double[0];
    List<String> top = List.of();
    String basis = null;
    Double accuracy = null;
    if (r.placement().isPresent()) {
      Placement pl = r.placement().get();
      boolean fallback = pl.basis() == Placement.Basis.FALLBACK;
      c[w++] = pl.stratum().id();
      c[w++] = pl.stratum().label();
      c[w++] = fallback ? null : pl.outlier();
      c[w++] = fallback ? null : pl.distance();
      p = pl.probabilities();
      top = pl.topFeatures();
      basis = fallback ? "fallback" : "clustering";
      double a = fallback ? v.fallback().orElseThrow().accuracyMean()
          : v.training().accuracyMean();
      accuracy = Double.isFinite(a) ? a : null;
    } else {
      w += 4;
    }
    for (int k = 0; k < maxK; k++) {
      c[w++] = k < p.length ? p[k] : null;
    }
    c[w++] = String.join(";", top);
    c[w++] = r.reason();
    c[w++] = basis;
    c[w++] = accuracy;
    List<String> names = new ArrayList<>();
    v.strata().forEach(st -> names.add(st.id() + "=" + st.label()));
    c[w] = String.join(";", names);
    return RowFactory.create(c);
  }
}
