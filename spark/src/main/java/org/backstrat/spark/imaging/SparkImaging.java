package org.backstrat.spark.imaging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.backstrat.core.BadInputException;
import org.backstrat.core.io.RawTable;
import org.backstrat.core.io.TableFormat;
import org.backstrat.imaging.StudyInput;
import org.backstrat.imaging.pipeline.ImagingJob;
import org.backstrat.imaging.pipeline.StudyManifest;

/**
 * {@code backstrat imaging} over the partitions of a manifest Dataset (the manifest's columns as
 * text, one row per study): each task borrows its executor's imaging session
 * ({@link SessionPool}: the ONNX Runtime sessions opened once per executor core, not per row),
 * reads each manifest row with the single-machine manifest rules and measures the study with the
 * single-machine code, so each row equals the {@code imaging} verb's row. The result is the
 * biomarkers schema of {@link ImagingJob#header()}, typed (grades as integers, angles and
 * confidences as doubles, empty = null), plus {@code row} (the manifest row number, header = 1).
 * A study that cannot be measured is a row with status {@code failed} and the reasons in
 * {@code imaging_messages}, never a failed job; so is a manifest row the rules refuse.
 */
public final class SparkImaging {
  private SparkImaging() {
  }

  /** The output schema: row, then the biomarkers columns. */
  public static StructType schema() {
    List<StructField> f = new ArrayList<>();
    f.add(DataTypes.createStructField("row", DataTypes.LongType, false));
    for (String c : ImagingJob.header()) {
      f.add(DataTypes.createStructField(c, type(c), !c.equals("id")
          && !c.equals(ImagingJob.STATUS_COLUMN)));
    }
    return DataTypes.createStructType(f);
  }

  private static DataType type(String column) {
    if (column.equals("id") || column.equals(ImagingJob.STATUS_COLUMN)
        || column.equals(ImagingJob.MESSAGES_COLUMN)) {
      return DataTypes.StringType;
    }
    return column.startsWith("pfirrmann_") && !column.startsWith("pfirrmann_confidence")
        ? DataTypes.IntegerType : DataTypes.DoubleType;
  }

  /**
   * Measures every study of {@code manifest} (columns named as in a manifest CSV, cells as
   * text); relative image paths are resolved against {@code baseDir}, as against the folder of
   * a manifest file. The studies are numbered in the manifest's order first, then spread over
   * {@code partitions} partitions (a manifest file is small and Spark reads it as one
   * partition; 0 keeps the manifest's partitioning).
   *
   * @throws BadInputException when the manifest has no {@code id} column
   */
  public static Dataset<Row> measure(SparkSession spark, Dataset<Row> manifest,
                                     String manifestName, String baseDir,
                                     ImagingSettings settings, int partitions) {
    List<String> header = Arrays.asList(manifest.columns());
    if (!header.contains(StudyManifest.ID)) {
      throw BadInputException.at(manifestName, 1, StudyManifest.ID, "",
          "a column id (the person id) in the manifest");
    }
    int idColumn = header.indexOf(StudyManifest.ID);
    org.apache.spark.api.java.JavaPairRDD<Row, Long> numbered = manifest.javaRDD()
        .zipWithIndex();
    if (partitions > 0) {
      numbered = numbered.repartition(partitions);
    }
    JavaRDD<Row> out = numbered.mapPartitions(it -> {
      List<Row> rows = new ArrayList<>();
      if (!it.hasNext()) {
        return rows.iterator();
      }
      ImagingJob.Session session = SessionPool.borrow(settings);
      try {
        while (it.hasNext()) {
          scala.Tuple2<Row, Long> t = it.next();
          long rowNumber = t._2() + 2;
          String[] cells = new String[t._1().length()];
          for (int j = 0; j < cells.length; j++) {
            cells[j] = t._1().isNullAt(j) ? "" : String.valueOf(t._1().get(j));
          }
          List<String> result;
          try {
            StudyInput study = oneRow(manifestName, baseDir, header, cells, rowNumber);
            result = session.measureRow(study);
          } catch (BadInputException e) {
            result = failed(cells[idColumn], e.getMessage());
          }
          rows.add(typed(rowNumber, result));
        }
      } finally {
        SessionPool.giveBack(settings, session);
      }
      return rows.iterator();
    });
    return spark.createDataFrame(out, schema());
  }

  /** One manifest row read by the single-machine manifest rules. */
  private static StudyInput oneRow(String name, String baseDir, List<String> header,
                                   String[] cells, long rowNumber) {
    RawTable one = new RawTable(name, header, List.<String[]>of(cells), new long[] {rowNumber},
        TableFormat.CSV);
    return StudyManifest.read(one, Path.of(baseDir)).get(0);
  }

  private static List<String> failed(String id, String reason) {
    List<String> cells = new ArrayList<>();
    List<String> h = ImagingJob.header();
    for (String c : h) {
      cells.add(c.equals("id") ? id : c.equals(ImagingJob.STATUS_COLUMN) ? "failed"
          : c.equals(ImagingJob.MESSAGES_COLUMN) ? reason : "");
    }
    return cells;
  }

  /** The cells of one output row (as the imaging verb writes them), typed; empty = null. */
  public static Row typed(long rowNumber, List<String> cells) {
    List<String> h = ImagingJob.header();
    Object[] v = new Object[h.size() + 1];
    v[0] = rowNumber;
    for (int j = 0; j < h.size(); j++) {
      String c = cells.get(j);
      DataType t = type(h.get(j));
      v[j + 1] = t == DataTypes.StringType ? c : c.isEmpty() ? null
          : t == DataTypes.IntegerType ? (Object) Integer.valueOf(c) : Double.valueOf(c);
    }
    return RowFactory.create(v);
  }

  /** Sessions opened in this JVM (for tests: one per core, not per study). */
  static int sessionsOpened() {
    return SessionPool.opened();
  }
}
