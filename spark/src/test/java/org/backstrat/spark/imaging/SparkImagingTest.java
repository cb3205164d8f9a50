package org.backstrat.spark.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.backstrat.imaging.phantom.PhantomJob;
import org.backstrat.imaging.pipeline.ImagingJob;
import org.backstrat.spark.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imaging over the partitions of a manifest equals the imaging verb row for row, opens one
 * session per core rather than per study, and reports broken studies as failed rows.
 */
class SparkImagingTest {

  @Test
  void partitionsGiveTheImagingVerbsRowsAndBrokenStudiesAreRowsWithReasons(@TempDir Path dir)
      throws Exception {
    Path phantoms = dir.resolve("phantoms");
    PhantomJob.withDefaults().withCount(5).withSeed(5).withThreads(1).run(phantoms, false, null);
    // study 2 broken: its sagittal image is garbage; study 6 lists images that do not exist
    Files.writeString(phantoms.resolve("phantom-0002/sagittal_t2.mha"), "garbage\0\0");
    StringBuilder m = new StringBuilder("id,sagittal,axial\n");
    for (int i = 1; i <= 5; i++) {
      String s = String.format("phantom-%04d", i);
      m.append(s).append(',').append(s).append("/sagittal_t2.mha,").append(s).append('\n');
    }
    m.append("ghost,nowhere/sagittal_t2.mha,nowhere\n");
    Path manifest = phantoms.resolve("manifest.csv");
    Files.writeString(manifest, m.toString());

    Path single = dir.resolve("single.csv");
    ImagingJob.withDefaults().run(manifest, single, false, null);
    List<Row> expected = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(single, StandardCharsets.UTF_8)) {
      long row = 1;
      for (CSVRecord rec : CSVFormat.DEFAULT.parse(r)) {
        if (row++ > 1) {
          expected.add(SparkImaging.typed(row - 1, rec.toList()));
        }
      }
    }

    // partitions of at most 256 bytes of the manifest: several, rows in file order
    LocalSpark.get().conf().set("spark.sql.files.maxPartitionBytes", "256");
    Dataset<Row> table = LocalSpark.get().read().option("header", "true")
        .csv(manifest.toString());
    assertThat(table.javaRDD().getNumPartitions()).isGreaterThan(1);
    List<Row> got = new ArrayList<>(SparkImaging.measure(LocalSpark.get(), table,
        manifest.toString(), phantoms.toString(), ImagingSettings.defaults(), 0).collectAsList());
    LocalSpark.get().conf().unset("spark.sql.files.maxPartitionBytes");
    got.sort(Comparator.comparingLong(r -> r.getLong(0)));
    assertThat(got).hasSize(6);
    for (int i = 0; i < 6; i++) {
      assertThat(got.get(i).toSeq()).as(got.get(i).getString(1))
          .isEqualTo(expected.get(i).toSeq());
    }
    // local[2]: two task slots, so this JVM opens at most two sessions however many studies
    // (and test classes) it measures; one per study would be six here alone
    assertThat(SparkImaging.sessionsOpened()).isBetween(1, 2);
    Row broken = got.stream().filter(r -> r.getString(1).equals("phantom-0002")).findFirst()
        .orElseThrow();
    int status = broken.fieldIndex(ImagingJob.STATUS_COLUMN);
    assertThat(broken.getString(status)).isIn("failed", "partial");
    assertThat(broken.getString(status + 1)).contains("sagittal");
    Row ghost = got.stream().filter(r -> r.getString(1).equals("ghost")).findFirst()
        .orElseThrow();
    assertThat(ghost.getString(status)).isEqualTo("failed");
  }
}
