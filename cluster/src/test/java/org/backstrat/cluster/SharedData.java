package org.backstrat.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backstrat.cluster.data.FeatureMatrix;
import org.backstrat.testkit.Prerequisites;

/**
 * Test access to the real public data in ../shared/data (system property backstrat.sharedData);
 * tests that need it are skipped with a message when it is absent, and fail instead under
 * {@code BACKSTRAT_REQUIRE_DATA=1} ({@link Prerequisites}). Loaders here are deliberately
 * naive (split on whitespace or commas) and independent of the product's table reader.
 */
public final class SharedData {
  private SharedData() {
  }

  /** The shared data folder, or a skipped (in CI failed) test. */
  public static Path dir() {
    return Prerequisites.sharedData();
  }

  /** UCI vertebral column, 310 x 6 (class label dropped), columns V1..V6. */
  public static FeatureMatrix vertebral() {
    List<double[]> rows = new ArrayList<>();
    for (String line : lines(dir().resolve("uci_vertebral_column/column_3C.dat"))) {
      if (line.isBlank()) {
        continue;
      }
      String[] t = line.trim().split("\\s+");
      double[] r = new double[6];
      for (int j = 0; j < 6; j++) {
        r[j] = Double.parseDouble(t[j]);
      }
      rows.add(r);
    }
    return FeatureMatrix.of(rows.toArray(new double[0][]));
  }

  /** Smart 2011, 11-criterion binary subset: the 459 complete rows of 464, x 11 (group dropped). */
  public static FeatureMatrix smart11() {
    List<String> all = lines(dir().resolve("smart2011_lowbackpain_flexord/lowbackpain_464x11.csv"));
    List<double[]> rows = new ArrayList<>();
    for (String line : all.subList(1, all.size())) {
      if (line.isBlank() || line.contains("NA")) {
        continue;
      }
      String[] t = line.split(",");
      double[] r = new double[11];
      for (int j = 0; j < 11; j++) {
        r[j] = Double.parseDouble(t[j]);
      }
      rows.add(r);
    }
    return FeatureMatrix.of(rows.toArray(new double[0][]));
  }

  /** Lines of a test resource under /reference. */
  public static List<String> reference(String name) {
    try {
      return Files.readAllLines(Path.of(SharedData.class.getResource("/reference/" + name).toURI()));
    } catch (IOException | java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> lines(Path p) {
    try {
      return Files.readAllLines(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
