package org.backstrat.analysis.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backstrat.testkit.Prerequisites;

/**
 * Locates the real public data under {@code ../shared/data} (system property
 * {@code backstrat.sharedData}) and committed reference fixtures on the test class path. Tests
 * that need the shared data are skipped, with a message, when it is absent, and fail instead
 * under {@code BACKSTRAT_REQUIRE_DATA=1} ({@link Prerequisites}).
 */
public final class SharedTestData {

  private SharedTestData() {
  }

  /** A file under the shared data folder; skips (or in CI fails) the calling test when absent. */
  public static Path file(String relative) {
    return Prerequisites.sharedDataFile(relative);
  }

  /** Lines of a class-path resource. */
  public static List<String> resourceLines(String name) {
    try (InputStream in = SharedTestData.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reference coefficients: key "class/term" (and "/logLik") to estimate, from a fixture CSV. */
  public static Map<String, Double> referenceEstimates(String resource) {
    Map<String, Double> out = new LinkedHashMap<>();
    List<String> lines = resourceLines(resource);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.replace("\"", "").split(",");
      out.put(f[1] + "/" + f[2], Double.parseDouble(f[3]));
    }
    return out;
  }

  /** UCI vertebral column 3C: six features and classes DH=0 (reference), SL=1, NO=2. */
  public static Labelled vertebral3c() {
    return readVertebral("uci_vertebral_column/column_3C.dat", List.of("DH", "SL", "NO"));
  }

  /** UCI vertebral column 2C: six features and classes NO=0 (reference), AB=1. */
  public static Labelled vertebral2c() {
    return readVertebral("uci_vertebral_column/column_2C.dat", List.of("NO", "AB"));
  }

  private static Labelled readVertebral(String relative, List<String> classNames) {
    try {
      List<double[]> rows = new ArrayList<>();
      List<Integer> labels = new ArrayList<>();
      for (String line : Files.readAllLines(file(relative))) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.trim().split("\\s+");
        double[] x = new double[6];
        for (int j = 0; j < 6; j++) {
          x[j] = Double.parseDouble(f[j]);
        }
        rows.add(x);
        labels.add(classNames.indexOf(f[6]));
      }
      return new Labelled(rows.toArray(double[][]::new),
          labels.stream().mapToInt(Integer::intValue).toArray(), classNames.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Heymans LBP example: Satisfaction 1/2/3 (0 = reference) from Gender, Smoking, Chronic, Age,
   * BMI, Duration; complete cases on these columns (as in the reference scripts).
   */
  public static Labelled heymansSatisfaction() {
    try {
      List<String> lines = Files.readAllLines(file("heymans_lbp_example/lbp_orig_159x15.csv"));
      List<String> header = List.of(lines.get(0).replace("\"", "").split(",", -1));
      String[] cols = {"Gender", "Smoking", "Chronic", "Age", "BMI", "Duration"};
      int target = header.indexOf("Satisfaction");
      List<double[]> rows = new ArrayList<>();
      List<Integer> labels = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",", -1);
        boolean complete = !f[target].isEmpty();
        double[] x = new double[cols.length];
        for (int j = 0; j < cols.length && complete; j++) {
          String cell = f[header.indexOf(cols[j])];
          complete = !cell.isEmpty();
          x[j] = complete ? Double.parseDouble(cell) : 0;
        }
        if (complete) {
          rows.add(x);
          labels.add((int) Double.parseDouble(f[target]) - 1);
        }
      }
      return new Labelled(rows.toArray(double[][]::new),
          labels.stream().mapToInt(Integer::intValue).toArray(), 3);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Features with class labels. */
  public record Labelled(double[][] features, int[] classes, int classCount) {
  }
}
