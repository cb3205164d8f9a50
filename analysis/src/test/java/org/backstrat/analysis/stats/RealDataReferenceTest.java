package org.backstrat.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backstrat.analysis.stats.Tolerance.EXACT_ARITHMETIC;
import static org.backstrat.analysis.stats.Tolerance.P_VALUE;
import static org.backstrat.analysis.stats.Tolerance.assertRelative;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backstrat.testkit.Prerequisites;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests on real public data (../shared/data, read at test time, never copied) against R:
 * UCI vertebral column angles by diagnosis (Kruskal–Wallis, tiny p, and Dunn), the Heymans LBP
 * teaching data (Kruskal–Wallis, chi-square, Fisher r × c) and Smart 2011 criteria by pain
 * mechanism (chi-square, Fisher 2 × 3). Skipped when the data folder is absent (failed under
 * {@code BACKSTRAT_REQUIRE_DATA=1}).
 */
class RealDataReferenceTest {

  static List<ReferenceTable.Row> cases() {
    return ReferenceTable.read("realdata.csv");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void realDataTestsMatchR(ReferenceTable.Row row) throws IOException {
    Path file = Prerequisites.sharedDataFile(row.text("file"));
    Map<String, List<String>> columns = read(file);
    String group = row.text("group").split(":")[0];
    List<String> x = columns.get(row.text("variable"));
    List<String> g = columns.get(group);
    List<String> levels = g.stream().filter(s -> !s.isEmpty()).distinct().sorted().toList();
    double[] values = new double[x.size()];
    int[] labels = new int[x.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = x.get(i).isEmpty() ? Double.NaN : Double.parseDouble(x.get(i));
      labels[i] = g.get(i).isEmpty() ? -1 : levels.indexOf(g.get(i));
    }
    switch (row.text("test")) {
      case "kruskal-wallis" -> {
        KruskalWallis.Result r = KruskalWallis.withDefaults().test(values, labels);
        assertRelative("H", r.statistic(), row.number("statistic"), EXACT_ARITHMETIC);
        assertThat(r.degreesOfFreedom()).isEqualTo((int) row.number("df"));
        assertRelative("p", r.p(), row.number("p"), P_VALUE);
      }
      case "dunn" -> {
        String[] pair = row.text("group").split(":");
        int a = levels.indexOf(pair[1]);
        int b = levels.indexOf(pair[2]);
        DunnTest.Comparison c = DunnTest.withDefaults().test(values, labels).comparisons().stream()
            .filter(k -> k.groupA() == a && k.groupB() == b).findFirst().orElseThrow();
        assertRelative("z", c.z(), row.number("statistic"), EXACT_ARITHMETIC);
        assertRelative("p", c.p(), row.number("p"), P_VALUE);
      }
      case "chi-square" -> {
        ChiSquareIndependence.Result r = ChiSquareIndependence.withDefaults().test(cross(values, labels));
        assertRelative("X^2", r.statistic(), row.number("statistic"), EXACT_ARITHMETIC);
        assertRelative("p", r.p(), row.number("p"), P_VALUE);
      }
      case "fisher-freeman-halton" -> {
        FisherFreemanHalton.Result r = FisherFreemanHalton.withDefaults().test(cross(values, labels));
        assertThat(r.method()).isEqualTo(FisherFreemanHalton.Method.EXACT);
        assertRelative("p", r.p(), row.number("p"), P_VALUE);
      }
      default -> throw new IllegalArgumentException(row.text("test"));
    }
  }

  private static long[][] cross(double[] values, int[] labels) {
    GroupedSample s = GroupedSample.of(values, labels);
    return ContingencyTable.crossTabulate(s).counts();
  }

  /** Columns of a comma CSV with a quoted header, or of the whitespace-separated UCI .dat file. */
  private static Map<String, List<String>> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, List<String>> out = new HashMap<>();
    if (file.toString().endsWith(".dat")) {
      String[] names = {"pelvic_incidence", "pelvic_tilt", "lumbar_lordosis_angle", "sacral_slope",
          "pelvic_radius", "degree_spondylolisthesis", "class"};
      for (String n : names) {
        out.put(n, new ArrayList<>());
      }
      for (String line : lines) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.trim().split("\\s+");
        for (int i = 0; i < names.length; i++) {
          out.get(names[i]).add(f[i]);
        }
      }
      return out;
    }
    String[] names = lines.get(0).replace("\"", "").split(",", -1);
    for (String n : names) {
      out.put(n, new ArrayList<>());
    }
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.replace("\"", "").split(",", -1);
      for (int i = 0; i < names.length; i++) {
        out.get(names[i]).add(f[i]);
      }
    }
    return out;
  }
}
