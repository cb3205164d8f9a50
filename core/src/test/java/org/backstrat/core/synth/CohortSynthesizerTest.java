package org.backstrat.core.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backstrat.core.BadInputException;
import org.backstrat.core.cohort.CohortSchema;
import org.backstrat.core.cohort.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortSynthesizerTest {

  private final CohortSynthesizer synth = CohortSynthesizer.withDefaults();

  @Test
  void headerIsEveryCohortSchemaColumnInCanonicalOrder() throws IOException {
    List<String> expected = new ArrayList<>();
    for (Variable v : CohortSchema.standard().variables()) {
      expected.add(v.name());
    }
    StringWriter w = new StringWriter();
    synth.writeCsv(w, 1, 1);
    String header = w.toString().split("\n")[0];
    assertThat(List.of(header.split(","))).isEqualTo(expected);
    assertThat(CohortSynthesizer.columns()).isEqualTo(expected);
  }

  @Test
  void sameSeedAndSizeGiveByteIdenticalFiles(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    synth.write(a, 10_000, 42, false);
    synth.write(b, 10_000, 42, false);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  @Test
  void differentSeedsGiveDifferentRows() throws IOException {
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    synth.writeCsv(a, 100, 1);
    synth.writeCsv(b, 100, 2);
    String[] la = a.toString().split("\n");
    String[] lb = b.toString().split("\n");
    assertThat(la[0]).isEqualTo(lb[0]);
    int differing = 0;
    for (int i = 1; i < la.length; i++) {
      if (!la[i].equals(lb[i])) {
        differing++;
      }
    }
    assertThat(differing).isGreaterThan(95);
  }

  @Test
  void aRowDependsOnlyOnSeedAndIndexNotOnTheNumberOfRows() throws IOException {
    // rows cross a block boundary (4096) so block seeding is exercised
    List<SynthRow> small = list(synth.rows(5000, 9));
    List<SynthRow> large = list(synth.rows(9000, 9));
    for (int i = 0; i < small.size(); i += 97) {
      SynthRow s = small.get(i);
      SynthRow l = large.get(i);
      // ids are padded to the width of n, everything else is the same person
      assertThat(s.stratum()).isEqualTo(l.stratum());
      assertThat(s.bmiKgPerM2()).isEqualTo(l.bmiKgPerM2());
      assertThat(s.sbt()).isEqualTo(l.sbt());
      assertThat(s.facetAnglesDegrees()).isEqualTo(l.facetAnglesDegrees());
    }
  }

  @Test
  void theRowApiGivesExactlyTheRowsOfTheFile() throws IOException {
    StringWriter w = new StringWriter();
    synth.writeCsv(w, 5000, 11);
    String[] lines = w.toString().split("\n");
    List<SynthRow> rows = list(synth.rows(5000, 11));
    assertThat(lines).hasSize(rows.size() + 1);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(lines[i + 1]).isEqualTo(format(rows.get(i)));
    }
  }

  @Test
  void numbersAreWrittenWithOneDecimalRegardlessOfTheDefaultLocale() throws IOException {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      StringWriter w = new StringWriter();
      synth.writeCsv(w, 50, 5);
      for (String line : w.toString().split("\n")) {
        String[] cells = line.split(",", -1);
        assertThat(cells).hasSize(CohortSynthesizer.columns().size());
        if (!line.startsWith("id,")) {
          assertThat(cells[2]).matches("\\d+\\.\\d");
          assertThat(cells[3]).matches("\\d+\\.\\d");
          for (int c = 29; c < 35; c++) {
            assertThat(cells[c]).matches("\\d+\\.\\d");
          }
        }
      }
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void idsAreUniqueAndZeroPadded() {
    List<String> ids = new ArrayList<>();
    for (SynthRow r : synth.rows(12_000, 3)) {
      ids.add(r.id());
    }
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ids.get(0)).isEqualTo("syn00001");
    assertThat(ids.get(11_999)).isEqualTo("syn12000");
  }

  @Test
  void anExistingFileIsNotOverwrittenWithoutForce(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("c.csv");
    Files.writeString(out, "keep me", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> synth.write(out, 10, 1, false))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("already exists");
    assertThat(Files.readString(out)).isEqualTo("keep me");
    synth.write(out, 10, 1, true);
    assertThat(Files.readAllLines(out)).hasSize(11);
    try (var listing = Files.list(dir)) {
      assertThat(listing.count()).as("no temporary files left").isEqualTo(1);
    }
  }

  @Test
  void aNonPositiveNumberOfRowsIsRefused(@TempDir Path dir) {
    assertThatThrownBy(() -> synth.write(dir.resolve("c.csv"), 0, 1, false))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("from 1 to");
    assertThat(dir.resolve("c.csv")).doesNotExist();
  }

  @Test
  void anAbsurdNumberOfRowsIsRefusedBeforeWriting(@TempDir Path dir) {
    assertThatThrownBy(() -> synth.write(dir.resolve("c.csv"), 99_999_999_999L, 1, false))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("from 1 to " + CohortSynthesizer.MAX_ROWS);
    assertThat(dir.resolve("c.csv")).doesNotExist();
  }

  private static List<SynthRow> list(Iterable<SynthRow> rows) {
    List<SynthRow> out = new ArrayList<>();
    for (SynthRow r : rows) {
      out.add(r);
    }
    return out;
  }

  /** Independent formatting of a row with String.format, to cross-check the fast writer. */
  private static String format(SynthRow r) {
    List<String> cells = new ArrayList<>();
    cells.add(r.id());
    cells.add(r.sex());
    cells.add(String.format(Locale.ROOT, "%.1f", r.ageYears()));
    cells.add(String.format(Locale.ROOT, "%.1f", r.bmiKgPerM2()));
    cells.add(r.smoking());
    for (int v : r.sbt()) {
      cells.add(Integer.toString(v));
    }
    for (int v : r.ompsq()) {
      cells.add(Integer.toString(v));
    }
    for (int v : r.pfirrmann()) {
      cells.add(Integer.toString(v));
    }
    for (double v : r.facetAnglesDegrees()) {
      cells.add(String.format(Locale.ROOT, "%.1f", v));
    }
    cells.add(Integer.toString(r.lbpFrequency()));
    cells.add(Integer.toString(r.lbpBothersomeness()));
    cells.add(r.stratum());
    return String.join(",", cells);
  }
}
