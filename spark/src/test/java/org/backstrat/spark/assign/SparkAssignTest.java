package org.backstrat.spark.assign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.backstrat.core.cohort.Cohort;
import org.backstrat.core.cohort.CohortReader;
import org.backstrat.core.scoring.CohortScorer;
import org.backstrat.core.synth.CohortSynthesizer;
import org.backstrat.model.AssignedRow;
import org.backstrat.model.FrozenModel;
import org.backstrat.model.ModelJson;
import org.backstrat.model.StratumAssigner;
import org.backstrat.spark.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark's batch assignment gives assign's rows, row for row, on a synthetic cohort. */
public class SparkAssignTest {
  /** The model module's real fixture model (trained on a synthetic cohort; see its README). */
  public static final Path MODEL = Path.of("..", "model", "src", "test", "resources", "org",
      "backstrat", "model", "person", "fixture-model.json");

  public static Path cohort(Path dir, int n) throws Exception {
    Path csv = dir.resolve("cohort.csv");
    try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      CohortSynthesizer.withDefaults().writeCsv(w, n, 11);
    }
    return csv;
  }

  /** What {@code backstrat assign} computes (its command reads, scores and assigns so). */
  public static List<AssignedRow> singleMachine(Path model, Path csv) {
    FrozenModel frozen = ModelJson.read(model);
    Cohort cohort = CohortReader.withDefaults().read(csv).orThrow();
    Cohort scored = CohortScorer.withDefaults().withOptions(frozen.scoring()).score(cohort)
        .cohort();
    return StratumAssigner.assign(frozen, scored);
  }

  @Test
  void everyRowEqualsTheSingleMachineAssignment(@TempDir Path dir) throws Exception {
    Path csv = cohort(dir, 600);
    FrozenModel model = ModelJson.read(MODEL);
    List<AssignedRow> expected = singleMachine(MODEL, csv);
    // files split into partitions of at most 32 KiB: several partitions, rows in file order
    LocalSpark.get().conf().set("spark.sql.files.maxPartitionBytes", "32768");
    Dataset<Row> table = LocalSpark.get().read().option("header", "true").csv(csv.toString());
    assertThat(table.javaRDD().getNumPartitions()).isGreaterThan(1);
    List<Row> got = new ArrayList<>(SparkAssign.assign(LocalSpark.get(), table,
        Files.readAllBytes(MODEL), csv.toString()).collectAsList());
    List<String> variants = model.variants().stream().map(v -> v.name()).toList();
    got.sort(Comparator.<Row>comparingInt(r -> variants.indexOf(r.getString(2)))
        .thenComparingLong(r -> r.getLong(0)));
    assertThat(got).hasSize(expected.size());
    int maxK = model.maxK();
    for (int i = 0; i < expected.size(); i++) {
      Row want = SparkAssign.toRow(model, expected.get(i), got.get(i).getLong(0), maxK);
      assertThat(got.get(i).toSeq()).as("row %d", i).isEqualTo(want.toSeq());
    }
    assertThat(got.stream().filter(r -> !r.isNullAt(3)).count()).isGreaterThan(500);
    LocalSpark.get().conf().unset("spark.sql.files.maxPartitionBytes");
  }
}
